import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bucketize,
  type SeriesAxis,
  type SeriesPoint,
} from '../../server/modules/metrics/buckets.ts';
import { graphql } from '../gql/index.ts';
import { bucketRows, metricNumber as num } from '../helpers/buckets.ts';
import { LogBatch } from '../helpers/documents.ts';
import { rng } from '../helpers/rng.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const Buckets = graphql(`
  query Buckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis, $start: Step, $end: Step) {
    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, start: $start, end: $end) {
      axis start end bucketCount
      runs {
        runId index xStart xEnd count minStep maxStep min max lastStep lastTimestamp lastValue
      }
    }
  }
`);

const Series = graphql(`
  query Series($runId: String!, $key: String!, $minStep: Step, $maxStep: Step) {
    run(runId: $runId) {
      metricSeries(key: $key, minStep: $minStep, maxStep: $maxStep) { key steps timestamps values }
      metricBuckets(key: $key, buckets: 7) { start end runs { count } }
    }
  }
`);

type Raw = { step: number; timestamp: number; value: number };

let t: TestApp;
const runs: { id: string; start: number; points: Raw[] }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const exp = await seedExperiment(t);
  const rand = rng(42);
  for (let r = 0; r < 3; r++) {
    const start = 1_700_000_000_000 + r * 5_000;
    const id = await seedRun(t, exp, { startTime: start });
    const points: Raw[] = [];
    for (let b = 0; b < 4; b++) {
      const batch: Raw[] = [];
      for (let i = 0; i < 150; i++) {
        const step = Math.floor(rand() * 400) - 20 + r * 13;
        const value = rand() < 0.03 ? Number.NaN : Math.round(rand() * 1000) / 10;
        batch.push({ step, timestamp: start + Math.floor(rand() * 90_000), value });
      }
      points.push(...batch);
      await t.execute(LogBatch, {
        input: {
          runId: id,
          metrics: [
            {
              key: 'loss',
              steps: batch.map((p) => p.step),
              timestamps: batch.map((p) => p.timestamp),
              values: batch.map((p) => (Number.isNaN(p.value) ? 'NaN' : p.value)),
            },
          ],
        },
      });
    }
    runs.push({ id, start, points });
  }
});
afterAll(() => t.close());

function xOf(axis: SeriesAxis, p: Raw, start: number): number {
  return axis === 'STEP' ? p.step : axis === 'WALL_TIME' ? p.timestamp : p.timestamp - start;
}

async function fetchBuckets(axis: SeriesAxis, count: number, start?: number, end?: number) {
  const res = await t.execute(Buckets, {
    runIds: runs.map((r) => r.id),
    key: 'loss',
    buckets: count,
    axis,
    start,
    end,
  });
  const set = res.metricBuckets;
  const perRun = set.runs.map(bucketRows);
  return { set, perRun };
}

describe('metricBuckets', () => {
  for (const axis of ['STEP', 'WALL_TIME', 'RELATIVE_TIME'] as const) {
    it(`equals bucketize on the ${axis} axis over the data's own range, for many runs at once`, async () => {
      for (const count of [1, 7, 100, 1000]) {
        const { set, perRun } = await fetchBuckets(axis, count);
        const xs = runs.flatMap((r) => r.points.map((p) => xOf(axis, p, r.start)));
        const range = { start: Math.min(...xs), end: Math.max(...xs) };
        expect({ start: set.start, end: set.end }).toEqual(range);
        runs.forEach((r, i) => {
          const pts: SeriesPoint[] = r.points.map((p) => ({ ...p, x: xOf(axis, p, r.start) }));
          const expected = bucketize(pts, range, count);
          expect(perRun[i]).toEqual(expected);
          expect(perRun[i]!.reduce((n, b) => n + b.count, 0)).toBe(r.points.length);
        });
      }
    });
  }

  it('honours an explicit range and keeps every spike (min and max of each bucket)', async () => {
    const { perRun } = await fetchBuckets('STEP', 13, 10, 200);
    runs.forEach((r, i) => {
      const pts = r.points.map((p) => ({ ...p, x: p.step }));
      expect(perRun[i]).toEqual(bucketize(pts, { start: 10, end: 200 }, 13));
      const inRange = r.points.filter(
        (p) => p.step >= 10 && p.step <= 200 && !Number.isNaN(p.value),
      );
      const maxAll = Math.max(...inRange.map((p) => p.value));
      expect(Math.max(...perRun[i]!.map((b) => b.max ?? Number.NEGATIVE_INFINITY))).toBe(maxAll);
    });
  });

  it('returns empty lists for unknown runs and keys, and rejects a bad bucket count', async () => {
    const res = await t.execute(Buckets, { runIds: ['nope'], key: 'loss', buckets: 5 });
    expect(res.metricBuckets).toMatchObject({
      start: null,
      end: null,
      runs: [{ runId: 'nope', index: [] }],
    });
    const bad = await t.executeRaw(Buckets, { runIds: [runs[0]!.id], key: 'loss', buckets: 0 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      field: 'buckets',
    });
  });
});

