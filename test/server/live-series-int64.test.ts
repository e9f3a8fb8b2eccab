import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSeriesSubscription, LiveSeriesSubscriptionVariables } from '../gql/graphql.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { type Stream, sseSubscribe } from '../helpers/streams.ts';
import { LiveSeriesSub } from '../helpers/subscription-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** liveSeries over int64 steps: exact bounds, buckets and steps, stored and live, as metricBuckets. */

const MAX = '9223372036854775807'; // 2^63-1
const MIN = '-9223372036854775807'; // -(2^63-1)
const ABOVE = '9007199254740993'; // 2^53+1: its double is 2^53
const ABOVE2 = '9007199254740994';

let t: TestApp;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

async function log(runId: string, steps: (number | string)[], values: number[]) {
  const res = await t.execute(LogBatch, {
    input: { runId, metrics: [{ key: 'w', steps, values, timestamps: steps.map(() => 1000) }] },
  });
  expect(res.logBatch.__typename).toBe('BatchAck');
}

type Frame = LiveSeriesSubscription['liveSeries'];

async function frame(s: Stream<LiveSeriesSubscription>): Promise<Frame> {
  const r = await s.next();
  expect(r.errors).toBeUndefined();
  return r.data!.liveSeries;
}

function subscribe(vars: Omit<LiveSeriesSubscriptionVariables, 'key'>) {
  return sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', LiveSeriesSub, {
    key: 'w',
    ...vars,
  });
}

/** metricBuckets over the same runs and range, as liveSeries buckets: the reference. */
async function metricBuckets(runId: string, n: number, start: string, end: string) {
  type Cols = Record<string, unknown[]>;
  const res = await t.executeRaw<{ metricBuckets: { runs: Cols[] } }, unknown>(
    `query ($ids: [String!]!, $n: Int!, $start: Step, $end: Step) {
      metricBuckets(runIds: $ids, key: "w", buckets: $n, start: $start, end: $end) {
        runs { index xStart xEnd count minStep maxStep min max lastStep lastTimestamp lastValue } } }`,
    { ids: [runId], n, start, end },
  );
  expect(res.errors).toBeUndefined();
  const c = res.data!.metricBuckets.runs[0]!;
  return c.index!.map((index, k) => ({
    index,
    xStart: c.xStart![k],
    xEnd: c.xEnd![k],
    count: c.count![k],
    minStep: c.minStep![k],
    maxStep: c.maxStep![k],
    min: c.min![k],
    max: c.max![k],
    last: { step: c.lastStep![k], timestamp: c.lastTimestamp![k], value: c.lastValue![k] },
  }));
}

describe('liveSeries with int64 steps', () => {
  it('a fixed range of ±(2^63-1): stored and live wide steps are bucketed exactly, as metricBuckets', async () => {
    const run = await seedRun(t, exp);
    await log(run, [MIN, 0, ABOVE, 7], [1, 2, 3, 4]);
    const s = subscribe({ runIds: [run], buckets: 4, range: { start: MIN, end: MAX } });
    try {
      const first = await frame(s);
      expect(first.range).toEqual({ start: MIN, end: MAX });
      expect(first.runs[0]!.buckets).toEqual(await metricBuckets(run, 4, MIN, MAX));
      // 2^53+2 would be 2^53 as a double, and 2^63-1 would be 2^63 (past the range)
      await log(run, [MAX, ABOVE2], [5, 6]);
      const delta = await frame(s);
      expect(delta.full).toBe(false);
      const last = delta.runs[0]!.buckets.at(-1)!;
      expect(last).toMatchObject({ maxStep: MAX, last: { step: MAX, value: 5 }, xEnd: MAX });
      const all = await metricBuckets(run, 4, MIN, MAX);
      for (const b of delta.runs[0]!.buckets)
        expect(b).toEqual(all.find((a) => a.index === b.index));
    } finally {
      await s.close();
    }
  });

  it('an open range widens exactly to a wide step; a narrow series stays in numbers', async () => {
    const run = await seedRun(t, exp);
    await log(run, [0, 1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 5, 6, 7]);
    const s = subscribe({ runIds: [run], buckets: 4 });
    try {
      const first = await frame(s);
      expect(first.range).toEqual({ start: 0, end: 7 });
      expect(first.runs[0]!.buckets.map((b) => [b.xStart, b.xEnd, b.maxStep])).toEqual([
        [0, 1, 1],
        [2, 3, 3],
        [4, 5, 5],
        [6, 7, 7],
      ]);
      await log(run, [ABOVE, MAX], [8, 9]);
      const widened = await frame(s);
      expect(widened.full).toBe(true);
      // the span doubled from 8 past 2^63-1 (8 * 2^60 - 1): shown within int64
      expect(widened.range).toEqual({ start: 0, end: MAX });
      const buckets = widened.runs[0]!.buckets;
      expect(buckets.map((b) => b.count)).toEqual([9, 1]);
      expect(buckets[0]).toMatchObject({ minStep: 0, maxStep: ABOVE, last: { step: ABOVE } });
      expect(buckets[1]).toMatchObject({
        xStart: '6917529027641081856', // 6 * 2^60
        xEnd: MAX,
        minStep: MAX,
        maxStep: MAX,
        last: { step: MAX, value: 9 },
      });
    } finally {
      await s.close();
    }
  });
});
