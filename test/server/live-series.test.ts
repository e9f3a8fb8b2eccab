import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketize } from '../../server/modules/metrics/buckets.ts';
import type { LiveSeriesSubscription, LiveSeriesSubscriptionVariables } from '../gql/graphql.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { type Stream, sseSubscribe } from '../helpers/streams.ts';
import { LiveSeriesSub } from '../helpers/subscription-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

async function log(runId: string, steps: number[], values = steps, timestamps?: number[]) {
  await t.execute(LogBatch, {
    input: { runId, metrics: [{ key: 'loss', steps, values, timestamps }] },
  });
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function frame(s: Stream<LiveSeriesSubscription>) {
  const r = await s.next();
  expect(r.errors).toBeUndefined();
  return r.data!.liveSeries;
}

function subscribe(vars: LiveSeriesSubscriptionVariables) {
  return sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', LiveSeriesSub, vars);
}

describe('liveSeries', () => {
  it('sends the stored points as a full frame, then only the buckets that changed', async () => {
    const run = await seedRun(t, exp);
    await log(
      run,
      range(100),
      range(100),
      range(100).map((i) => 1000 + i),
    );
    const s = subscribe({ runIds: [run], key: 'loss', buckets: 10, range: { start: 0, end: 99 } });
    const first = await frame(s);
    expect(first).toMatchObject({ full: true, bucketCount: 10, range: { start: 0, end: 99 } });
    const expected = bucketize(
      range(100).map((i) => ({ x: i, step: i, timestamp: 1000 + i, value: i })),
      { start: 0, end: 99 },
      10,
    );
    expect(first.runs).toEqual([{ runId: run, seq: 1, buckets: expected }]);

    await log(run, [5], [100], [2000]);
    const delta = await frame(s);
    expect(delta.full).toBe(false);
    expect(delta.runs).toEqual([
      {
        runId: run,
        seq: 2,
        buckets: [
          { ...expected[0]!, count: 11, max: 100, last: { step: 9, timestamp: 1009, value: 9 } },
        ],
      },
    ]);
    await log(run, [150]);
    expect(await s.silentFor(150)).toBe(true);
    await s.close();
  });

  it('widens an open range and sends a new full frame when a point falls past it', async () => {
    const run = await seedRun(t, exp);
    const other = await seedRun(t, exp);
    await log(run, range(100));
    const s = subscribe({ runIds: [run, other], key: 'loss', buckets: 4 });
    const first = await frame(s);
    expect(first.range).toEqual({ start: 0, end: 99 });
    expect(first.runs.find((r) => r.runId === other)?.buckets).toEqual([]);
    await log(other, [50]);
    const delta = await frame(s);
    expect(delta).toMatchObject({
      full: false,
      runs: [{ runId: other, buckets: [{ index: 2, count: 1 }] }],
    });
    await log(run, [100]);
    const widened = await frame(s);
    expect(widened).toMatchObject({ full: true, range: { start: 0, end: 199 } });
    const counts = widened.runs.map((r) => r.buckets.map((b) => b.count));
    expect(counts).toEqual([[50, 50, 1], [1]]);
    await s.close();
  });

  it('waits for data on an open range and measures RELATIVE_TIME from the run start', async () => {
    const run = await seedRun(t, exp, { startTime: 10_000 });
    const s = subscribe({ runIds: [run], key: 'loss', buckets: 5, axis: 'RELATIVE_TIME' });
    expect(await frame(s)).toMatchObject({ full: true, range: null, runs: [{ buckets: [] }] });
    await log(run, [0, 1], [1, 2], [10_000, 10_009]);
    const f = await frame(s);
    expect(f).toMatchObject({ full: true, range: { start: 0, end: 9 } });
    expect(f.runs[0]!.buckets.map((b) => [b.index, b.count])).toEqual([
      [0, 1],
      [4, 1],
    ]);
    await s.close();
  });
});
