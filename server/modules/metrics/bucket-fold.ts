import type { Step } from '../../shared/scalars.ts';
import { bucketIndex, type XRange } from './buckets.ts';

/**
 * Non-empty buckets of one run as parallel lists in index order: the fields of `Bucket` except the
 * x bounds, which follow from the index (`bucketBounds`).
 */
export interface BucketColumns {
  index: number[];
  count: number[];
  /** Numbers; bigints beyond ±(2^53-1) (only from `wide-buckets.ts`). */
  minStep: Step[];
  maxStep: Step[];
  /** null when every value of the bucket is NaN. */
  min: (number | null)[];
  max: (number | null)[];
  lastStep: Step[];
  lastTimestamp: number[];
  lastValue: number[];
}

/** Columns with no bucket. */
export function emptyColumns(): BucketColumns {
  return {
    index: [],
    count: [],
    minStep: [],
    maxStep: [],
    min: [],
    max: [],
    lastStep: [],
    lastTimestamp: [],
    lastValue: [],
  };
}

/**
 * Bucket aggregates of one run at a time in flat typed arrays: points and pre-aggregated blocks
 * fold in without allocating, with the rules of `addPoint` in `buckets.ts` (min and max ignore
 * NaN; the last point is the highest (step, timestamp, value), NaN above every number).
 */
export class BucketFold {
  private readonly n: Float64Array;
  private readonly minStep: Float64Array;
  private readonly maxStep: Float64Array;
  /** NaN while the bucket has no non-NaN value. */
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly lastStep: Float64Array;
  private readonly lastTs: Float64Array;
  private readonly lastValue: Float64Array;

  constructor(
    readonly range: XRange,
    readonly count: number,
  ) {
    const arr = () => new Float64Array(count);
    this.n = arr();
    this.minStep = arr();
    this.maxStep = arr();
    this.min = arr();
    this.max = arr();
    this.lastStep = arr();
    this.lastTs = arr();
    this.lastValue = arr();
  }

  /** Index of the bucket holding `x`, or -1 outside the range (the reference `bucketIndex`). */
  index(x: number): number {
    return bucketIndex(x, this.range, this.count);
  }

  /**
   * Folds packed points: `p` holds (step, timestamp, value) triples; x is the step (`xField` 0) or
   * the timestamp (`xField` 1) minus `off`. With `block`, only points whose absolute x lies in
   * block `block.blk` of width `block.width` are folded.
   *
   * @remarks The hot loop of narrow buckets. Consecutive points of one bucket (the usual case:
   * points arrive sorted) are aggregated in locals and merged once per run of points.
   */
  points(
    p: Float64Array,
    xField: 0 | 1,
    off: number,
    block: { blk: number; width: number } | null,
  ): void {
    const { start, end } = this.range;
    const count = this.count;
    const span = end - start + 1;
    let cur = -1;
    let n = 0;
    let sMin = 0;
    let sMax = 0;
    let vMin = Number.NaN;
    let vMax = Number.NaN;
    let lS = 0;
    let lT = 0;
    let lV = 0;
    for (let at = 0; at < p.length; at += 3) {
      const step = p[at]!;
      const ts = p[at + 1]!;
      const v = p[at + 2]!;
      const abs = xField === 0 ? step : ts;
      if (block !== null && Math.floor(abs / block.width) !== block.blk) continue;
      const x = abs - off;
      if (x < start || x > end) continue;
      // bucketIndex of buckets.ts, inlined
      const i = Math.min(count - 1, Math.floor(((x - start) * count) / span));
      if (i !== cur) {
        if (cur >= 0) this.merge(cur, n, sMin, sMax, vMin, vMax, lS, lT, lV);
        cur = i;
        n = 1;
        sMin = step;
        sMax = step;
        vMin = v;
        vMax = v;
        lS = step;
        lT = ts;
        lV = v;
        continue;
      }
      n++;
      if (step < sMin) sMin = step;
      if (step > sMax) sMax = step;
      // comparisons with NaN are false: a NaN value never replaces, and a NaN (none) yields
      if (v < vMin || (Number.isNaN(vMin) && !Number.isNaN(v))) vMin = v;
      if (v > vMax || (Number.isNaN(vMax) && !Number.isNaN(v))) vMax = v;
      if (step > lS || (step === lS && laterAt(ts, v, lT, lV))) {
        lS = step;
        lT = ts;
        lV = v;
      }
    }
    if (cur >= 0) this.merge(cur, n, sMin, sMax, vMin, vMax, lS, lT, lV);
  }

