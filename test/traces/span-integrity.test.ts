import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/http.ts';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  DeleteTraces,
  GetTrace,
  LogSpans,
  LogTrace,
  newTraceId,
  span,
} from '../helpers/trace-documents.ts';

// Spans have no foreign key to trace_info (Migration20261207400000): span writes only write spans
// of traces they created or row-locked, and a statement trigger on trace_info deletes the spans of
// deleted traces. These tests pin both halves through the API.

let t: TestApp;
let base: string;
let db: pg.Client;
beforeAll(async () => {
  t = await createTestApp();
  base = (await t.listen()).replace(/\/graphql$/, '');
  db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db.end();
  await t.close();
});

/** Spans stored per trace id (absent: none). */
async function spanCounts(traceIds: readonly string[]): Promise<Map<string, number>> {
  const res = await db.query<{ trace_id: string; n: number }>(
    'select trace_id, count(*)::int as n from spans where trace_id = any($1::text[]) group by 1',
    [traceIds],
  );
  return new Map(res.rows.map((r) => [r.trace_id, r.n]));
}

/** Spans whose trace does not exist, in the whole database. */
async function orphans(): Promise<number> {
  const res = await db.query<{ n: number }>(
    `select count(*)::int as n from spans s
     where not exists (select 1 from trace_info t where t.trace_id = s.trace_id)`,
  );
  return res.rows[0]!.n;
}

