import type { Db } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { Step } from '../../shared/scalars.ts';
import type { PermissionService } from '../auth/public.ts';
import { type BucketColumns, BucketFold, emptyColumns } from './bucket-fold.ts';
import type { SeriesAxis, StepRange } from './buckets.ts';
import { STEP_BLOCK, TIME_BLOCK_MS } from './metric-blocks.ts';
import { POINT_BYTES } from './metric-packed.ts';
import { ALL_BATCHES, PackedReads, type PointsRange, type Runs } from './metric-packed-reads.ts';
import { foldBlocks, foldPoints } from './packed-fold.ts';
import { isSafeRange, wideBuckets } from './wide-buckets.ts';

/** Largest number of runs in one downsampling request. */
export const MAX_BUCKET_RUNS = 1000;
/** Largest number of buckets per run in one downsampling request. */
export const MAX_BUCKETS = 10_000;

/** Buckets of several runs over one shared range. */
export interface BucketSet {
  axis: SeriesAxis;
  /**
   * The range actually used: the requested one, or [min x, max x] over all requested runs (bounds
   * beyond ±(2^53-1) as bigints).
   */
  range: StepRange | null;
  bucketCount: number;
  /** One entry per requested run id, in request order; non-empty buckets in index order. */
  runs: RunBuckets[];
}

/** The buckets of one run, with the range and count they were cut with. */
export interface RunBuckets {
  runId: string;
  buckets: BucketColumns;
  range: StepRange | null;
  bucketCount: number;
}

/** A requested x range; a missing bound is taken from the data. */
export interface BucketRange {
  start?: Step | null;
  end?: Step | null;
}

/** Below this many blocks per bucket, every point is folded instead of the block records. */
const FINE_FACTOR = 4;

/**
 * A block straddling a bucket boundary: its points are read and folded one by one. `blk` is set
 * when its points are scattered in the segment (the whole segment is read, this block's points
 * kept).
 */
interface Straddler extends PointsRange {
  blk: number | null;
}

/** Downsampling of metric series into the shared bucket definition of `buckets.ts`. */
export class MetricBucketService {
  private readonly reads: PackedReads;

  constructor(
    db: Db,
    /** The caller's permissions; null for app-scoped readers (live series check at subscribe). */
    private readonly access: PermissionService | null = null,
  ) {
    this.reads = new PackedReads(db);
  }

  /**
   * Buckets one metric key of several runs over one x range, each bucket with count, step range,
   * min, max (NaN ignored) and the last point by MLflow's rule, so no spike is lost.
   *
   * @param runIds runs to bucket (at most {@link MAX_BUCKET_RUNS}); unknown ids get no buckets.
   * @param key the metric key.
   * @param bucketCount number of buckets (1..{@link MAX_BUCKETS}).
   * @param range inclusive x range; a missing bound is the min/max x over all requested runs.
   * @param axis STEP, WALL_TIME (ms since the epoch) or RELATIVE_TIME (ms since the run's start).
   * @param upTo the last batch (seq) to include per run id; runs not in it (or no map) are read whole.
   * @remarks Results equal `bucketize` over the same points (same range, same count); used for
   * history charts and for the first frame of live charts. Wide buckets fold the segments' packed
   * block records and read points only for blocks straddling a boundary; buckets narrower than
   * {@link FINE_FACTOR} blocks fold every packed point.
   */
  async buckets(
    runIds: readonly string[],
    key: string,
    bucketCount: number,
    range: BucketRange | null,
    axis: SeriesAxis,
    upTo: ReadonlyMap<string, number> | null = null,
  ): Promise<BucketSet> {
    if (runIds.length > MAX_BUCKET_RUNS) {
      throw new ValidationError('runIds', `At most ${MAX_BUCKET_RUNS} runs per request`);
    }
    if (!Number.isInteger(bucketCount) || bucketCount < 1 || bucketCount > MAX_BUCKETS) {
      throw new ValidationError('buckets', `buckets must be between 1 and ${MAX_BUCKETS}`);
    }
    // runs the caller may not read get no buckets, as unknown ones
    const ids = await this.readable([...new Set(runIds)]);
    const runs = await this.runsOf(ids, axis, upTo);
    const resolved = await this.resolveRange(runs, key, range ?? {}, axis);
    const set = { axis, bucketCount, range: resolved };
    if (!resolved || resolved.end < resolved.start) {
      const runs = runIds.map((runId) => ({ ...set, runId, buckets: emptyColumns() }));
      return { ...set, runs };
    }
    let perRun: Map<number, BucketColumns> | null = null;
    if (isSafeRange(resolved)) {
      const fold = new BucketFold(resolved, bucketCount);
      const blockWidth = axis === 'STEP' ? STEP_BLOCK : TIME_BLOCK_MS;
      const width = (resolved.end - resolved.start + 1) / bucketCount;
      perRun =
        width < FINE_FACTOR * blockWidth
          ? await this.fromPoints(runs, key, axis, fold)
          : await this.fromBlocks(runs, key, axis, fold);
    }
    // a range or a segment beyond ±(2^53-1): the plain path, exact (see `wide-buckets.ts`)
    perRun ??= await wideBuckets(this.reads, runs, key, axis, resolved, bucketCount);
    const position = new Map(ids.map((id, i) => [id, i]));
    return {
      ...set,
      runs: runIds.map((runId) => ({
        ...set,
        runId,
        buckets: perRun.get(position.get(runId)!) ?? emptyColumns(),
      })),
    };
  }

