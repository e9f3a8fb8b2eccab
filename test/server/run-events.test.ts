import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEventsSubscription } from '../gql/graphql.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { type Stream, sseSubscribe, wsSubscribe } from '../helpers/streams.ts';
import {
  DeleteExperiment,
  DeleteRun,
  RestoreExperiment,
  RunEvents,
  UpdateRun,
} from '../helpers/subscription-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
});
afterAll(() => t.close());

async function next(s: Stream<RunEventsSubscription>) {
  const r = await s.next();
  expect(r.errors).toBeUndefined();
  return r.data!.runEvents;
}

describe('runEvents', () => {
  it('streams an experiment’s run lifecycle, params and tags after they commit', async () => {
    const exp = await seedExperiment(t);
    const s = sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', RunEvents, {
      experimentId: exp,
    });
    await s.ready;
    const run = await seedRun(t, exp, { runName: 'first' });
    expect(await next(s)).toMatchObject({ kind: 'CREATED', runId: run, name: 'first' });
    await t.execute(LogBatch, {
      input: {
        runId: run,
        params: [{ key: 'lr', value: '0.1' }],
        tags: [{ key: 'mlflow.runName', value: 'second' }],
      },
    });
    expect(await next(s)).toMatchObject({ kind: 'PARAMS_LOGGED', seq: 1, params: [{ key: 'lr' }] });
    expect(await next(s)).toMatchObject({ kind: 'TAGS_SET', seq: 1 });
    expect(await next(s)).toMatchObject({ kind: 'RENAMED', name: 'second' });
    await t.execute(UpdateRun, { input: { runId: run, status: 'FINISHED', endTime: 5 } });
    expect(await next(s)).toMatchObject({ kind: 'ENDED', status: 'FINISHED', endTime: 5 });
    await t.execute(DeleteRun, { input: { runId: run } });
    expect(await next(s)).toMatchObject({ kind: 'DELETED', lifecycleStage: 'DELETED' });
    await t.execute(DeleteExperiment, { input: { experimentId: exp } });
    expect(await next(s)).toMatchObject({ kind: 'DELETED', runId: run });
    await t.execute(RestoreExperiment, { input: { experimentId: exp } });
    expect(await next(s)).toMatchObject({ kind: 'RESTORED', runId: run, lifecycleStage: 'ACTIVE' });
    await s.close();
  });

  it('starts a one-run stream with a snapshot and ignores other runs (WebSocket)', async () => {
    const exp = await seedExperiment(t);
    const run = await seedRun(t, exp, { runName: 'watched' });
    const other = await seedRun(t, exp);
    await t.execute(LogBatch, { input: { runId: run, params: [{ key: 'a', value: '1' }] } });
    const s = wsSubscribe(url, RunEvents, { runId: run });
    expect(await next(s)).toMatchObject({
      kind: 'SNAPSHOT',
      seq: 1,
      name: 'watched',
      status: 'RUNNING',
      params: [{ key: 'a', value: '1' }],
    });
    await t.execute(UpdateRun, { input: { runId: other, status: 'FAILED' } });
    await t.execute(UpdateRun, { input: { runId: run, status: 'SCHEDULED' } });
    expect(await next(s)).toMatchObject({
      kind: 'STATUS_CHANGED',
      runId: run,
      status: 'SCHEDULED',
    });
    await s.close();
  });

  it('publishes nothing for a failed change', async () => {
    const exp = await seedExperiment(t);
    const run = await seedRun(t, exp);
    const s = wsSubscribe(url, RunEvents, { runId: run });
    expect((await next(s)).kind).toBe('SNAPSHOT');
    await t.execute(LogBatch, { input: { runId: run, params: [{ key: 'a', value: '1' }] } });
    expect((await next(s)).kind).toBe('PARAMS_LOGGED');
    await t.execute(LogBatch, {
      input: { runId: run, params: [{ key: 'a', value: '2' }], tags: [{ key: 'x', value: 'y' }] },
    });
    expect(await s.silentFor(150)).toBe(true);
    await s.close();
  });
});

describe('shutdown', () => {
  it('ends open streams so SSE responses can finish', async () => {
    const run = await seedRun(t, await seedExperiment(t));
    const s = sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', RunEvents, { runId: run });
    expect((await next(s)).kind).toBe('SNAPSHOT');
    t.app.endStreams();
    await s.ended;
  });
});
