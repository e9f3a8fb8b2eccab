/**
 * Packed binary forms of a segment's points and block aggregates, stored as `bytea`
 * (`metric_segments.points`, `.blocks_s`, `.blocks_t`): the only stored form of the points, which
 * every read (histories, series, buckets, live frames, replay) decodes from raw bytes.
 *
 * Every number is a big-endian float64, the byte order of PostgreSQL's `float8send`, so a migration
 * can build the same bytes in SQL. Timestamps are integers within ±2^53, exact as doubles; so are
 * steps, but for segments holding a step beyond ±(2^53-1) (a wide segment): their points and block
 * records carry the steps rounded to doubles (positions for downsampling), and the exact steps are
 * kept beside them as big-endian int64s (`exact_steps`, null for every other segment), which reads
 * that return steps use instead ({@link exactStepsOf}).
 */
import { type Step, stepOf } from '../../shared/scalars.ts';

/** Bytes per packed point: step, timestamp, value. */
export const POINT_BYTES = 24;

/** Fields of a packed block record, in order. */
export const BLOCK_FIELDS = [
  'blk',
  'n',
  /** Index of the block's first point in the segment when its points are contiguous there, else -1. */
  'first',
  'minX',
  'maxX',
  'minStep',
  'maxStep',
  /** NaN when every value of the block is NaN (min and max ignore NaN). */
  'min',
  'max',
  'lastStep',
  'lastTimestamp',
  'lastValue',
] as const;

/** Bytes per packed block record. */
export const BLOCK_BYTES = BLOCK_FIELDS.length * 8;

/** Field offsets (in doubles) inside a block record. */
export const B = Object.fromEntries(BLOCK_FIELDS.map((f, i) => [f, i])) as Record<
  (typeof BLOCK_FIELDS)[number],
  number
>;

/** Packs parallel arrays as big-endian (step, timestamp, value) triples, in array order. */
export function packPoints(
  steps: readonly number[],
  timestamps: readonly number[],
  values: readonly number[],
): Buffer {
  const buf = Buffer.allocUnsafe(steps.length * POINT_BYTES);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  for (let i = 0, at = 0; i < steps.length; i++, at += POINT_BYTES) {
    view.setFloat64(at, steps[i]!);
    view.setFloat64(at + 8, timestamps[i]!);
    view.setFloat64(at + 16, values[i]!);
  }
  return buf;
}

/** Unpacks packed points into parallel lists, in packed order. */
export function unpackPoints(data: Buffer): {
  steps: number[];
  timestamps: number[];
  values: number[];
} {
  const p = readDoubles(data);
  const n = p.length / 3;
  const steps = new Array<number>(n);
  const timestamps = new Array<number>(n);
  const values = new Array<number>(n);
  for (let i = 0, at = 0; i < n; i++, at += 3) {
    steps[i] = p[at]!;
    timestamps[i] = p[at + 1]!;
    values[i] = p[at + 2]!;
  }
  return { steps, timestamps, values };
}

/** A big-endian view of a packed buffer (no copy). */
export function viewOf(buf: Buffer): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Decodes packed big-endian doubles into native doubles, reusing one scratch array: the result
 * is valid until the next call (callers use it synchronously).
 */
export function readDoubles(data: Buffer): Float64Array {
  const n = data.length / 8;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  const bytes = Buffer.from(scratch.buffer, 0, data.length);
  data.copy(bytes);
  bytes.swap64();
  return scratch.subarray(0, n);
}

let scratch = new Float64Array(4096);

/** Packs steps as big-endian int64s (the `exact_steps` of wide segments). */
export function packExactSteps(steps: readonly Step[]): Buffer {
  const buf = Buffer.allocUnsafe(steps.length * 8);
  for (let i = 0; i < steps.length; i++) buf.writeBigInt64BE(BigInt(steps[i]!), i * 8);
  return buf;
}

/** The exact steps of a wide segment (`exact_steps`), numbers where safe and bigints beyond. */
export function exactStepsOf(data: Buffer): Step[] {
  const out = new Array<Step>(data.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = stepOf(data.readBigInt64BE(i * 8));
  return out;
}
