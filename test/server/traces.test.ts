import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  DeleteTraces,
  DeleteTraceTag,
  GetTrace,
  LogSpans,
  LogTrace,
  newSpanId,
  newTraceId,
  ns,
  SetTraceTag,
  span,
} from '../helpers/trace-documents.ts';

let t: TestApp;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

const get = async (traceId: string) => (await t.execute(GetTrace, { traceId })).trace;
const kv = (list: { key: string; value: string }[]) =>
  Object.fromEntries(list.map((e) => [e.key, e.value]));

describe('logTrace', () => {
  it('stores a complete trace; time, duration, state, previews and name come from the root span', async () => {
    const traceId = newTraceId();
    const root = span('agent', 1_700_000_000_000, 250, {
      spanType: 'AGENT',
      inputs: JSON.stringify({ question: 'why?' }),
      outputs: JSON.stringify('because'),
      attributes: [{ key: 'user.id', value: '"u1"' }],
    });
    const child = span('llm', 1_700_000_000_010, 100, {
      parentSpanId: root.spanId,
      spanType: 'LLM',
      events: [
        { name: 'token', timeNs: ns(1_700_000_000_050), attributes: [{ key: 'n', value: '3' }] },
      ],
    });
    const res = await t.execute(LogTrace, {
      input: {
        experimentId: exp,
        traceId,
        clientRequestId: 'req-1',
        metadata: [{ key: 'mlflow.trace_schema.version', value: '3' }],
        tags: [{ key: 'team', value: 'a' }],
        spans: [child, root],
      },
    });
    if (res.logTrace.__typename !== 'LogTraceSuccess') throw new Error(JSON.stringify(res));
    const tr = res.logTrace.trace;
    expect(tr).toMatchObject({
      traceId,
      experimentId: exp,
      clientRequestId: 'req-1',
      requestTime: 1_700_000_000_000,
      executionDuration: 250,
      endTime: 1_700_000_000_250,
      state: 'OK',
      requestPreview: '{"question":"why?"}',
      responsePreview: '"because"',
    });
    expect(kv(tr.metadata)).toEqual({
      'mlflow.trace_schema.version': '3',
      'mlflow.trace.infoFinalized': 'true',
    });
    expect(kv(tr.tags)).toEqual({
      team: 'a',
      'mlflow.traceName': 'agent',
      'mlflow.artifactLocation': `/tmp/trackql-test-artifacts/${exp}/traces/${traceId}/artifacts`,
      'mlflow.trace.spansLocation': 'TRACKING_STORE',
    });
    // root first, then by start
    expect(tr.spans.map((s) => s.name)).toEqual(['agent', 'llm']);
    expect(tr.spans[1]).toMatchObject({
      parentSpanId: root.spanId,
      spanType: 'LLM',
      startTimeNs: '1700000000010000000',
      statusCode: 'OK',
      events: [
        { name: 'token', timeNs: '1700000000050000000', attributes: [{ key: 'n', value: '3' }] },
      ],
    });
    expect(tr.spans[0]).toMatchObject({
      parentSpanId: null,
      inputs: '{"question":"why?"}',
      outputs: '"because"',
    });
    expect(kv(tr.spans[0]!.attributes)).toMatchObject({ 'user.id': '"u1"' });
    const read = await get(traceId);
    expect(read?.rootSpan).toEqual({ spanId: root.spanId, name: 'agent' });
    expect(read?.experiment.experimentId).toBe(exp);
  });

  it('keeps nanosecond precision beyond JavaScript numbers', async () => {
    const start = '1700000000123456789';
    const res = await t.execute(LogTrace, {
      input: {
        experimentId: exp,
        spans: [
          { spanId: newSpanId(), name: 'r', startTimeNs: start, endTimeNs: '1700000000123456799' },
        ],
      },
    });
    if (res.logTrace.__typename !== 'LogTraceSuccess') throw new Error('failed');
    expect(res.logTrace.trace.traceId).toMatch(/^tr-[0-9a-f]{32}$/);
    expect(res.logTrace.trace.spans[0]).toMatchObject({
      startTimeNs: start,
      endTimeNs: '1700000000123456799',
    });
    expect(res.logTrace.trace.requestTime).toBe(1_700_000_000_123);
  });

  it('previews the last user and assistant messages of chat inputs, cut to 1000 characters', async () => {
    const long = 'x'.repeat(1500);
    const root = span('chat', Date.now(), 5, {
      inputs: JSON.stringify({
        messages: [
          { role: 'user', content: 'first' },
          { role: 'assistant', content: 'reply' },
          { role: 'user', content: [{ type: 'text', text: 'second' }] },
        ],
      }),
      outputs: JSON.stringify({ choices: [{ message: { role: 'assistant', content: long } }] }),
    });
    const res = await t.execute(LogTrace, { input: { experimentId: exp, spans: [root] } });
    if (res.logTrace.__typename !== 'LogTraceSuccess') throw new Error('failed');
    expect(res.logTrace.trace.requestPreview).toBe('second');
    expect(res.logTrace.trace.responsePreview).toBe(`${'x'.repeat(997)}...`);
  });

  it('cuts previews given by the client and never replaces them from the root span', async () => {
    const res = await t.execute(LogTrace, {
      input: {
        experimentId: exp,
        requestPreview: 'q'.repeat(1200),
        responsePreview: 'mine',
        spans: [span('r', Date.now(), 1, { inputs: '"in"', outputs: '"out"' })],
      },
    });
    if (res.logTrace.__typename !== 'LogTraceSuccess') throw new Error('failed');
    expect(res.logTrace.trace.requestPreview).toBe(`${'q'.repeat(997)}...`);
    expect(res.logTrace.trace.responsePreview).toBe('mine');
  });

  it('marks the trace ERROR when the root span failed, unless a state is given', async () => {
    const failed = span('r', Date.now(), 3, { statusCode: 'ERROR', statusMessage: 'boom' });
    const a = await t.execute(LogTrace, { input: { experimentId: exp, spans: [failed] } });
    const b = await t.execute(LogTrace, {
      input: { experimentId: exp, state: 'OK', spans: [{ ...failed, spanId: newSpanId() }] },
    });
    const unset = await t.execute(LogTrace, {
      input: { experimentId: exp, spans: [span('r', Date.now(), 1, { statusCode: 'UNSET' })] },
    });
    expect(a.logTrace.__typename === 'LogTraceSuccess' && a.logTrace.trace.state).toBe('ERROR');
    expect(b.logTrace.__typename === 'LogTraceSuccess' && b.logTrace.trace.state).toBe('OK');
    expect(unset.logTrace.__typename === 'LogTraceSuccess' && unset.logTrace.trace.state).toBe(
      'OK',
    );
  });

  it('rejects bad input and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ state: 'IN_PROGRESS' }, 'state'],
      [{ traceId: 'tr-xyz' }, 'traceId'],
      [{ spans: [span('r', 1000, -1)] }, 'spans[0].endTimeNs'],
      [{ spans: [{ ...span('r', 1000, 1), inputs: '{not json' }] }, 'spans[0].inputs'],
      [{ spans: [{ ...span('r', 1000, 1), startTimeNs: '-5' }] }, 'spans[0].startTimeNs'],
      [{ spans: [{ ...span('r', 1000, 1), spanId: 'XYZ' }] }, 'spans[0].spanId'],
      [{ metadata: [{ key: 'a//b', value: 'v' }] }, 'metadata[0].key'],
      // what PostgreSQL cannot store: NUL characters, unpaired surrogates, values nested too deep
      [{ metadata: [{ key: 'k', value: 'a\u0000b' }] }, 'metadata[0].value'],
      [{ tags: [{ key: 'k', value: 'x\ud800' }] }, 'tags[0].value'],
      [{ clientRequestId: 'r\u0000' }, 'clientRequestId'],
      [{ spans: [{ ...span('r', 1000, 1), name: 'n\u0000' }] }, 'spans[0].name'],
      [{ spans: [{ ...span('r', 1000, 1), inputs: '"a\\u0000b"' }] }, 'spans[0].inputs'],
      [
        { spans: [{ ...span('r', 1000, 1), attributes: [{ key: 'k\u0000', value: '1' }] }] },
        'spans[0].attributes[0].key',
      ],
      [
        {
          spans: [
            {
              ...span('r', 1000, 1),
              attributes: [{ key: 'deep', value: `${'['.repeat(100)}${']'.repeat(100)}` }],
            },
          ],
        },
        'spans[0].attributes[0].value',
      ],
      [
        { spans: [{ ...span('r', 1000, 1), events: [{ name: 'e\u0000', timeNs: '1' }] }] },
        'spans[0].events[0].name',
      ],
    ];
    for (const [extra, field] of cases) {
      const traceId = newTraceId();
      const res = await t.execute(LogTrace, {
        input: { experimentId: exp, traceId, spans: [span('ok', 1000, 1)], ...extra },
      });
      expect(res.logTrace).toMatchObject({
        __typename: 'ValidationError',
        code: 'INVALID_PARAMETER_VALUE',
        field,
      });
      expect(await get(traceId)).toBeNull();
    }
    const dup = span('a', 1000, 1);
    const traceId = newTraceId();
    const res = await t.execute(LogTrace, {
      input: { experimentId: exp, traceId, spans: [dup, dup] },
    });
    expect(res.logTrace.__typename).toBe('ValidationError');
    expect(await get(traceId)).toBeNull();
  });

  it('refuses a trace logged twice, a missing experiment and a deleted one', async () => {
    const traceId = newTraceId();
    await t.execute(LogTrace, { input: { experimentId: exp, traceId } });
    const again = await t.execute(LogTrace, {
      input: { experimentId: exp, traceId, tags: [{ key: 'x', value: 'y' }] },
    });
    expect(again.logTrace).toMatchObject({
      __typename: 'AlreadyExistsError',
      code: 'RESOURCE_ALREADY_EXISTS',
    });
    expect(kv((await get(traceId))!.tags).x).toBeUndefined();
    const missing = await t.execute(LogTrace, { input: { experimentId: '987654' } });
    expect(missing.logTrace.__typename).toBe('NotFoundError');
    const gone = await seedExperiment(t);
    await t.executeRaw(
      `mutation { deleteExperiment(input: { experimentId: "${gone}" }) { __typename } }`,
    );
    const deleted = await t.execute(LogTrace, { input: { experimentId: gone } });
    expect(deleted.logTrace).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'INVALID_STATE',
    });
  });
});

