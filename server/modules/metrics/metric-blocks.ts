import { comparePoints, type PreparedMetrics } from './metric-batch.ts';

/**
 * Block rollup of metric points, maintained at ingest for fast downsampling.
 *
 * Every batch's points are also cut into fixed blocks of x (step blocks of {@link STEP_BLOCK} steps,
 * time blocks of {@link TIME_BLOCK_MS} ms of timestamp); each (batch, block) becomes one
 * `metric_blocks` row holding the block's aggregates and, for blocks that straddle a bucket
 * boundary, its points. A downsampling read takes the aggregates of blocks lying inside one
 * bucket and unnests only straddling blocks, so it touches ~N/B rows + ~buckets*B points.
 */
export const STEP_BLOCK = 64;
/** Width of a time block in ms. */
export const TIME_BLOCK_MS = 256;

/** The axis a block row is cut on: `s` (step) or `t` (timestamp; wall and relative time). */
export type BlockAxis = 's' | 't';

/** Block rows of one batch as parallel arrays, ready to bind to an `unnest` insert. */
export interface PreparedBlocks {
  keys: string[];
  axes: BlockAxis[];
  blocks: number[];
  counts: number[];
  offsets: number[];
  minX: number[];
  maxX: number[];
  minSteps: number[];
  maxSteps: number[];
  minValues: (number | null)[];
  maxValues: (number | null)[];
  lastSteps: number[];
  lastTimestamps: number[];
  lastValues: number[];
  /** Points of every block, block after block, in logging order within a block. */
  steps: number[];
  timestamps: number[];
  values: number[];
}

/**
 * Cuts a prepared batch into step and time blocks with their aggregates.
 *
 * @remarks min and max ignore NaN (null when all are NaN); the last point follows MLflow's rule
 * (step, timestamp, value; NaN above every number), like `bucketize`.
 */
export function prepareBlocks(m: PreparedMetrics): PreparedBlocks {
  const out: PreparedBlocks = {
    keys: [],
    axes: [],
    blocks: [],
    counts: [],
    offsets: [],
    minX: [],
    maxX: [],
    minSteps: [],
    maxSteps: [],
    minValues: [],
    maxValues: [],
    lastSteps: [],
    lastTimestamps: [],
    lastValues: [],
    steps: [],
    timestamps: [],
    values: [],
  };
  m.keys.forEach((key, k) => {
    const from = m.offsets[k]!;
    const to = from + m.counts[k]!;
    for (const axis of ['s', 't'] as const) {
      const xs = axis === 's' ? m.steps : m.timestamps;
      const width = axis === 's' ? STEP_BLOCK : TIME_BLOCK_MS;
      const groups = new Map<number, number[]>();
      for (let i = from; i < to; i++) {
        const b = Math.floor(xs[i]! / width);
        const g = groups.get(b);
        if (g) g.push(i);
        else groups.set(b, [i]);
      }
      for (const [block, idx] of groups) addBlock(out, m, key, axis, block, idx, xs);
    }
  });
  return out;
}

function addBlock(
  out: PreparedBlocks,
  m: PreparedMetrics,
  key: string,
  axis: BlockAxis,
  block: number,
  idx: number[],
  xs: number[],
): void {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minStep = Number.POSITIVE_INFINITY;
  let maxStep = Number.NEGATIVE_INFINITY;
  let mn: number | null = null;
  let mx: number | null = null;
  let last = idx[0]!;
  out.offsets.push(out.steps.length);
  for (const i of idx) {
    const [x, step, ts, v] = [xs[i]!, m.steps[i]!, m.timestamps[i]!, m.values[i]!];
    out.steps.push(step);
    out.timestamps.push(ts);
    out.values.push(v);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (step < minStep) minStep = step;
    if (step > maxStep) maxStep = step;
    if (!Number.isNaN(v)) {
      if (mn === null || v < mn) mn = v;
      if (mx === null || v > mx) mx = v;
    }
    if (comparePoints(step, ts, v, m.steps[last]!, m.timestamps[last]!, m.values[last]!) > 0) {
      last = i;
    }
  }
  out.keys.push(key);
  out.axes.push(axis);
  out.blocks.push(block);
  out.counts.push(idx.length);
  out.minX.push(minX);
  out.maxX.push(maxX);
  out.minSteps.push(minStep);
  out.maxSteps.push(maxStep);
  out.minValues.push(mn);
  out.maxValues.push(mx);
  out.lastSteps.push(m.steps[last]!);
  out.lastTimestamps.push(m.timestamps[last]!);
  out.lastValues.push(m.values[last]!);
}
