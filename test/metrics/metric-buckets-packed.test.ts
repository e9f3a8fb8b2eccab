import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketize, type SeriesAxis } from '../../server/modules/metrics/buckets.ts';
import { graphql } from '../gql/index.ts';
import { bucketRows } from '../helpers/buckets.ts';
import { LogBatch } from '../helpers/documents.ts';
import { rng } from '../helpers/rng.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const Buckets = graphql(`
  query PackedBuckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis, $start: Step, $end: Step) {
    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, start: $start, end: $end) {
      start end
      runs {
        runId index xStart xEnd count minStep maxStep min max lastStep lastTimestamp lastValue
      }
    }
  }
`);

type Raw = { step: number; timestamp: number; value: number };
const START = 1_000_000;

let t: TestApp;
let runId: string;
const points: Record<string, Raw[]> = { a: [], b: [] };

const wire = (ps: Raw[], key: string) => ({
  key,
  steps: ps.map((p) => p.step),
  timestamps: ps.map((p) => p.timestamp),
  values: ps.map((p) => (Number.isNaN(p.value) ? 'NaN' : p.value)),
});

beforeAll(async () => {
  t = await createTestApp();
  runId = await seedRun(t, await seedExperiment(t), { startTime: START });
  const rand = rng(7);
  for (let b = 0; b < 6; b++) {
    // key a: overlapping, shuffled steps (blocks scattered in the segment), a stretch of NaN only,
    // sent as two series of one key; key b: sorted, in the same batch
    const a: Raw[] = Array.from({ length: 300 }, (_, i) => {
      const step = b * 300 - 50 + i;
      const value = step >= 600 && step < 1000 ? Number.NaN : Math.round(rand() * 2000 - 1000) / 8;
      return { step, timestamp: START + step * 5 + Math.floor(rand() * 40), value };
    }).sort(() => rand() - 0.5);
    const bs: Raw[] = Array.from({ length: 100 }, (_, i) => ({
      step: b * 100 + i,
      timestamp: START + (b * 100 + i) * 37,
      value: i % 13 === 0 ? Number.NaN : Math.cos(b * 100 + i),
    }));
    points.a!.push(...a);
    points.b!.push(...bs);
    await t.execute(LogBatch, {
      input: {
        runId,
        metrics: [wire(a.slice(0, 120), 'a'), wire(bs, 'b'), wire(a.slice(120), 'a')],
      },
    });
  }
});
afterAll(() => t.close());

const xOf = (axis: SeriesAxis, p: Raw) =>
  axis === 'STEP' ? p.step : axis === 'WALL_TIME' ? p.timestamp : p.timestamp - START;

async function check(key: string, axis: SeriesAxis, count: number, start?: number, end?: number) {
  const res = await t.execute(Buckets, { runIds: [runId], key, buckets: count, axis, start, end });
  const set = res.metricBuckets;
  const r = set.runs[0]!;
  const got = bucketRows(r);
  const pts = points[key]!.map((p) => ({ ...p, x: xOf(axis, p) }));
  const range = { start: Number(set.start), end: Number(set.end) };
  expect(got, `${key} ${axis} ${count} ${start} ${end}`).toEqual(bucketize(pts, range, count));
  return got;
}

describe('metricBuckets over packed segments', () => {
  it('equals bucketize for unsorted batches, two keys per batch and NaN-only stretches, on every axis', async () => {
    for (const key of ['a', 'b']) {
      for (const axis of ['STEP', 'WALL_TIME', 'RELATIVE_TIME'] as const) {
        // few buckets take block records (scattered straddling blocks read their whole segment),
        // many take points
        for (const count of [1, 3, 7, 50, 999]) await check(key, axis, count);
      }
      await check(key, 'STEP', 2, 130, 1400);
      await check(key, 'WALL_TIME', 5, START + 700, START + 8_000);
      await check(key, 'RELATIVE_TIME', 40, -100, 3_333);
    }
  });

  it('reports a bucket whose values are all NaN with null min and max, from blocks and from points', async () => {
    // steps 600..999 of key a are NaN only: bucket 1 of 320-step buckets from 280 (blocks) and
    // bucket 3 of 100-step buckets from 300 (points) lie inside that stretch
    for (const [count, start, width] of [
      [5, 280, 320],
      [12, 300, 100],
    ] as const) {
      const got = await check('a', 'STEP', count, start, start + count * width - 1);
      const nanOnly = got.find((b) => b.xStart === 600)!;
      expect(nanOnly).toMatchObject({ min: null, max: null, count: width });
      expect(Number.isNaN(nanOnly.last.value)).toBe(true);
    }
  });

  it('gives a run listed twice the same buckets twice, counted once', async () => {
    const res = await t.execute(Buckets, {
      runIds: [runId, 'missing', runId],
      key: 'b',
      buckets: 2,
    });
    const [first, missing, again] = res.metricBuckets.runs;
    expect(first!.count.reduce((a, b) => a + b, 0)).toBe(points.b!.length);
    expect(again).toEqual(first);
    expect(missing).toMatchObject({ runId: 'missing', index: [], count: [] });
  });
});