describe('logSpans', () => {
  it('creates a running trace, widens its window per batch, and the ended root sets the state', async () => {
    const traceId = newTraceId();
    const rootId = newSpanId();
    const t0 = 1_710_000_000_000;
    const first = await t.execute(LogSpans, {
      input: {
        traceId,
        experimentId: exp,
        spans: [span('tool', t0 + 10, 20, { parentSpanId: rootId })],
      },
    });
    if (first.logSpans.__typename !== 'LogSpansSuccess') throw new Error(JSON.stringify(first));
    expect(first.logSpans.trace).toMatchObject({
      state: 'IN_PROGRESS',
      requestTime: t0 + 10,
      executionDuration: 20,
    });
    expect(kv(first.logSpans.trace.tags)['mlflow.trace.spansLocation']).toBe('TRACKING_STORE');
    // without experimentId the trace must exist
    const orphan = await t.execute(LogSpans, {
      input: { traceId: newTraceId(), spans: [span('x', t0, 1)] },
    });
    expect(orphan.logSpans.__typename).toBe('NotFoundError');
    const second = await t.execute(LogSpans, {
      input: {
        traceId,
        spans: [
          span('root', t0, 100, {
            spanId: rootId,
            statusCode: 'ERROR',
            inputs: '"hi"',
            outputs: '"bye"',
          }),
        ],
      },
    });
    if (second.logSpans.__typename !== 'LogSpansSuccess') throw new Error('failed');
    expect(second.logSpans.trace).toMatchObject({
      state: 'ERROR',
      requestTime: t0,
      executionDuration: 100,
      requestPreview: '"hi"',
      responsePreview: '"bye"',
    });
    expect(second.logSpans.trace.spans).toHaveLength(2);
    expect(kv(second.logSpans.trace.tags)['mlflow.traceName']).toBe('root');
  });

  it('logTrace then finalizes the running trace; later spans no longer move it; metadata is immutable', async () => {
    const traceId = newTraceId();
    const t0 = 1_720_000_000_000;
    const root = span('root', t0, 50);
    await t.execute(LogSpans, { input: { traceId, experimentId: exp, spans: [root] } });
    const done = await t.execute(LogTrace, {
      input: { experimentId: exp, traceId, metadata: [{ key: 'mlflow.sourceRun', value: 'r1' }] },
    });
    if (done.logTrace.__typename !== 'LogTraceSuccess') throw new Error(JSON.stringify(done));
    expect(done.logTrace.trace).toMatchObject({
      requestTime: t0,
      executionDuration: 50,
      state: 'OK',
    });
    expect(done.logTrace.trace.spans).toHaveLength(1);
    await t.execute(LogSpans, {
      input: { traceId, spans: [span('late', t0 + 500, 10, { parentSpanId: root.spanId })] },
    });
    const read = await get(traceId);
    expect(read).toMatchObject({ requestTime: t0, executionDuration: 50 });
    expect(read?.spans).toHaveLength(2);
    const otherExp = await seedExperiment(t);
    const wrongExp = await t.execute(LogSpans, {
      input: { traceId, experimentId: otherExp, spans: [span('x', t0, 1)] },
    });
    expect(wrongExp.logSpans.__typename).toBe('ValidationError');
  });

  it('keeps metadata immutable once logTrace stored it, while tags stay mutable', async () => {
    const traceId = newTraceId();
    await t.execute(LogSpans, {
      input: { traceId, experimentId: exp, spans: [span('r', 1000, 1)] },
    });
    await t.execute(LogTrace, {
      input: { experimentId: exp, traceId, metadata: [{ key: 'k', value: '1' }] },
    });
    await t.execute(SetTraceTag, { input: { traceId, key: 'k', value: 'changed' } });
    const res = await t.execute(LogTrace, {
      input: { experimentId: exp, traceId, metadata: [{ key: 'k', value: '2' }] },
    });
    expect(res.logTrace.__typename).toBe('AlreadyExistsError');
    const read = await get(traceId);
    expect(kv(read!.metadata).k).toBe('1');
    expect(kv(read!.tags).k).toBe('changed');
  });
});

