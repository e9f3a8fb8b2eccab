import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { type Stream, sseSubscribe, wsSubscribe } from '../helpers/streams.ts';
import { MetricsLogged } from '../helpers/subscription-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { waitFor } from '../helpers/wait.ts';

const SeqOnly = graphql(`
  subscription SeqOnly($runId: String!, $afterSeq: SafeInt) {
    metricsLogged(runId: $runId, afterSeq: $afterSeq) {
      seq
    }
  }
`);

let t: TestApp;
let exp: string;
let url: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
  url = await t.listen();
});
afterAll(() => t.close());

/** Logs `loss` (and `acc`) at `steps` with value = step / 10; returns the batch's seq. */
async function log(runId: string, steps: number[], extra: { acc?: boolean } = {}) {
  const values = steps.map((s) => s / 10);
  const metrics = [{ key: 'loss', steps, values }];
  if (extra.acc) metrics.push({ key: 'acc', steps, values });
  const res = await t.execute(LogBatch, { input: { runId, metrics } });
  if (res.logBatch.__typename !== 'BatchAck') throw new Error(JSON.stringify(res.logBatch));
  return res.logBatch.seq;
}

/** Resolves once `count` subscribers of `run` are attached to its live feed (subscribed). */
function subscribed(run: string, count: number): Promise<void> {
  return waitFor(() => {
    const feed = t.app.feeds.feed(run);
    return feed !== undefined && feed.head !== null && feed.readerCount >= count;
  }, `${count} subscribers of ${run}`);
}

type MetricsStream = Stream<import('../gql/graphql.ts').MetricsLoggedSubscription>;

function sse(vars: { runId: string; keys?: string[]; afterSeq?: number }): MetricsStream {
  return sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', MetricsLogged, vars);
}

async function nextEvent(s: MetricsStream) {
  const r = await s.next();
  expect(r.errors).toBeUndefined();
  return r.data!.metricsLogged;
}