/** Waits until `n` sessions of the test database wait on a lock. */
async function waitersOn(n: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const res = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (res.rows[0]!.n >= n) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never ${n} lock waiters`);
}

/** Logs a complete trace of `n` spans (a root and children) starting at `startMs`. */
async function logTrace(exp: string, n: number, startMs = 1_700_000_000_000): Promise<string> {
  const traceId = newTraceId();
  const root = span('root', startMs, 100);
  const children = Array.from({ length: n - 1 }, (_, i) =>
    span(`c${i}`, startMs + i, 5, { parentSpanId: root.spanId }),
  );
  const res = await t.execute(LogTrace, {
    input: { experimentId: exp, traceId, requestTime: startMs, spans: [root, ...children] },
  });
  expect(res.logTrace.__typename).toBe('LogTraceSuccess');
  return traceId;
}

/** An OTLP/JSON export of `n` spans of trace `hex` (32 hex) into experiment `exp`. */
function otlpExport(exp: string, hex: string, n: number) {
  const spans = Array.from({ length: n }, (_, i) => ({
    traceId: hex,
    spanId: randomBytes(8).toString('hex'),
    name: `op-${i}`,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000200000000',
    status: {},
  }));
  return rawRequest(
    base,
    'POST',
    '/v1/traces',
    JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] }),
    { 'content-type': 'application/json', 'x-mlflow-experiment-id': exp },
  );
}

describe('spans of deleted traces', () => {
  it('go with their traces on every delete path, and spans of other traces stay', async () => {
    const exp = await seedExperiment(t);
    const byId = [await logTrace(exp, 3), await logTrace(exp, 2)];
    const old = [await logTrace(exp, 4, 1000), await logTrace(exp, 1, 1001)];
    const kept = await logTrace(exp, 5, 5000);
    const del = (input: Record<string, unknown>) =>
      t.execute(DeleteTraces, { input: { experimentId: exp, ...input } });
    expect((await del({ traceIds: byId })).deleteTraces).toMatchObject({ tracesDeleted: 2 });
    expect(await spanCounts([...byId, kept])).toEqual(new Map([[kept, 5]]));
    const byTime = await del({ maxTimestampMillis: 2000, maxTraces: 10 });
    expect(byTime.deleteTraces).toMatchObject({ tracesDeleted: 2 });
    expect(await spanCounts([...old, kept])).toEqual(new Map([[kept, 5]]));
    expect(await orphans()).toBe(0);
  });

  it('go when a deleted experiment is purged (the cascade to trace_info fires the trigger)', async () => {
    const gone = await seedExperiment(t);
    const stays = await seedExperiment(t);
    const traces = [await logTrace(gone, 3), await logTrace(gone, 20)];
    const kept = await logTrace(stays, 2);
    const deleted = await t.executeRaw(
      `mutation($id: String!) { deleteExperiment(input: { experimentId: $id }) { __typename } }`,
      { id: gone },
    );
    expect(deleted.errors).toBeUndefined();
    const purged = await t.executeRaw<{ purgeDeleted: { __typename: string } }, unknown>(
      `mutation($id: String!) { purgeDeleted(input: { olderThanMs: 0, experimentIds: [$id] }) {
         __typename } }`,
      { id: gone },
    );
    expect(purged.data?.purgeDeleted.__typename).toBe('PurgeDeletedSuccess');
    expect(await spanCounts([...traces, kept])).toEqual(new Map([[kept, 2]]));
    expect(await orphans()).toBe(0);
  });
});

describe('span writes racing a delete of their trace', () => {
  it('leave no orphans when the delete waits on a writer that holds the trace: the trigger sees its spans', async () => {
    const exp = await seedExperiment(t);
    for (const via of ['logSpans', 'otlp'] as const) {
      const traceId = await logTrace(exp, 2);
      // a third party holds the trace's row lock, so the writer and then the delete queue behind it
      const holder = new pg.Client({ connectionString: t.databaseUrl });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('select 1 from trace_info where trace_id = $1 for update', [traceId]);
        const write =
          via === 'logSpans'
            ? t.execute(LogSpans, {
                input: { traceId, experimentId: exp, spans: [span('late', 1_700_000_000_005, 1)] },
              })
            : otlpExport(exp, traceId.slice(3), 4);
        await waitersOn(1);
        const del = t.execute(DeleteTraces, { input: { experimentId: exp, traceIds: [traceId] } });
        await waitersOn(2);
        await holder.query('commit');
        await write;
        expect((await del).deleteTraces).toMatchObject({ tracesDeleted: 1 });
      } finally {
        await holder.end();
      }
      expect(await spanCounts([traceId]), via).toEqual(new Map());
      expect(await orphans(), via).toBe(0);
    }
  });

  it('leave no orphan spans: logSpans, logTrace and OTLP against deleteTraces', async () => {
    const exp = await seedExperiment(t);
    for (let round = 0; round < 12; round++) {
      const traceId = await logTrace(exp, 3);
      const hex = traceId.slice(3);
      const del = t.execute(DeleteTraces, { input: { experimentId: exp, traceIds: [traceId] } });
      const writes: Promise<unknown>[] = [
        // into the existing trace (no experiment: it must exist), and creating it again if gone
        t.execute(LogSpans, { input: { traceId, spans: [span('a', 1_700_000_000_001, 1)] } }),
        t.execute(LogSpans, {
          input: { traceId, experimentId: exp, spans: [span('b', 1_700_000_000_002, 1)] },
        }),
        otlpExport(exp, hex, 5),
        t.execute(LogTrace, {
          input: { experimentId: exp, traceId, spans: [span('r', 1_700_000_000_000, 9)] },
        }),
      ];
      // start the delete between the writes on odd rounds, first on even ones
      if (round % 2) writes.splice(2, 0, del);
      else writes.unshift(del);
      await Promise.all(writes);
      expect(await orphans(), `round ${round}`).toBe(0);
      // whatever won, the trace and its spans agree
      const { trace } = await t.execute(GetTrace, { traceId });
      const stored = (await spanCounts([traceId])).get(traceId) ?? 0;
      expect(stored).toBe(trace?.spans.length ?? 0);
    }
  });

  it('leave no orphan spans when whole traces are deleted while OTLP exports append to them', async () => {
    const exp = await seedExperiment(t);
    const traces = await Promise.all(Array.from({ length: 6 }, () => logTrace(exp, 2)));
    const exports = traces.map((id) => otlpExport(exp, id.slice(3), 3));
    const deletes = [
      t.execute(DeleteTraces, { input: { experimentId: exp, traceIds: traces.slice(0, 3) } }),
      t.execute(DeleteTraces, { input: { experimentId: exp, maxTimestampMillis: Date.now() } }),
    ];
    await Promise.all([...exports.slice(0, 3), ...deletes, ...exports.slice(3)]);
    expect(await orphans()).toBe(0);
  });
});

describe('the spans table', () => {
  it('carries no per-row foreign key check and no start-time index (cheaper span rows)', async () => {
    const fks = await db.query(
      `select conname from pg_constraint where conrelid = 'spans'::regclass and contype = 'f'`,
    );
    expect(fks.rows).toEqual([]);
    const indexes = await db.query<{ indexname: string }>(
      `select indexname from pg_indexes where tablename = 'spans' order by 1`,
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual(['spans_pkey']);
  });
});
