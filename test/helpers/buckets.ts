import type { Bucket } from '../../server/modules/metrics/buckets.ts';

/** A MetricValue as the API returns it (a number, or "NaN", "Infinity", "-Infinity"), as a number. */
export const metricNumber = (v: unknown): number | null => (v == null ? null : Number(v));

/** One run's buckets as `metricBuckets` returns them: parallel lists, one entry per bucket. */
export interface BucketColumns {
  index: readonly number[];
  xStart: readonly (number | string)[];
  xEnd: readonly (number | string)[];
  count: readonly number[];
  minStep: readonly (number | string)[];
  maxStep: readonly (number | string)[];
  min: readonly unknown[];
  max: readonly unknown[];
  lastStep: readonly (number | string)[];
  lastTimestamp: readonly number[];
  lastValue: readonly unknown[];
}

/** The buckets of one run as `Bucket` objects, comparable with `bucketize`. */
export function bucketRows(r: BucketColumns): Bucket[] {
  return r.index.map((index, i) => ({
    index,
    // safe steps here: the Step columns hold numbers
    xStart: Number(r.xStart[i]),
    xEnd: Number(r.xEnd[i]),
    count: r.count[i]!,
    minStep: Number(r.minStep[i]),
    maxStep: Number(r.maxStep[i]),
    min: metricNumber(r.min[i]),
    max: metricNumber(r.max[i]),
    last: {
      step: Number(r.lastStep[i]),
      timestamp: r.lastTimestamp[i]!,
      value: metricNumber(r.lastValue[i])!,
    },
  }));
}
