import { approxSteps, comparePoints, type PreparedMetrics } from './metric-batch.ts';
import { B, BLOCK_FIELDS, packExactSteps, packPoints } from './metric-packed.ts';

/**
 * Block rollup of metric points, cut at ingest for fast downsampling.
 *
 * Every segment's points are also cut into fixed blocks of x (step blocks of {@link STEP_BLOCK}
 * steps, time blocks of {@link TIME_BLOCK_MS} ms of timestamp); the segment row stores one packed
 * record per block and axis (`blocks_s`, `blocks_t`, see `metric-packed.ts`) and its points packed
 * (`points`). A downsampling read folds the records of blocks lying inside one bucket and reads
 * only the points of blocks straddling a bucket boundary.
 */
export const STEP_BLOCK = 64;
/** Width of a time block in ms. */
export const TIME_BLOCK_MS = 256;

/** The axis a block is cut on: `s` (step) or `t` (timestamp; wall and relative time). */
export type BlockAxis = 's' | 't';

/** The packed rollup of one batch, ready to bind to the segment insert. */
export interface PreparedBlocks {
  /** Every point of the batch packed, in batch order (key k's segment is its offsets/counts range). */
  points: Buffer;
  /** Block records of the step axis, key after key in the order of `PreparedMetrics.keys`. */
  stepBlocks: Buffer;
  /** Per key: index of its first step block record and the number of its records. */
  stepOffsets: number[];
  stepCounts: number[];
  /** Block records of the time axis, like {@link PreparedBlocks.stepBlocks}. */
  timeBlocks: Buffer;
  timeOffsets: number[];
  timeCounts: number[];
  /** Per key: smallest and largest timestamp. */
  minTimestamps: number[];
  maxTimestamps: number[];
  /**
   * Every step of the batch as a big-endian int64, in batch order, when the batch is wide (a step
   * beyond ±(2^53-1)); else null. `points` and the block records then hold the steps rounded to
   * doubles, and exact reads take the steps from here (`metric_segments.exact_steps`).
   */
  exactSteps: Buffer | null;
}

/** A prepared batch with its steps as doubles. */
type Approx = Omit<PreparedMetrics, 'steps'> & { steps: number[] };

/**
 * Cuts a prepared batch into step and time blocks with their aggregates, and packs its points.
 *
 * @remarks min and max ignore NaN (NaN in the record when all are NaN); the last point follows
 * MLflow's rule (step, timestamp, value; NaN above every number), like `bucketize`.
 */
export function prepareBlocks(exact: PreparedMetrics): PreparedBlocks {
  const m: Approx = exact.wide ? { ...exact, steps: approxSteps(exact) } : (exact as Approx);
  const recs: Record<BlockAxis, number[]> = { s: [], t: [] };
  const out: PreparedBlocks = {
    points: packPoints(m.steps, m.timestamps, m.values),
    exactSteps: exact.wide ? packExactSteps(exact.steps) : null,
    stepBlocks: Buffer.alloc(0),
    stepOffsets: [],
    stepCounts: [],
    timeBlocks: Buffer.alloc(0),
    timeOffsets: [],
    timeCounts: [],
    minTimestamps: [],
    maxTimestamps: [],
  };
  m.keys.forEach((_, k) => {
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
      const rec = recs[axis];
      (axis === 's' ? out.stepOffsets : out.timeOffsets).push(rec.length / BLOCK_FIELDS.length);
      (axis === 's' ? out.stepCounts : out.timeCounts).push(groups.size);
      for (const [block, idx] of groups) {
        addBlock(rec, m, block, idx, xs, from);
      }
    }
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = from; i < to; i++) {
      const ts = m.timestamps[i]!;
      if (ts < lo) lo = ts;
      if (ts > hi) hi = ts;
    }
    out.minTimestamps.push(lo);
    out.maxTimestamps.push(hi);
  });
  out.stepBlocks = packDoubles(recs.s);
  out.timeBlocks = packDoubles(recs.t);
  return out;
}

/** Appends one block record (its first point's index in the segment when its points are contiguous there, else -1). */
function addBlock(
  rec: number[],
  m: Approx,
  block: number,
  idx: number[],
  xs: number[],
  segmentStart: number,
): void {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minStep = Number.POSITIVE_INFINITY;
  let maxStep = Number.NEGATIVE_INFINITY;
  let mn = Number.NaN;
  let mx = Number.NaN;
  let last = idx[0]!;
  for (const i of idx) {
    const x = xs[i]!;
    const step = m.steps[i]!;
    const v = m.values[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (step < minStep) minStep = step;
    if (step > maxStep) maxStep = step;
    if (!Number.isNaN(v)) {
      if (Number.isNaN(mn) || v < mn) mn = v;
      if (Number.isNaN(mx) || v > mx) mx = v;
    }
    const ts = m.timestamps[i]!;
    if (comparePoints(step, ts, v, m.steps[last]!, m.timestamps[last]!, m.values[last]!) > 0) {
      last = i;
    }
  }
  // idx ascends, so the block is a contiguous run of the segment exactly when its ends are n-1 apart
  const contiguous = idx.at(-1)! - idx[0]! === idx.length - 1;
  const at = rec.length;
  rec.length += BLOCK_FIELDS.length;
  rec[at + B.blk] = block;
  rec[at + B.n] = idx.length;
  rec[at + B.first] = contiguous ? idx[0]! - segmentStart : -1;
  rec[at + B.minX] = minX;
  rec[at + B.maxX] = maxX;
  rec[at + B.minStep] = minStep;
  rec[at + B.maxStep] = maxStep;
  rec[at + B.min] = mn;
  rec[at + B.max] = mx;
  rec[at + B.lastStep] = m.steps[last]!;
  rec[at + B.lastTimestamp] = m.timestamps[last]!;
  rec[at + B.lastValue] = m.values[last]!;
}

function packDoubles(values: readonly number[]): Buffer {
  const buf = Buffer.allocUnsafe(values.length * 8);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i]!);
  return buf;
}