  /** Narrow buckets: every packed point of every overlapping segment is folded as it arrives. */
  private async fromPoints(
    runs: Runs,
    key: string,
    axis: SeriesAxis,
    fold: BucketFold,
  ): Promise<Map<number, BucketColumns> | null> {
    const out = new Map<number, BucketColumns>();
    let current = -1;
    let wide = false;
    await this.reads.segments(runs, key, axis, fold.range, 'points', (run, _, data, exact) => {
      if (exact) wide = true;
      if (run !== current && current >= 0) out.set(current, fold.take());
      current = run;
      foldPoints(fold, data, axis, runs.offsets[run]!, null);
    });
    if (current >= 0) out.set(current, fold.take());
    return wide ? null : out;
  }

  /**
   * Wide buckets: a block lying inside one bucket contributes its packed aggregates; the points of
   * blocks straddling a boundary (or the range's ends) are read in a second statement. Null when a
   * segment is wide (its blocks hold rounded steps).
   */
  private async fromBlocks(
    runs: Runs,
    key: string,
    axis: SeriesAxis,
    fold: BucketFold,
  ): Promise<Map<number, BucketColumns> | null> {
    const column = axis === 'STEP' ? 'blocks_s' : 'blocks_t';
    const segs = new Map<number, { seq: number; data: Buffer }[]>();
    let wide = false;
    await this.reads.segments(runs, key, axis, fold.range, column, (run, seq, data, exact) => {
      if (exact) wide = true;
      const list = segs.get(run) ?? [];
      segs.set(run, list);
      list.push({ seq, data });
    });
    if (wide) return null;
    const straddlers: Straddler[] = [];
    for (const [run, list] of segs) {
      const off = runs.offsets[run]!;
      for (const { seq, data } of list) {
        foldBlocks(fold, data, off, false, (first, n, blk) =>
          straddlers.push(
            first >= 0
              ? { run, seq, from: first * POINT_BYTES + 1, length: n * POINT_BYTES, blk: null }
              : { run, seq, from: 1, length: 2 ** 31 - 1, blk },
          ),
        );
      }
    }
    const points = await this.reads.points(runs, key, straddlers);
    const out = new Map<number, BucketColumns>();
    let k = 0;
    for (const [run, list] of segs) {
      const off = runs.offsets[run]!;
      for (const { data } of list) foldBlocks(fold, data, off, true, () => {});
      // straddlers were listed run after run, in this same order
      for (; k < straddlers.length && straddlers[k]!.run === run; k++) {
        const data = points[k];
        // a segment deleted meanwhile (its run was deleted) has no points left to fold
        if (data) foldPoints(fold, data, axis, off, straddlers[k]!.blk);
      }
      out.set(run, fold.take());
    }
    return out;
  }

  /**
   * The smallest and largest x of `key` over the runs (each up to its `upTo` batch), or null when
   * they have no point.
   */
  async extent(
    runIds: readonly string[],
    key: string,
    axis: SeriesAxis,
    upTo: ReadonlyMap<string, number> | null = null,
  ): Promise<StepRange | null> {
    const ids = await this.readable([...new Set(runIds)]);
    const runs = await this.runsOf(ids, axis, upTo);
    return runs.ids.length ? this.reads.extent(runs, key, axis) : null;
  }

  private readable(ids: string[]): Promise<string[]> | string[] {
    return this.access ? this.access.readableRuns(ids) : ids;
  }

  private async runsOf(
    ids: string[],
    axis: SeriesAxis,
    upTo: ReadonlyMap<string, number> | null,
  ): Promise<Runs> {
    const offsets = await this.reads.offsets(ids, axis);
    return { ids, offsets, upTo: ids.map((id) => upTo?.get(id) ?? ALL_BATCHES) };
  }

  /** Fills missing range bounds with the min/max x over the requested runs (null: no points). */
  private async resolveRange(
    runs: Runs,
    key: string,
    range: BucketRange,
    axis: SeriesAxis,
  ): Promise<StepRange | null> {
    if (range.start != null && range.end != null) return { start: range.start, end: range.end };
    const extent = runs.ids.length ? await this.reads.extent(runs, key, axis) : null;
    return extent && { start: range.start ?? extent.start, end: range.end ?? extent.end };
  }
}
