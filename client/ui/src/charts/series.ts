import type { SeriesAxis, UiLiveSeriesSubscription } from '../gql/graphql.ts';

type Frame = UiLiveSeriesSubscription['liveSeries'];
export type LiveBucket = Frame['runs'][number]['buckets'][number];

/** A step as the server sends it: a number within ±(2^53-1), a decimal string beyond. */
export type StepValue = number | string;

/** A step as a bigint, exact for the whole int64 range. */
const big = (s: StepValue) => BigInt(s);

/** Steps compared exactly (numbers directly, the common case; BigInt only for a wide one). */
function compareSteps(a: StepValue, b: StepValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [big(a), big(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The buckets of one run held by a chart, updated frame by frame. */
export class BucketSet {
  readonly buckets = new Map<number, LiveBucket>();
  range: { start: StepValue; end: StepValue } | null = null;

  /** Applies a frame: a full frame replaces everything, a delta replaces only its buckets. */
  apply(frame: Frame, runId: string): void {
    if (frame.full) this.buckets.clear();
    this.range = frame.range ?? null;
    for (const run of frame.runs) {
      if (run.runId !== runId) continue;
      for (const b of run.buckets) this.buckets.set(b.index, b);
    }
  }

  /** Highest step among the latest points of the buckets, exact (-1 when empty). */
  lastStep(): StepValue {
    let max: StepValue | null = null;
    for (const b of this.buckets.values())
      if (max === null || compareSteps(b.last.step, max) > 0) max = b.last.step;
    return max ?? -1;
  }

  /**
   * The step the chart's x counts from: steps are drawn as offsets from it, so the chart's doubles
   * stay exact near the data even for steps beyond ±(2^53-1) (0 for an ordinary series).
   */
  stepBase(): bigint {
    const r = this.range;
    if (r === null || (typeof r.start === 'number' && typeof r.end === 'number')) return 0n;
    let low: StepValue | null = null;
    for (const b of this.buckets.values())
      if (low === null || compareSteps(b.last.step, low) < 0) low = b.last.step;
    return big(low ?? r.start);
  }
}

/** A metric value as a finite number, or null (gaps for NaN and infinities). */
function finite(v: number | string | null | undefined): number | null {
  if (v == null) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * The chart's x of a bucket: its latest point's step less `base` (see `BucketSet.stepBase`), or its
 * time (seconds since the epoch for wall time, seconds since the run's start for relative time).
 */
export function xOf(b: LiveBucket, axis: SeriesAxis, runStart: number, base: bigint): number {
  if (axis === 'STEP') {
    const step = b.last.step;
    return typeof step === 'number' && base === 0n ? step : Number(big(step) - base);
  }
  if (axis === 'WALL_TIME') return b.last.timestamp / 1000;
  return (b.last.timestamp - runStart) / 1000;
}

/** The step of a chart x (an offset from `base`), exact: a number when safe, a decimal string beyond. */
export function stepAt(x: number, base: bigint): StepValue {
  const step = base + BigInt(Math.round(x));
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  return step >= -safe && step <= safe ? Number(step) : String(step);
}

/** Converts a chart x back to the server's axis units (steps, or ms: epoch or since the start). */
export function axisValue(x: number, axis: SeriesAxis, base: bigint): StepValue {
  return axis === 'STEP' ? stepAt(x, base) : Math.round(x * 1000);
}

/** uPlot data: x, last value, min and max per bucket, in x order. */
export function toPlotData(set: BucketSet, axis: SeriesAxis, runStart: number, base: bigint) {
  const sorted = [...set.buckets.values()].sort((a, b) => a.index - b.index);
  const xs: number[] = [];
  const last: (number | null)[] = [];
  const min: (number | null)[] = [];
  const max: (number | null)[] = [];
  for (const b of sorted) {
    xs.push(xOf(b, axis, runStart, base));
    last.push(finite(b.last.value));
    min.push(finite(b.min));
    max.push(finite(b.max));
  }
  return [xs, last, min, max] as [
    number[],
    (number | null)[],
    (number | null)[],
    (number | null)[],
  ];
}
