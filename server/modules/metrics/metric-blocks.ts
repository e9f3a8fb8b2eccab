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
  /**
   * True when every block's points are a contiguous run of the batch's flat arrays (points sorted
   * on both axes, the usual case): `offsets` then index the batch's own arrays and the point
   * arrays below stay empty, so no point is sent twice.
   */
  contiguous: boolean;
  /** Points of every block, block after block, in logging order (only when not contiguous). */
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
    contiguous: true,
    steps: [],
    timestamps: [],
    values: [],
  };
  // batch positions of every block's points, block after block
  const pos: number[] = [];
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
      for (const [block, idx] of groups) addBlock(out, m, key, axis, block, idx, xs, pos);
    }
  });
  if (!out.contiguous) {
    // offsets so far index the batch's arrays; copy the points block by block instead
    out.offsets = [];
    let at = 0;
    for (const n of out.counts) {
      out.offsets.push(at);
      for (const i of pos.slice(at, at + n)) {
        out.steps.push(m.steps[i]!);
        out.timestamps.push(m.timestamps[i]!);
        out.values.push(m.values[i]!);
      }
      at += n;
    }
  }
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
  pos: number[],
): void {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minStep = Number.POSITIVE_INFINITY;
  let maxStep = Number.NEGATIVE_INFINITY;
  let mn: number | null = null;
  let mx: number | null = null;
  let last = idx[0]!;
  // idx ascends, so the block is a contiguous run of the batch exactly when its ends are n-1 apart
  out.offsets.push(idx[0]!);
  if (idx.at(-1)! - idx[0]! !== idx.length - 1) out.contiguous = false;
  for (const i of idx) {
    const [x, step, ts, v] = [xs[i]!, m.steps[i]!, m.timestamps[i]!, m.values[i]!];
    pos.push(i);
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
