import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, rawRequest } from '../helpers/http.ts';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { GetTrace } from '../helpers/trace-documents.ts';

/**
 * OTLP exports of new traces: one statement that commits on its own, falling back to the
 * transaction when a trace exists or appears while the statement runs; larger exports are
 * checked chunk by chunk and stay all or nothing.
 */

let t: TestApp;
let base: string;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  base = (await t.listen()).replace(/\/graphql$/, '');
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** An OTLP/JSON export of one span per trace hex (`bad`: that trace's span ends before it starts). */
function exportOf(traces: readonly string[], bad?: string) {
  const spans = traces.map((trace) => ({
    traceId: trace,
    spanId: hex(8),
    name: 'op',
    startTimeUnixNano: '1700000000200000000',
    endTimeUnixNano: trace === bad ? '1700000000100000000' : '1700000000300000000',
    attributes: [{ key: 'mlflow.spanInputs', value: { stringValue: '{"q":1}' } }],
  }));
  return JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
}

const post = (body: string) =>
  rawRequest(base, 'POST', '/v1/traces', body, {
    'content-type': 'application/json',
    'x-mlflow-experiment-id': exp,
  });

async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const storedSpans = (traceIds: string[]) =>
  withClient(async (c) => {
    const { rows } = await c.query(
      'select count(*)::int as n from spans where trace_id = any($1)',
      [traceIds],
    );
    return (rows[0] as { n: number }).n;
  });

describe('OTLP exports of new traces', () => {
  it('writes an export of new traces with one statement and no transaction', async () => {
    const traces = [hex(16), hex(16), hex(16)];
    t.sql.length = 0;
    expect((await post(exportOf(traces))).status).toBe(200);
    expect(t.sql, t.sql.join('\n')).toHaveLength(1);
    expect(await storedSpans(traces.map((h) => `tr-${h}`))).toBe(3);
    const { trace } = await t.execute(GetTrace, { traceId: `tr-${traces[0]}` });
    expect(trace?.requestPreview).toBe('{"q":1}');
  });

  it('stores every span when another writer creates one of the traces while the statement runs', async () => {
    const [raced, fresh] = [hex(16), hex(16)];
    await withClient(async (other) => {
      await other.query('begin');
      await other.query(
        `insert into trace_info (trace_id, experiment_id, request_time, execution_duration, state)
         values ($1, $2, 1700000000000, 0, 'IN_PROGRESS')`,
        [`tr-${raced}`, exp],
      );
      t.sql.length = 0;
      const pending = post(exportOf([raced, fresh]));
      // the export's insert waits on the other writer's uncommitted row (polled from another
      // connection: a transaction sees one snapshot of pg_stat_activity)
      await withClient(async (watcher) => {
        for (;;) {
          const { rows } = await watcher.query(
            `select count(*)::int as n from pg_stat_activity
             where datname = current_database() and wait_event_type = 'Lock'
               and query like '%insert into trace_info%'`,
          );
          if ((rows[0] as { n: number }).n > 0) return;
          await new Promise((r) => setTimeout(r, 20));
        }
      });
      await other.query('commit');
      const res = await pending;
      expect(res.status, res.body.toString()).toBe(200);
      // the one statement wrote nothing; the transaction after it wrote the export
      expect(t.sql.length).toBeGreaterThan(1);
    });
    expect(await storedSpans([`tr-${raced}`, `tr-${fresh}`])).toBe(2);
    const { trace } = await t.execute(GetTrace, { traceId: `tr-${raced}` });
    // the other writer's trace, widened by the export's span
    expect(trace?.requestTime).toBe(1_700_000_000_000);
    expect(trace?.executionDuration).toBe(300);
    expect(trace?.spans).toHaveLength(1);
  });

  it('writes none of a multi-chunk export whose last chunk holds a bad span (422)', async () => {
    const traces = Array.from({ length: 2100 }, () => hex(16)).sort();
    const last = traces[traces.length - 1]!;
    const res = await post(exportOf(traces, last));
    expect(res.status).toBe(422);
    expect(json(res).message).toMatch(/cannot end before it starts/);
    expect(await storedSpans(traces.map((h) => `tr-${h}`))).toBe(0);
  });
});
