/**
 * Downsampling buckets shared by history reads and live series.
 *
 * A range [start, end] (inclusive, integers on the chosen x-axis) is cut into `count` buckets of equal
 * width `(end - start + 1) / count`; bucket `i` holds the x values with
 * `floor((x - start) * count / (end - start + 1)) = i`. The same data and arguments always give the same
 * buckets, and bucket aggregates merge, so a bucket can be updated point by point.
 */

import type { Step } from '../../shared/scalars.ts';

/** The x-axis of a series. */
export type SeriesAxis = 'STEP' | 'WALL_TIME' | 'RELATIVE_TIME';

/** An inclusive integer range on the x-axis. */
export interface XRange {
  start: number;
  end: number;
}

/** An inclusive x range whose bounds may be beyond ±(2^53-1) (then bigints; see `wide-buckets.ts`). */
export interface StepRange {
  start: Step;
  end: Step;
}

/** A point as buckets see it: x is its position on the chosen axis. */
export interface SeriesPoint {
  x: number;
  step: Step;
  timestamp: number;
  value: number;
}

/** Aggregates of the points in one bucket; `last` follows MLflow's latest rule. */
export interface Bucket {
  index: number;
  /** First x value the bucket covers (inclusive); a bigint beyond ±(2^53-1) (wide step ranges). */
  xStart: Step;
  /** Last x value the bucket covers (inclusive). */
  xEnd: Step;
  count: number;
  /** Steps are exact: numbers, bigints beyond ±(2^53-1) (see `Step`). */
  minStep: Step;
  maxStep: Step;
  /** Smallest and largest value, NaN ignored; null when every value is NaN. */
  min: number | null;
  max: number | null;
  /** The bucket's point with the highest (step, timestamp, value). */
  last: { step: Step; timestamp: number; value: number };
}

/** The inclusive x bounds of a bucket by index: `bucketBounds`, or `wideBucketBounds` for wide ranges. */
export type BoundsOf = (i: number) => { xStart: Step; xEnd: Step };

/** Index of the bucket holding `x`, or -1 when `x` is outside the range. */
export function bucketIndex(x: number, range: XRange, count: number): number {
  if (x < range.start || x > range.end) return -1;
  const width = range.end - range.start + 1;
  return Math.min(count - 1, Math.floor(((x - range.start) * count) / width));
}

/** The inclusive x bounds of bucket `i`. */
export function bucketBounds(
  i: number,
  range: XRange,
  count: number,
): { xStart: number; xEnd: number } {
  const width = range.end - range.start + 1;
  const xStart = range.start + Math.ceil((i * width) / count);
  const xEnd = range.start + Math.ceil(((i + 1) * width) / count) - 1;
  return { xStart, xEnd };
}

// steps compare exactly with < and >, numbers and bigints mixed; canonical steps (a safe step is
// never a bigint) are equal only when ===
function laterThan(a: Bucket['last'], step: Step, timestamp: number, value: number): boolean {
  if (step !== a.step) return step > a.step;
  if (timestamp !== a.timestamp) return timestamp > a.timestamp;
  if (Number.isNaN(value) || Number.isNaN(a.value))
    return Number.isNaN(value) && !Number.isNaN(a.value);
  return value > a.value;
}

/** Folds one point into `bucket` (creating it with `boundsOf(index)` when absent) and returns it. */
export function addPoint(
  bucket: Bucket | undefined,
  p: SeriesPoint,
  index: number,
  boundsOf: BoundsOf,
): Bucket {
  const finite = !Number.isNaN(p.value);
  if (!bucket) {
    return {
      index,
      ...boundsOf(index),
      count: 1,
      minStep: p.step,
      maxStep: p.step,
      min: finite ? p.value : null,
      max: finite ? p.value : null,
      last: { step: p.step, timestamp: p.timestamp, value: p.value },
    };
  }
  bucket.count += 1;
  if (p.step < bucket.minStep) bucket.minStep = p.step;
  if (p.step > bucket.maxStep) bucket.maxStep = p.step;
  if (finite) {
    if (bucket.min === null || p.value < bucket.min) bucket.min = p.value;
    if (bucket.max === null || p.value > bucket.max) bucket.max = p.value;
  }
  const last = bucket.last;
  if (laterThan(last, p.step, p.timestamp, p.value)) {
    // in place: a bucket's `last` is its own object (frames and merges copy it)
    last.step = p.step;
    last.timestamp = p.timestamp;
    last.value = p.value;
  }
  return bucket;
}

/**
 * Buckets points by brute force: the reference the SQL implementation is tested against.
 *
 * @returns the non-empty buckets in index order.
 */
export function bucketize(points: Iterable<SeriesPoint>, range: XRange, count: number): Bucket[] {
  const out = new Map<number, Bucket>();
  const boundsOf = (i: number) => bucketBounds(i, range, count);
  for (const p of points) {
    const i = bucketIndex(p.x, range, count);
    if (i < 0) continue;
    out.set(i, addPoint(out.get(i), p, i, boundsOf));
  }
  return [...out.values()].sort((a, b) => a.index - b.index);
}

/**
 * Folds bucket `b` into `into` (creating it as a copy re-indexed to `index` when absent): what the
 * bucket over both buckets' points would be. Used when a live range doubles and pairs of buckets
 * become one.
 */
export function mergeBucket(
  into: Bucket | undefined,
  b: Bucket,
  index: number,
  boundsOf: BoundsOf,
): Bucket {
  if (!into) return { ...b, index, ...boundsOf(index), last: { ...b.last } };
  into.count += b.count;
  if (b.minStep < into.minStep) into.minStep = b.minStep;
  if (b.maxStep > into.maxStep) into.maxStep = b.maxStep;
  if (b.min !== null && (into.min === null || b.min < into.min)) into.min = b.min;
  if (b.max !== null && (into.max === null || b.max > into.max)) into.max = b.max;
  if (laterThan(into.last, b.last.step, b.last.timestamp, b.last.value)) into.last = { ...b.last };
  return into;
}
