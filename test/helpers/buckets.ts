import type { Bucket } from '../../server/modules/metrics/buckets.ts';

/** A MetricValue as the API returns it (a number, or "NaN", "Infinity", "-Infinity"), as a number. */
export const metricNumber = (v: unknown): number | null => (v == null ? null : Number(v));

/** One run's buckets as `metricBuckets` returns them: parallel lists, one entry per bucket. */
export interface BucketColumns {
  index: readonly number[];
  xStart: readonly number[];
  xEnd: readonly number[];
  count: readonly number[];
  minStep: readonly number[];
  maxStep: readonly number[];
  min: readonly unknown[];
  max: readonly unknown[];
  lastStep: readonly number[];
  lastTimestamp: readonly number[];
  lastValue: readonly unknown[];
}

/** The buckets of one run as `Bucket` objects, comparable with `bucketize`. */
export function bucketRows(r: BucketColumns): Bucket[] {
  return r.index.map((index, i) => ({
    index,
    xStart: r.xStart[i]!,
    xEnd: r.xEnd[i]!,
    count: r.count[i]!,
    minStep: r.minStep[i]!,
    maxStep: r.maxStep[i]!,
    min: metricNumber(r.min[i]),
    max: metricNumber(r.max[i]),
    last: {
      step: r.lastStep[i]!,
      timestamp: r.lastTimestamp[i]!,
      value: metricNumber(r.lastValue[i])!,
    },
  }));
}
