import {
  clearActiveModel,
  deleteTraces,
  deleteTraceTag,
  endRun,
  flushTraces,
  getCurrentActiveSpan,
  getLastActiveTraceId,
  getTrace,
  searchTraces,
  setActiveModel,
  setExperiment,
  setTraceTag,
  setTrackingUri,
  startRun,
  startSpan,
  TrackingError,
  trace,
  updateCurrentTrace,
  withSpan,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  setTrackingUri(await t.listen());
});
afterAll(() => t.close());

const kv = (list: { key: string; value: string }[]) =>
  Object.fromEntries(list.map((e) => [e.key, e.value]));
const tick = () => new Promise((r) => setTimeout(r, 2));

async function finished() {
  await flushTraces();
  const id = getLastActiveTraceId();
  if (!id) throw new Error('no trace');
  const tr = await getTrace(id);
  if (!tr) throw new Error(`trace ${id} not logged`);
  return tr;
}

describe('fluent tracing', () => {
  it('builds the span tree across awaits and parallel calls, and sends it in one logTrace', async () => {
    const exp = await setExperiment('fluent-traces-tree');
    const retrieve = trace(
      async (q: string) => {
        await tick();
        return [`doc for ${q}`];
      },
      { spanType: 'RETRIEVER', name: 'retrieve' },
    );
    const llm = trace(
      async (prompt: string) => {
        await tick();
        return `answer to ${prompt}`;
      },
      { spanType: 'LLM', name: 'llm' },
    );
    t.sql.length = 0;
    const out = await withSpan(
      async (span) => {
        expect(getCurrentActiveSpan()).toBe(span);
        const [a, b] = await Promise.all([retrieve('x'), retrieve('y')]);
        return withSpan(() => llm(`${a} ${b}`), { name: 'generate', spanType: 'CHAIN' });
      },
      { name: 'agent', spanType: 'AGENT', inputs: { question: 'q?' } },
    );
    expect(out).toBe('answer to doc for x doc for y');
    await flushTraces();
    expect(t.sql.filter((s) => s.includes('insert into spans'))).toHaveLength(1);
    const tr = await finished();
    expect(tr).toMatchObject({
      experimentId: exp.experimentId,
      state: 'OK',
      requestPreview: '{"question":"q?"}',
    });
    expect(tr.responsePreview).toBe(JSON.stringify(out));
    const byName = (n: string) => tr.spans.filter((s) => s.name === n);
    const root = byName('agent')[0]!;
    expect(root.parentSpanId).toBeNull();
    expect(byName('retrieve').map((s) => s.parentSpanId)).toEqual([root.spanId, root.spanId]);
    const generate = byName('generate')[0]!;
    expect(generate.parentSpanId).toBe(root.spanId);
    expect(byName('llm')[0]).toMatchObject({
      parentSpanId: generate.spanId,
      spanType: 'LLM',
      statusCode: 'OK',
    });
    expect(byName('retrieve')[0]?.outputs).toMatch(/^\["doc for [xy]"\]$/);
    expect(kv(tr.metadata)['mlflow.trace_schema.version']).toBe('3');
    expect(kv(tr.tags)['mlflow.traceName']).toBe('agent');
    expect(getCurrentActiveSpan()).toBeNull();
  });

  it('an exception marks the span and the trace ERROR and is re-thrown', async () => {
    await setExperiment('fluent-traces-error');
    const failing = trace(
      async () => {
        throw new TypeError('bad tool input');
      },
      { name: 'tool', spanType: 'TOOL' },
    );
    await expect(withSpan(() => failing(), { name: 'root' })).rejects.toThrow('bad tool input');
    const tr = await finished();
    expect(tr.state).toBe('ERROR');
    const tool = tr.spans.find((s) => s.name === 'tool')!;
    expect(tool).toMatchObject({ statusCode: 'ERROR', statusMessage: 'TypeError: bad tool input' });
    expect(tool.events[0]?.name).toBe('exception');
    expect(kv(tool.events[0]!.attributes)).toMatchObject({
      'exception.message': '"bad tool input"',
      'exception.type': '"TypeError"',
    });
    expect(tr.spans.find((s) => s.name === 'root')?.statusCode).toBe('ERROR');
  });

  it('links the trace to the active model and the active run, and updateCurrentTrace adds tags and metadata', async () => {
    await setExperiment('fluent-traces-links');
    const model = await setActiveModel({ name: 'traced-agent' });
    const run = await startRun();
    try {
      await withSpan(
        () => {
          updateCurrentTrace({
            tags: { team: 'a' },
            metadata: { env: 'test' },
            clientRequestId: 'c-1',
          });
          return 1;
        },
        { name: 'predict' },
      );
    } finally {
      await endRun();
      model.restore();
      clearActiveModel();
    }
    const tr = await finished();
    expect(kv(tr.metadata)).toMatchObject({
      'mlflow.modelId': model.modelId,
      'mlflow.sourceRun': run.runId,
      env: 'test',
    });
    expect(tr).toMatchObject({ clientRequestId: 'c-1', experimentId: run.info.experimentId });
    expect(kv(tr.tags).team).toBe('a');
    const byModel = await searchTraces({ modelId: model.modelId });
    expect(byModel.map((x) => x.traceId)).toEqual([tr.traceId]);
    const byRun = await searchTraces({ runId: run.runId, filter: "tags.team = 'a'" });
    expect(byRun.map((x) => x.traceId)).toEqual([tr.traceId]);
  });

  it('startSpan takes an explicit parent; tags and deletes go through the fluent functions', async () => {
    const exp = await setExperiment('fluent-traces-manual');
    const root = startSpan({ name: 'manual-root', inputs: 'in' });
    const child = startSpan({ name: 'child', parent: root, attributes: { k: 1 } });
    child.end({ outputs: { ok: true } });
    root.end({ outputs: 'out' });
    const tr = await finished();
    expect(tr.spans.map((s) => [s.name, s.parentSpanId])).toEqual([
      ['manual-root', null],
      ['child', root.spanId],
    ]);
    expect(kv(tr.spans[1]!.attributes).k).toBe('1');
    await setTraceTag(tr.traceId, 'reviewed', 'yes');
    expect(kv((await getTrace(tr.traceId))!.tags).reviewed).toBe('yes');
    await deleteTraceTag(tr.traceId, 'reviewed');
    const err = await deleteTraceTag(tr.traceId, 'reviewed').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrackingError);
    expect(await searchTraces({ filter: "name = 'manual-root'" })).toHaveLength(1);
    expect(await deleteTraces({ experimentId: exp.experimentId, traceIds: [tr.traceId] })).toBe(1);
    expect(await getTrace(tr.traceId)).toBeNull();
  });
});