describe('trace tags', () => {
  it('sets, replaces and deletes tags; values are cut to 8000 characters', async () => {
    const traceId = newTraceId();
    await t.execute(LogTrace, { input: { experimentId: exp, traceId } });
    await t.execute(SetTraceTag, { input: { traceId, key: 'stage', value: 'a' } });
    const set = await t.execute(SetTraceTag, {
      input: { traceId, key: 'stage', value: 'v'.repeat(9000) },
    });
    if (set.setTraceTag.__typename !== 'SetTraceTagSuccess') throw new Error('failed');
    expect(kv(set.setTraceTag.trace.tags).stage).toHaveLength(8000);
    const del = await t.execute(DeleteTraceTag, { input: { traceId, key: 'stage' } });
    if (del.deleteTraceTag.__typename !== 'DeleteTraceTagSuccess') throw new Error('failed');
    expect(kv(del.deleteTraceTag.trace.tags).stage).toBeUndefined();
    const again = await t.execute(DeleteTraceTag, { input: { traceId, key: 'stage' } });
    expect(again.deleteTraceTag).toMatchObject({ __typename: 'NotFoundError', entity: 'TraceTag' });
    const missing = await t.execute(SetTraceTag, {
      input: { traceId: newTraceId(), key: 'k', value: 'v' },
    });
    expect(missing.setTraceTag.__typename).toBe('NotFoundError');
    const badKey = await t.execute(SetTraceTag, {
      input: { traceId, key: 'k'.repeat(251), value: 'v' },
    });
    expect(badKey.setTraceTag.__typename).toBe('ValidationError');
  });
});

