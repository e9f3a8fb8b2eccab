import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketize } from '../../server/modules/metrics/buckets.ts';
import type { SeriesFrame } from '../../server/modules/subscriptions/live-series.ts';
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

  it('shares one computation between subscribers of one series and drops it with the last', async () => {
    const run = await seedRun(t, exp);
    await log(run, range(50));
    const vars = { runIds: [run], key: 'loss', buckets: 5, range: { start: 0, end: 99 } };
    const url = await t.listen();
    const over = (v: LiveSeriesSubscriptionVariables) => sseSubscribe(fetch, url, LiveSeriesSub, v);
    const before = t.app.liveSeries.size;
    const a = over(vars);
    const b = over(vars);
    const [fa, fb] = [await frame(a), await frame(b)];
    expect(fa).toEqual(fb);
    expect(t.app.liveSeries.size).toBe(before + 1);
    const other = over({ ...vars, buckets: 6 });
    await frame(other);
    expect(t.app.liveSeries.size).toBe(before + 2);
    await log(run, [60]);
    expect(await frame(a)).toEqual(await frame(b));
    await Promise.all([a.close(), b.close(), other.close()]);
    await expect.poll(() => t.app.liveSeries.size).toBe(before);
    expect(t.app.bus.wants('metrics', run)).toBe(false);
  });

  it('refuses an unknown run before any frame and keeps nothing attached', async () => {
    const run = await seedRun(t, exp);
    const before = t.app.liveSeries.size;
    const missing = 'f'.repeat(32);
    const s = subscribe({ runIds: [run, missing], key: 'loss', buckets: 5 });
    const r = await s.next();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    await s.close();
    expect(t.app.liveSeries.size).toBe(before);
    expect(t.app.bus.wants('metrics', run)).toBe(false);
  });

  it('doubles an open range as often as a point needs, on either side, merging buckets', async () => {
    const run = await seedRun(t, exp);
    const points = range(100).map((i) => ({ step: i, value: Math.sin(i) }));
    await log(
      run,
      points.map((p) => p.step),
      points.map((p) => p.value),
    );
    const s = subscribe({ runIds: [run], key: 'loss', buckets: 10 });
    expect((await frame(s)).range).toEqual({ start: 0, end: 99 });
    const expectFrame = async (r: { start: number; end: number }) => {
      const f = await frame(s);
      expect(f).toMatchObject({ full: true, range: r });
      const want = bucketize(
        points.map((p) => ({ x: p.step, step: p.step, timestamp: 0, value: p.value })),
        r,
        10,
      ).map(({ last, ...b }) => ({ ...b, last: { step: last.step, value: last.value } }));
      const got = f.runs[0]!.buckets.map(({ last, ...b }) => ({
        ...b,
        last: { step: last.step, value: last.value },
      }));
      expect(got).toEqual(want);
    };
    points.push({ step: 1000, value: -3 });
    await log(run, [1000], [-3]);
    await expectFrame({ start: 0, end: 1599 });
    points.push({ step: -250, value: 7 });
    await log(run, [-250], [7]);
    await expectFrame({ start: -1600, end: 1599 });
    await s.close();
  });

  it('gives a subscriber that fell behind one frame with every bucket that changed meanwhile', async () => {
    const run = await seedRun(t, exp);
    await log(run, range(100));
    const it = await t.app.liveSeries.open({
      runIds: [run],
      key: 'loss',
      buckets: 10,
      axis: 'STEP',
      start: 0,
      end: 99,
    });
    const first = await it.next();
    expect(first.value).toMatchObject({ full: true });
    await log(run, [5], [500]);
    await log(run, [55], [-1]);
    await log(run, [6], [-2]);
    const next = await it.next();
    expect(next.value).toMatchObject({
      full: false,
      runs: [
        {
          runId: run,
          seq: 4,
          buckets: [
            { index: 0, count: 12, min: -2, max: 500 },
            { index: 5, count: 11, min: -1, max: 59 },
          ],
        },
      ],
    });
    await it.return();
  });

  it('serves a subscriber that missed hundreds of changes (past the merged change log) exactly', async () => {
    const run = await seedRun(t, exp);
    await log(run, [0]);
    const args = {
      runIds: [run],
      key: 'loss',
      buckets: 1000,
      axis: 'STEP' as const,
      start: 0,
      end: 999,
    };
    const keen = await t.app.liveSeries.open(args);
    const behind = await t.app.liveSeries.open(args);
    expect((await behind.next()).value).toMatchObject({ full: true });
    expect((await keen.next()).value).toMatchObject({ full: true });
    const points = [{ x: 0, step: 0, timestamp: 0, value: 0 }];
    // 300 changes, each to another bucket: more than the hub keeps unmerged (256)
    for (let k = 1; k <= 300; k++) {
      await log(run, [k * 3], [k], [k]);
      points.push({ x: k * 3, step: k * 3, timestamp: k, value: k });
      expect(((await keen.next()).value as SeriesFrame).runs[0]!.seq).toBe(k + 1);
    }
    const frame = (await behind.next()).value as SeriesFrame;
    expect(frame.full).toBe(false);
    const expected = bucketize(points, { start: 0, end: 999 }, 1000).filter((b) => b.index > 0);
    expect(frame.runs[0]!.seq).toBe(301);
    expect(frame.runs[0]!.buckets).toEqual(expected);
    await keen.return();
    await behind.return();
  });

  it('counts every point once across the stored first frame and live batches racing it', async () => {
    const runs = [
      { id: await seedRun(t, exp, { startTime: 5_000 }), start: 5_000 },
      { id: await seedRun(t, exp, { startTime: 9_000 }), start: 9_000 },
    ];
    const all = new Map<string, { x: number; step: number; timestamp: number; value: number }[]>();
    const write = async (k: number) => {
      for (const r of runs) {
        const steps = range(20).map((i) => k * 20 + i);
        const values = steps.map((x) => Math.sin(x + r.start) * 10);
        const timestamps = steps.map((x) => r.start + x * 13);
        await log(r.id, steps, values, timestamps);
        const list = all.get(r.id) ?? [];
        for (const [i, step] of steps.entries())
          list.push({
            x: timestamps[i]! - r.start,
            step,
            timestamp: timestamps[i]!,
            value: values[i]!,
          });
        all.set(r.id, list);
      }
    };
    // stored history in several segments per run, then writes racing the subscription's start
    for (let k = 0; k < 5; k++) await write(k);
    const it = await Promise.all([
      t.app.liveSeries.open({
        runIds: runs.map((r) => r.id),
        key: 'loss',
        buckets: 7,
        axis: 'RELATIVE_TIME',
        start: 0,
        end: 5_000,
      }),
      (async () => {
        for (let k = 5; k < 15; k++) await write(k);
      })(),
    ]).then(([stream]) => stream);
    const state = new Map<string, Map<number, unknown>>();
    const seqs = new Map<string, number>();
    while (runs.some((r) => (seqs.get(r.id) ?? 0) < 15)) {
      const frame = (await it.next()).value as SeriesFrame;
      for (const r of frame.runs) {
        const held = frame.full ? new Map() : (state.get(r.runId) ?? new Map());
        for (const b of r.buckets) held.set(b.index, b);
        state.set(r.runId, held);
        seqs.set(r.runId, r.seq);
      }
    }
    for (const r of runs) {
      const expected = bucketize(all.get(r.id)!, { start: 0, end: 5_000 }, 7);
      const got = [...state.get(r.id)!.values()].sort(
        (a, b) => (a as { index: number }).index - (b as { index: number }).index,
      );
      expect(got).toEqual(expected);
    }
    await it.return();
  });
});
