import type { BucketFold } from './bucket-fold.ts';
import type { SeriesAxis } from './buckets.ts';
import { STEP_BLOCK, TIME_BLOCK_MS } from './metric-blocks.ts';
import { B, BLOCK_BYTES, readDoubles, viewOf } from './metric-packed.ts';

/**
 * Folds packed points (see `metric-packed.ts`); with `blk`, only the points of that block of the
 * axis (the points of a scattered straddling block, read with their whole segment).
 */
export function foldPoints(
  fold: BucketFold,
  data: Buffer,
  axis: SeriesAxis,
  off: number,
  blk: number | null,
): void {
  const width = axis === 'STEP' ? STEP_BLOCK : TIME_BLOCK_MS;
  fold.points(
    readDoubles(data),
    axis === 'STEP' ? 0 : 1,
    off,
    blk === null ? null : { blk, width },
  );
}

/**
 * Walks packed block records: with `merge`, folds each block lying inside one bucket; calls
 * `straddle(first, n, blk)` for each block that overlaps the range but not inside one bucket.
 */
export function foldBlocks(
  fold: BucketFold,
  data: Buffer,
  off: number,
  merge: boolean,
  straddle: (first: number, n: number, blk: number) => void,
): void {
  const view = viewOf(data);
  const { start, end } = fold.range;
  for (let at = 0; at < data.length; at += BLOCK_BYTES) {
    const f = (field: number) => view.getFloat64(at + field * 8);
    const lo = f(B.minX) - off;
    const hi = f(B.maxX) - off;
    if (hi < start || lo > end) continue;
    const i = fold.index(lo);
    if (lo >= start && hi <= end && i === fold.index(hi)) {
      if (merge) {
        fold.merge(
          i,
          f(B.n),
          f(B.minStep),
          f(B.maxStep),
          f(B.min),
          f(B.max),
          f(B.lastStep),
          f(B.lastTimestamp),
          f(B.lastValue),
        );
      }
    } else if (!merge) straddle(f(B.first), f(B.n), f(B.blk));
  }
}