describe('concurrent writes', () => {
  it('stores every span when many batches and the trace itself race on a new trace', async () => {
    const traceId = newTraceId();
    const root = newSpanId();
    const t0 = 1_730_000_000_000;
    const batches = Array.from({ length: 16 }, (_, i) =>
      t.execute(LogSpans, {
        input: {
          traceId,
          experimentId: exp,
          spans: [span(`c${i}`, t0 + i, 5, { parentSpanId: root })],
        },
      }),
    );
    const logged = t.execute(LogTrace, {
      input: { experimentId: exp, traceId, spans: [span('root', t0, 100, { spanId: root })] },
    });
    const results = await Promise.all([...batches, logged]);
    for (const r of results) {
      const typename = 'logSpans' in r ? r.logSpans.__typename : r.logTrace.__typename;
      expect(typename).toMatch(/Success$/);
    }
    const read = await get(traceId);
    expect(read?.spans).toHaveLength(17);
    expect(read).toMatchObject({ requestTime: t0, executionDuration: 100, state: 'OK' });
    expect(kv(read!.metadata)['mlflow.trace.infoFinalized']).toBe('true');
  });
});

describe('deleteTraces', () => {
  it('deletes by id within the experiment, or the oldest up to a time and a count', async () => {
    const e = await seedExperiment(t);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const traceId = newTraceId();
      ids.push(traceId);
      await t.execute(LogTrace, {
        input: { experimentId: e, traceId, requestTime: 1000 + i, spans: [span('r', 1000 + i, 1)] },
      });
    }
    const wrongExp = await t.execute(DeleteTraces, {
      input: { experimentId: exp, traceIds: [ids[0]!] },
    });
    expect(wrongExp.deleteTraces).toMatchObject({ tracesDeleted: 0 });
    const byId = await t.execute(DeleteTraces, {
      input: { experimentId: e, traceIds: [ids[4]!, newTraceId()] },
    });
    expect(byId.deleteTraces).toMatchObject({ tracesDeleted: 1 });
    expect(await get(ids[4]!)).toBeNull();
    const byTime = await t.execute(DeleteTraces, {
      input: { experimentId: e, maxTimestampMillis: 1002, maxTraces: 2 },
    });
    expect(byTime.deleteTraces).toMatchObject({ tracesDeleted: 2 });
    expect(await get(ids[0]!)).toBeNull();
    expect(await get(ids[1]!)).toBeNull();
    expect(await get(ids[2]!)).not.toBeNull();
    const both = await t.execute(DeleteTraces, {
      input: { experimentId: e, traceIds: [ids[2]!], maxTimestampMillis: 5000 },
    });
    expect(both.deleteTraces.__typename).toBe('ValidationError');
    const neither = await t.execute(DeleteTraces, { input: { experimentId: e } });
    expect(neither.deleteTraces.__typename).toBe('ValidationError');
    expect(await get(ids[2]!)).not.toBeNull();
  });
});