describe('metricsLogged', () => {
  it('runs on the transport paths the test project chose (fast paths, or stock when off)', () => {
    expect(t.app.transportFastPaths).toBe(process.env.TRACKQL_TRANSPORT_FAST_PATHS !== 'false');
  });

  it('delivers each committed batch in commit order with its seq and parallel lists (SSE)', async () => {
    const run = await seedRun(t, exp);
    const s = sse({ runId: run });
    await s.ready;
    await log(run, [0, 1]);
    await log(run, [2]);
    const a = await nextEvent(s);
    expect(a).toMatchObject({ runId: run, fromSeq: 1, replayed: false });
    expect(a.metrics[0]).toEqual({
      key: 'loss',
      steps: expect.arrayContaining([0, 1]),
      timestamps: expect.any(Array),
      values: expect.arrayContaining([0, 0.1]),
    });
    expect(a.committedAt).toBeGreaterThan(Date.now() - 60_000);
    const steps = [...a.metrics[0]!.steps];
    if (a.seq < 2) {
      const b = await nextEvent(s);
      expect(b).toMatchObject({ seq: 2, fromSeq: 2, metrics: [{ key: 'loss', values: [0.2] }] });
      steps.push(...b.metrics[0]!.steps);
    }
    expect(steps).toEqual([0, 1, 2]);
    await s.close();
  });

  it('routes by run and by key', async () => {
    const run = await seedRun(t, exp);
    const other = await seedRun(t, exp);
    const s = sse({ runId: run, keys: ['acc'], afterSeq: 0 });
    await log(other, [0], { acc: true });
    await log(run, [5], { acc: true });
    const e = await nextEvent(s);
    expect(e.seq).toBe(1);
    expect(e.metrics.map((m) => m.key)).toEqual(['acc']);
    await log(run, [6]); // loss only: filtered out
    await log(run, [8], { acc: true });
    // the next event is the third batch's: nothing was sent for the second
    const next = await nextEvent(s);
    expect(next).toMatchObject({ seq: 3, metrics: [{ key: 'acc', steps: [8] }] });
    expect(next.metrics).toHaveLength(1);
    await s.close();
  });

  it('sends no event for a rolled-back batch and numbers the next one without a gap', async () => {
    const run = await seedRun(t, exp);
    await t.execute(LogBatch, { input: { runId: run, params: [{ key: 'lr', value: '1' }] } });
    const s = sse({ runId: run, afterSeq: 1 });
    const bad = await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [{ key: 'loss', values: [9], steps: [9] }],
        params: [{ key: 'lr', value: '2' }],
      },
    });
    expect(bad.logBatch.__typename).toBe('ValidationError');
    expect(await log(run, [1])).toBe(2);
    // the first event after the rolled-back batch is the next committed one
    expect(await nextEvent(s)).toMatchObject({ seq: 2, fromSeq: 2, metrics: [{ steps: [1] }] });
    await s.close();
  });

  it('replays stored batches after afterSeq, then continues live', async () => {
    const run = await seedRun(t, exp);
    for (let i = 0; i < 4; i++) await log(run, [i]);
    const s = sse({ runId: run, afterSeq: 2 });
    const replayed = await nextEvent(s);
    expect(replayed).toMatchObject({ seq: 4, fromSeq: 3, replayed: true, committedAt: null });
    expect(replayed.metrics[0]!.steps).toEqual([2, 3]);
    await log(run, [4]);
    expect(await nextEvent(s)).toMatchObject({
      seq: 5,
      replayed: false,
      metrics: [{ steps: [4] }],
    });
    await s.close();
  });

  it.each(['SSE', 'WebSocket'] as const)(
    'is gapless and duplicate-free when resuming while concurrent writes arrive (%s)',
    async (transport) => {
      const run = await seedRun(t, exp);
      const total = 60;
      let step = 0;
      const writer = async () => {
        while (step < total) await log(run, [step++]);
      };
      const writers = Promise.all([writer(), writer(), writer()]);
      // subscribe while the writers are under way
      await waitFor(() => step >= 6, 'the first writes');
      const vars = { runId: run, afterSeq: 3 };
      // over WebSocket, replay pages go out through graphql-ws and live batches are pushed after them
      const s = transport === 'SSE' ? sse(vars) : wsSubscribe(url, MetricsLogged, vars);
      await writers;
      const seen: number[] = [];
      let lastSeq = 3;
      while (lastSeq < total) {
        const e = await nextEvent(s);
        expect(e.fromSeq).toBe(lastSeq + 1);
        lastSeq = e.seq;
        seen.push(...(e.metrics[0]!.steps as number[]));
      }
      // steps were taken by three writers, so batch order is not step order; each appears once
      expect(seen.length).toBe(total - 3);
      expect(new Set(seen).size).toBe(total - 3);
      await s.close();
    },
  );

  it('reads a batch whose event never arrived from storage, in order', async () => {
    const run = await seedRun(t, exp);
    // a second server on the same database without a shared bus: its events never reach `t`
    const other = await createTestApp({ shareDatabaseWith: t });
    try {
      const s = sse({ runId: run });
      await s.ready;
      await log(run, [0]);
      await other.execute(LogBatch, {
        input: { runId: run, metrics: [{ key: 'loss', steps: [1], values: [0.1] }] },
      });
      await log(run, [2]);
      const steps: number[] = [];
      let seq = 0;
      while (seq < 3) {
        const e = await nextEvent(s);
        expect(e.fromSeq).toBe(seq + 1);
        seq = e.seq;
        steps.push(...(e.metrics[0]!.steps as number[]));
      }
      expect(steps).toEqual([0, 1, 2]);
      await s.close();
    } finally {
      await other.close();
    }
  });

  it('works over WebSocket (graphql-ws) on the same path', async () => {
    const run = await seedRun(t, exp);
    await log(run, [0]);
    const s = wsSubscribe(url, MetricsLogged, { runId: run, afterSeq: 0 });
    expect(await nextEvent(s)).toMatchObject({ seq: 1, replayed: true });
    await log(run, [1]);
    expect(await nextEvent(s)).toMatchObject({ seq: 2, replayed: false });
    await s.close();
  });

  it('gives each WebSocket subscriber its own selection when results are shared', async () => {
    const run = await seedRun(t, exp);
    const full = [0, 1].map(() => wsSubscribe(url, MetricsLogged, { runId: run, afterSeq: 0 }));
    const bare = wsSubscribe(url, SeqOnly, { runId: run, afterSeq: 0 });
    const keyed = wsSubscribe(url, MetricsLogged, { runId: run, keys: ['acc'], afterSeq: 0 });
    await subscribed(run, 4);
    await log(run, [7], { acc: true });
    for (const s of full) {
      const e = await nextEvent(s);
      expect(e.metrics.map((m) => m.key).sort()).toEqual(['acc', 'loss']);
    }
    expect((await bare.next()).data).toEqual({ metricsLogged: { seq: 1 } });
    expect((await nextEvent(keyed)).metrics.map((m) => m.key)).toEqual(['acc']);
    await Promise.all([...full, bare, keyed].map((s) => s.close()));
  });

  it('delivers a large shared event whole to every WebSocket subscriber', async () => {
    const run = await seedRun(t, exp);
    const subs = [0, 1, 2].map(() => wsSubscribe(url, MetricsLogged, { runId: run, afterSeq: 0 }));
    await subscribed(run, 3);
    // 1,000 points (~22 KB of JSON): above the size from which a payload is sent as a shared frame
    const steps = Array.from({ length: 1000 }, (_, i) => i);
    await log(run, steps);
    for (const s of subs) {
      const e = await nextEvent(s);
      expect(e.seq).toBe(1);
      expect(e.metrics[0]!.steps).toEqual(steps);
      expect(e.metrics[0]!.values).toEqual(steps.map((x) => x / 10));
    }
    // and the socket goes on with small messages after the fragmented one
    await log(run, [1000]);
    for (const s of subs) expect((await nextEvent(s)).metrics[0]!.steps).toEqual([1000]);
    await Promise.all(subs.map((s) => s.close()));
  });

  it('keeps NaN and Infinity', async () => {
    const run = await seedRun(t, exp);
    const s = sse({ runId: run, afterSeq: 0 });
    await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [{ key: 'x', values: ['NaN', '-Infinity', 1], steps: [0, 1, 2] }],
      },
    });
    expect((await nextEvent(s)).metrics[0]!.values).toEqual(['NaN', '-Infinity', 1]);
    await s.close();
  });

  it('fails an unknown run with RESOURCE_DOES_NOT_EXIST', async () => {
    const s = sse({ runId: 'f'.repeat(32) });
    const r = await s.next();
    expect(r.errors?.[0]?.extensions?.code).toBe('RESOURCE_DOES_NOT_EXIST');
    await s.close();
  });
});
