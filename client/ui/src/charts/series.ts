import type { SeriesAxis, UiLiveSeriesSubscription } from '../gql/graphql.ts';

type Frame = UiLiveSeriesSubscription['liveSeries'];
export type LiveBucket = Frame['runs'][number]['buckets'][number];

/** The buckets of one run held by a chart, updated frame by frame. */
export class BucketSet {
  readonly buckets = new Map<number, LiveBucket>();
  range: { start: number; end: number } | null = null;

  /** Applies a frame: a full frame replaces everything, a delta replaces only its buckets. */
  apply(frame: Frame, runId: string): void {
    if (frame.full) this.buckets.clear();
    this.range = frame.range ?? null;
    for (const run of frame.runs) {
      if (run.runId !== runId) continue;
      for (const b of run.buckets) this.buckets.set(b.index, b);
    }
  }

  /** Highest step among the latest points of the buckets (-1 when empty). */
  lastStep(): number {
    let max = -1;
    for (const b of this.buckets.values()) if (b.last.step > max) max = b.last.step;
    return max;
  }
}

/** A metric value as a finite number, or null (gaps for NaN and infinities). */
function finite(v: number | string | null | undefined): number | null {
  if (v == null) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * The chart's x of a bucket: its latest point's step, or its time (seconds since the epoch for
 * wall time, seconds since the run's start for relative time).
 */
export function xOf(b: LiveBucket, axis: SeriesAxis, runStart: number): number {
  if (axis === 'STEP') return b.last.step;
  if (axis === 'WALL_TIME') return b.last.timestamp / 1000;
  return (b.last.timestamp - runStart) / 1000;
}

/** Converts a chart x back to the server's axis units (steps, or ms: epoch or since the start). */
export function axisValue(x: number, axis: SeriesAxis): number {
  return axis === 'STEP' ? Math.round(x) : Math.round(x * 1000);
}

/** uPlot data: x, last value, min and max per bucket, in x order. */
export function toPlotData(set: BucketSet, axis: SeriesAxis, runStart: number) {
  const sorted = [...set.buckets.values()].sort((a, b) => a.index - b.index);
  const xs: number[] = [];
  const last: (number | null)[] = [];
  const min: (number | null)[] = [];
  const max: (number | null)[] = [];
  for (const b of sorted) {
    xs.push(xOf(b, axis, runStart));
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
