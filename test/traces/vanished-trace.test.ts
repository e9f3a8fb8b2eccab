import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  DeleteTraceTag,
  LogSpans,
  LogTrace,
  newTraceId,
  SetTraceTag,
  span,
} from '../helpers/trace-documents.ts';

// Traces are deleted for good. A write whose trace is deleted after it committed, before its result
// is read, answers RESOURCE_DOES_NOT_EXIST (as if the delete had come first), never a null in the
// result's non-null `trace`. The delete is made deterministic here by triggers on this test's own
// database that delete the trace inside the write itself, on a marker the test sends.

let t: TestApp;
let db: pg.Client;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  await db.query(`
    create function test_vanish_trace() returns trigger language plpgsql as $$
    begin
      delete from trace_info
      where trace_id = case when tg_op = 'DELETE' then old.trace_id else new.trace_id end;
      return null;
    end $$;
    create trigger test_vanish_on_span after insert on spans
      for each row when (new.name = 'vanish') execute function test_vanish_trace();
    create trigger test_vanish_on_tag after insert or update on trace_tags
      for each row when (new.key = 'vanish') execute function test_vanish_trace();
    create trigger test_vanish_on_tag_delete after delete on trace_tags
      for each row when (old.key = 'vanish-on-delete') execute function test_vanish_trace();`);
  exp = await seedExperiment(t);
});
afterAll(async () => {
  await db.end();
  await t.close();
});

async function loggedTrace(tags: { key: string; value: string }[] = []): Promise<string> {
  const traceId = newTraceId();
  const res = await t.execute(LogTrace, {
    input: { experimentId: exp, traceId, tags, spans: [span('root', 1_700_000_000_000, 10)] },
  });
  expect(res.logTrace.__typename).toBe('LogTraceSuccess');
  return traceId;
}

async function traceRows(traceId: string): Promise<{ traces: number; spans: number }> {
  const res = await db.query<{ traces: number; spans: number }>(
    `select (select count(*)::int from trace_info where trace_id = $1) as traces,
            (select count(*)::int from spans where trace_id = $1) as spans`,
    [traceId],
  );
  return res.rows[0]!;
}

describe('a trace deleted between a write and its result', () => {
  it('logSpans answers RESOURCE_DOES_NOT_EXIST and leaves no spans', async () => {
    const traceId = await loggedTrace();
    const res = await t.execute(LogSpans, {
      input: { traceId, spans: [span('vanish', 1_700_000_000_001, 1)] },
    });
    expect(res.logSpans).toMatchObject({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: `Trace with ID '${traceId}' not found.`,
    });
    expect(await traceRows(traceId)).toEqual({ traces: 0, spans: 0 });
  });

  it('setTraceTag and deleteTraceTag answer RESOURCE_DOES_NOT_EXIST', async () => {
    const tagged = await loggedTrace();
    const set = await t.execute(SetTraceTag, {
      input: { traceId: tagged, key: 'vanish', value: 'x' },
    });
    expect(set.setTraceTag).toMatchObject({ __typename: 'NotFoundError' });
    expect(await traceRows(tagged)).toEqual({ traces: 0, spans: 0 });

    const untagged = await loggedTrace([{ key: 'vanish-on-delete', value: 'x' }]);
    const del = await t.execute(DeleteTraceTag, {
      input: { traceId: untagged, key: 'vanish-on-delete' },
    });
    expect(del.deleteTraceTag).toMatchObject({ __typename: 'NotFoundError', id: untagged });
    expect(await traceRows(untagged)).toEqual({ traces: 0, spans: 0 });
  });

  it('a write whose trace stays answers with the trace as stored', async () => {
    const traceId = await loggedTrace();
    const res = await t.execute(LogSpans, {
      input: { traceId, spans: [span('child', 1_700_000_000_001, 1)] },
    });
    expect(res.logSpans.__typename).toBe('LogSpansSuccess');
    if (res.logSpans.__typename !== 'LogSpansSuccess') return;
    expect(res.logSpans.trace.spans.map((s) => s.spanId)).toHaveLength(2);
  });
});