  /**
   * Folds aggregates of `n` points into bucket `i`: their step range, min and max (NaN: none) and
   * their last point.
   */
  merge(
    i: number,
    n: number,
    minStep: number,
    maxStep: number,
    min: number,
    max: number,
    lastStep: number,
    lastTs: number,
    lastValue: number,
  ): void {
    if (this.n[i] === 0) {
      this.n[i] = n;
      this.minStep[i] = minStep;
      this.maxStep[i] = maxStep;
      this.min[i] = min;
      this.max[i] = max;
      this.lastStep[i] = lastStep;
      this.lastTs[i] = lastTs;
      this.lastValue[i] = lastValue;
      return;
    }
    this.n[i] = this.n[i]! + n;
    if (minStep < this.minStep[i]!) this.minStep[i] = minStep;
    if (maxStep > this.maxStep[i]!) this.maxStep[i] = maxStep;
    // comparisons with NaN are false: a NaN (none) never replaces a value, and a NaN slot takes any
    if (min < this.min[i]! || (Number.isNaN(this.min[i]!) && !Number.isNaN(min))) this.min[i] = min;
    if (max > this.max[i]! || (Number.isNaN(this.max[i]!) && !Number.isNaN(max))) this.max[i] = max;
    if (this.later(i, lastStep, lastTs, lastValue)) {
      this.lastStep[i] = lastStep;
      this.lastTs[i] = lastTs;
      this.lastValue[i] = lastValue;
    }
  }

  private later(i: number, step: number, ts: number, value: number): boolean {
    const s = this.lastStep[i]!;
    if (step !== s) return step > s;
    return laterAt(ts, value, this.lastTs[i]!, this.lastValue[i]!);
  }

  /** The non-empty buckets in index order; the fold is empty afterwards, ready for the next run. */
  take(): BucketColumns {
    let size = 0;
    for (let i = 0; i < this.count; i++) if (this.n[i] !== 0) size++;
    // arrays of their final length, filled in place: no growth copies for the 9 columns
    const col = () => new Array<number>(size);
    const out: BucketColumns = {
      index: col(),
      count: col(),
      minStep: col(),
      maxStep: col(),
      min: col(),
      max: col(),
      lastStep: col(),
      lastTimestamp: col(),
      lastValue: col(),
    };
    for (let i = 0, k = 0; i < this.count; i++) {
      const n = this.n[i]!;
      if (n === 0) continue;
      const mn = this.min[i]!;
      const mx = this.max[i]!;
      out.index[k] = i;
      out.count[k] = n;
      out.minStep[k] = this.minStep[i]!;
      out.maxStep[k] = this.maxStep[i]!;
      out.min[k] = Number.isNaN(mn) ? null : mn;
      out.max[k] = Number.isNaN(mx) ? null : mx;
      out.lastStep[k] = this.lastStep[i]!;
      out.lastTimestamp[k] = this.lastTs[i]!;
      out.lastValue[k] = this.lastValue[i]!;
      this.n[i] = 0;
      k++;
    }
    return out;
  }
}

/** At equal steps, whether (ts, value) comes after (t, v) by MLflow's rule (NaN above numbers). */
function laterAt(ts: number, value: number, t: number, v: number): boolean {
  if (ts !== t) return ts > t;
  if (Number.isNaN(value) || Number.isNaN(v)) return Number.isNaN(value) && !Number.isNaN(v);
  return value > v;
}
