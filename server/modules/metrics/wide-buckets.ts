import { compareSteps, type Step } from '../../shared/scalars.ts';
import { type BucketColumns, emptyColumns } from './bucket-fold.ts';
import { bucketBounds, type SeriesAxis, type StepRange, type XRange } from './buckets.ts';
import { compareValues } from './metric-batch.ts';
import { exactStepsOf, readDoubles } from './metric-packed.ts';
import type { PackedReads, Runs } from './metric-packed-reads.ts';

/**
 * The plain downsampling path for series with steps beyond ±(2^53-1) ("wide"): the packed folds
 * work in doubles, which round such steps, so a request meeting a wide segment, or cut over a
 * range whose bounds are beyond ±(2^53-1), is answered here instead: every point in the range is
 * read with its exact step and bucketed one by one, with BigInt arithmetic where the range needs
 * it. Same buckets and rules as `buckets.ts` (`bucketize`); only wide requests pay for it.
 */

/** True when both bounds are safe-integer numbers: the double arithmetic of `buckets.ts` is exact. */
export function isSafeRange(r: StepRange): r is XRange {
  return (
    typeof r.start === 'number' &&
    typeof r.end === 'number' &&
    Number.isSafeInteger(r.start) &&
    Number.isSafeInteger(r.end)
  );
}

const big = (v: Step) => (typeof v === 'bigint' ? v : BigInt(Math.trunc(v)));
/** A bigint back in the canonical `Step` form (a number when safe). */
const step = (v: bigint): Step =>
  v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;

/** Index of the bucket holding `x` (exact for any int64), or -1 outside the range. */
export function wideBucketIndex(x: Step, range: StepRange, count: number): number {
  const [s, e, v] = [big(range.start), big(range.end), big(x)];
  if (v < s || v > e) return -1;
  const i = ((v - s) * BigInt(count)) / (e - s + 1n);
  return Math.min(count - 1, Number(i));
}

/** The inclusive x bounds of bucket `i` (those of `bucketBounds`, exact for any int64). */
export function wideBucketBounds(i: number, range: StepRange, count: number) {
  if (isSafeRange(range)) return bucketBounds(i, range, count);
  const s = big(range.start);
  const width = big(range.end) - s + 1n;
  const n = BigInt(count);
  const ceilDiv = (a: bigint) => (a + n - 1n) / n; // a >= 0
  return {
    xStart: step(s + ceilDiv(BigInt(i) * width)),
    xEnd: step(s + ceilDiv(BigInt(i + 1) * width) - 1n),
  };
}

interface Acc {
  count: number;
  minStep: Step;
  maxStep: Step;
  min: number | null;
  max: number | null;
  lastStep: Step;
  lastTimestamp: number;
  lastValue: number;
}

/** MLflow's latest rule over (step, timestamp, value), NaN above every number. */
function later(a: Acc, s: Step, t: number, v: number): boolean {
  return (compareSteps(s, a.lastStep) || t - a.lastTimestamp || compareValues(v, a.lastValue)) > 0;
}

function add(acc: Acc | undefined, s: Step, t: number, v: number): Acc {
  const finite = !Number.isNaN(v);
  if (!acc) {
    const m = finite ? v : null;
    return {
      count: 1,
      minStep: s,
      maxStep: s,
      min: m,
      max: m,
      lastStep: s,
      lastTimestamp: t,
      lastValue: v,
    };
  }
  acc.count++;
  if (s < acc.minStep) acc.minStep = s;
  if (s > acc.maxStep) acc.maxStep = s;
  if (finite) {
    if (acc.min === null || v < acc.min) acc.min = v;
    if (acc.max === null || v > acc.max) acc.max = v;
  }
  if (later(acc, s, t, v)) [acc.lastStep, acc.lastTimestamp, acc.lastValue] = [s, t, v];
  return acc;
}

function columns(buckets: Map<number, Acc>): BucketColumns {
  const out = emptyColumns();
  for (const i of [...buckets.keys()].sort((a, b) => a - b)) {
    const b = buckets.get(i)!;
    out.index.push(i);
    out.count.push(b.count);
    out.minStep.push(b.minStep);
    out.maxStep.push(b.maxStep);
    out.min.push(b.min);
    out.max.push(b.max);
    out.lastStep.push(b.lastStep);
    out.lastTimestamp.push(b.lastTimestamp);
    out.lastValue.push(b.lastValue);
  }
  return out;
}

/** Buckets every run's points in `range` one by one, with exact steps; keyed by run index. */
export async function wideBuckets(
  reads: PackedReads,
  runs: Runs,
  key: string,
  axis: SeriesAxis,
  range: StepRange,
  count: number,
): Promise<Map<number, BucketColumns>> {
  const perRun = new Map<number, Map<number, Acc>>();
  const sqlRange = { start: big(range.start), end: big(range.end) };
  await reads.segments(runs, key, axis, sqlRange, 'points', (run, _seq, data, exact) => {
    const p = readDoubles(data);
    const steps = exact ? exactStepsOf(exact) : null;
    const off = runs.offsets[run]!;
    const buckets = perRun.get(run) ?? new Map<number, Acc>();
    perRun.set(run, buckets);
    for (let at = 0, i = 0; at < p.length; at += 3, i++) {
      const s: Step = steps ? steps[i]! : p[at]!;
      const t = p[at + 1]!;
      const x = axis === 'STEP' ? s : t - off;
      const idx = wideBucketIndex(x, range, count);
      if (idx < 0) continue;
      buckets.set(idx, add(buckets.get(idx), s, t, p[at + 2]!));
    }
  });
  const out = new Map<number, BucketColumns>();
  for (const [run, buckets] of perRun) out.set(run, columns(buckets));
  return out;
}
