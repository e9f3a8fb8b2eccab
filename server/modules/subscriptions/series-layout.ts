import { compareSteps, type Step, stepOf } from '../../shared/scalars.ts';
import {
  type BoundsOf,
  type Bucket,
  type BucketColumns,
  bucketBounds,
  bucketIndex,
  isSafeRange,
  mergeBucket,
  type StepRange,
  wideBucketBounds,
  wideBucketIndex,
  type XRange,
} from '../metrics/public.ts';

/**
 * The bucket layout of a live series: its x range cut into `count` buckets, with the rules of
 * `metricBuckets` (`metrics/buckets.ts`), exact over the whole int64 step range.
 *
 * @remarks A range within ±(2^53-1) is also kept as `narrow`, the double arithmetic of
 * `bucketIndex`, which stays exact there: the common path allocates nothing per point. A range or a
 * step beyond takes `wideBucketIndex` (BigInt). Time axes (ms) are always narrow.
 */
export class SeriesLayout {
  /** The range when both bounds are safe integers (numbers): the fast path; null when wide. */
  readonly narrow: XRange | null;
  /** Bounds of bucket `i` of this layout. */
  readonly boundsOf: BoundsOf;

  constructor(
    readonly range: StepRange,
    readonly count: number,
  ) {
    const narrow = isSafeRange(range) ? range : null;
    this.narrow = narrow;
    this.boundsOf = narrow
      ? (i) => bucketBounds(i, narrow, count)
      : (i) => wideBucketBounds(i, range, count);
  }

  /** Index of the bucket holding `x`, or -1 outside the range. */
  index(x: Step): number {
    const n = this.narrow;
    if (n !== null && typeof x === 'number') return bucketIndex(x, n, this.count);
    return wideBucketIndex(x, this.range, this.count);
  }

  /** Bucket objects of a run from the columns of `metricBuckets` (steps exact, as they come). */
  bucketsOf(c: BucketColumns): Map<number, Bucket> {
    const out = new Map<number, Bucket>();
    for (let k = 0; k < c.index.length; k++) {
      const index = c.index[k]!;
      out.set(index, {
        index,
        ...this.boundsOf(index),
        count: c.count[k]!,
        minStep: c.minStep[k]!,
        maxStep: c.maxStep[k]!,
        min: c.min[k]!,
        max: c.max[k]!,
        last: { step: c.lastStep[k]!, timestamp: c.lastTimestamp[k]!, value: c.lastValue[k]! },
      });
    }
    return out;
  }

  /**
   * The layout doubled on `x`'s side as often as needed to hold it, with the buckets of each run
   * merged pairwise into it (bucket `i` lies whole in `floor((i + shift) / f)` of the new layout),
   * or null when `x` lies past a fixed side. BigInt arithmetic: widening is rare, and a doubled
   * span may pass ±(2^53-1).
   */
  widen(
    x: Step,
    open: { start: boolean; end: boolean },
  ): { layout: SeriesLayout; merge: (buckets: Map<number, Bucket>) => Map<number, Bucket> } | null {
    const [start, end, at] = [BigInt(this.range.start), BigInt(this.range.end), BigInt(x)];
    const up = at > end;
    if (!(up ? open.end : open.start)) return null;
    const width = end - start + 1n;
    let f = 2n;
    while (up ? start + width * f - 1n < at : end - width * f + 1n > at) f *= 2n;
    const range = up
      ? { start: this.range.start, end: stepOf(start + width * f - 1n) }
      : { start: stepOf(end - width * f + 1n), end: this.range.end };
    const layout = new SeriesLayout(range, this.count);
    const shift = up ? 0n : (f - 1n) * BigInt(this.count);
    const merge = (buckets: Map<number, Bucket>) => {
      const merged = new Map<number, Bucket>();
      for (const b of buckets.values()) {
        const j = Number((BigInt(b.index) + shift) / f);
        merged.set(j, mergeBucket(merged.get(j), b, j, layout.boundsOf));
      }
      return merged;
    };
    return { layout, merge };
  }
}

/**
 * The range of a series from its fixed sides and, for an open side, the data's extent: at least one
 * x per bucket; null while an open side has no data.
 */
export function seriesRange(
  fixed: { start: Step | null; end: Step | null },
  count: number,
  extent: StepRange | null,
): StepRange | null {
  if (extent === null && (fixed.start === null || fixed.end === null)) return null;
  const start = fixed.start ?? extent!.start;
  if (fixed.end !== null)
    return { start, end: compareSteps(fixed.end, start) < 0 ? start : fixed.end };
  const least = BigInt(start) + BigInt(count - 1);
  const high = extent === null ? least : BigInt(extent.end) > least ? BigInt(extent.end) : least;
  return { start, end: stepOf(high) };
}

/** The lowest and highest of `x` so far (null: none), steps compared exactly. */
export function extendExtent(extent: StepRange | null, x: Step): StepRange | null {
  if (extent === null) return { start: x, end: x };
  if (x < extent.start) extent.start = x;
  if (x > extent.end) extent.end = x;
  return extent;
}