describe('metricBuckets over dense series (block rollup and in-memory paths)', () => {
  it('equals bucketize with wide buckets (block aggregates) and narrow ones (points), for odd counts and cut ranges', async () => {
    const exp = await seedExperiment(t);
    const id = await seedRun(t, exp, { startTime: 1_000 });
    const points: Raw[] = [];
    for (let off = 0; off < 5000; off += 1000) {
      const steps = Array.from({ length: 1000 }, (_, i) => off + i);
      const batch = steps.map((s) => ({
        step: s,
        timestamp: 1_000 + s * 3,
        value: s % 777 === 0 ? Number.NaN : Math.sin(s) * (s % 501 === 0 ? 100 : 1),
      }));
      points.push(...batch);
      await t.execute(LogBatch, {
        input: {
          runId: id,
          metrics: [
            {
              key: 'dense',
              steps,
              timestamps: batch.map((p) => p.timestamp),
              values: batch.map((p) => (Number.isNaN(p.value) ? 'NaN' : p.value)),
            },
          ],
        },
      });
    }
    const cases: [SeriesAxis, number, number?, number?][] = [
      ['STEP', 3],
      ['STEP', 2, 100, 4000],
      ['STEP', 37],
      ['WALL_TIME', 3, 1500, 14000],
      ['RELATIVE_TIME', 4],
      ['STEP', 999, 17, 4321],
      ['WALL_TIME', 11],
      ['RELATIVE_TIME', 101, 5, 9_000],
    ];
    for (const [axis, count, start, end] of cases) {
      const res = await t.execute(Buckets, {
        runIds: [id],
        key: 'dense',
        buckets: count,
        axis,
        start,
        end,
      });
      const set = res.metricBuckets;
      const range = { start: Number(set.start), end: Number(set.end) };
      const pts = points.map((p) => ({ ...p, x: xOf(axis, p, 1_000) }));
      const r = set.runs[0]!;
      const got = bucketRows(r);
      expect(got, `${axis} ${count}`).toEqual(bucketize(pts, range, count));
    }
  });
});

describe('metricSeries', () => {
  it('returns the whole history as parallel lists in step, timestamp, logging order', async () => {
    const r = runs[0]!;
    const res = await t.execute(Series, { runId: r.id, key: 'loss' });
    const expected = r.points
      .map((p, i) => ({ ...p, i }))
      .sort((a, b) => a.step - b.step || a.timestamp - b.timestamp || a.i - b.i);
    const s = res.run!.metricSeries;
    expect(s.steps).toEqual(expected.map((p) => p.step));
    expect(s.timestamps).toEqual(expected.map((p) => p.timestamp));
    expect(s.values.map((v) => num(v))).toEqual(expected.map((p) => p.value));
    expect(res.run!.metricBuckets.runs[0]!.count.reduce((a, b) => a + b, 0)).toBe(r.points.length);
  });

  it('limits the series to a step range, whether a segment lies inside it or is cut by it', async () => {
    const r = runs[1]!;
    const res = await t.execute(Series, { runId: r.id, key: 'loss', minStep: 50, maxStep: 60 });
    const n = r.points.filter((p) => p.step >= 50 && p.step <= 60).length;
    expect(res.run!.metricSeries.steps).toHaveLength(n);
    expect(res.run!.metricSeries.steps.every((s) => Number(s) >= 50 && Number(s) <= 60)).toBe(true);

    // sorted batches of 10 steps: [0..9], [10..19], ... — a range from 15 to 34 cuts two, holds one
    const run = await seedRun(t, await seedExperiment(t));
    for (let b = 0; b < 5; b++) {
      const steps = Array.from({ length: 10 }, (_, i) => b * 10 + i);
      await t.execute(LogBatch, {
        input: { runId: run, metrics: [{ key: 'k', steps, values: steps.map((x) => x / 2) }] },
      });
    }
    const cut = await t.execute(Series, { runId: run, key: 'k', minStep: 15, maxStep: 34 });
    const want = Array.from({ length: 20 }, (_, i) => 15 + i);
    expect(cut.run!.metricSeries.steps).toEqual(want);
    expect(cut.run!.metricSeries.values).toEqual(want.map((x) => x / 2));
  });

  it('keeps NaN, ±Infinity and steps and timestamps at ±(2^53 - 1) exactly', async () => {
    const run = await seedRun(t, await seedExperiment(t));
    const big = Number.MAX_SAFE_INTEGER;
    await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [
          {
            key: 'odd',
            steps: [-big, 0, 1, big],
            timestamps: [1, big, 3, 4],
            values: ['NaN', 'Infinity', '-Infinity', 0.1],
          },
        ],
      },
    });
    const res = await t.execute(Series, { runId: run, key: 'odd' });
    expect(res.run!.metricSeries).toMatchObject({
      steps: [-big, 0, 1, big],
      timestamps: [1, big, 3, 4],
      values: ['NaN', 'Infinity', '-Infinity', 0.1],
    });
  });
});
