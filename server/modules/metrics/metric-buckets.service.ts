import { escapeLiteral } from 'pg';
import type { Db } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import { CopyBinaryReader } from '../../shared/pg-binary.ts';
import { type BucketColumns, BucketFold, emptyColumns } from './bucket-fold.ts';
import type { SeriesAxis, XRange } from './buckets.ts';
import { STEP_BLOCK, TIME_BLOCK_MS } from './metric-blocks.ts';
import { POINT_BYTES } from './metric-packed.ts';
import { foldBlocks, foldPoints } from './packed-fold.ts';

/** Largest number of runs in one downsampling request. */
export const MAX_BUCKET_RUNS = 1000;
/** Largest number of buckets per run in one downsampling request. */
export const MAX_BUCKETS = 10_000;

/** Buckets of several runs over one shared range. */
export interface BucketSet {
  axis: SeriesAxis;
  /** The range actually used: the requested one, or [min x, max x] over all requested runs. */
  range: XRange | null;
  bucketCount: number;
  /** One entry per requested run id, in request order; non-empty buckets in index order. */
  runs: RunBuckets[];
}

/** The buckets of one run, with the range and count they were cut with. */
export interface RunBuckets {
  runId: string;
  buckets: BucketColumns;
  range: XRange | null;
  bucketCount: number;
}

/** A requested x range; a missing bound is taken from the data. */
export interface BucketRange {
  start?: number | null;
  end?: number | null;
}

/** Below this many blocks per bucket, every point is folded instead of the block records. */
const FINE_FACTOR = 4;

/** The requested runs (distinct ids) with their x offsets, inlined into COPY statements. */
interface Runs {
  ids: string[];
  offsets: number[];
}

/** A block straddling a bucket boundary: its points are read and folded one by one. */
interface Straddler {
  run: number;
  seq: number;
  /** Byte range of its points in the segment's `points`, 1-based as `substring` takes it. */
  from: number;
  length: number;
  /** Set when the block's points are scattered in the segment: keep points of this block only. */
  blk: number | null;
}

const int = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${n}`);
  return String(n);
};

/** Downsampling of metric series into the shared bucket definition of `buckets.ts`. */
export class MetricBucketService {
  constructor(private readonly db: Db) {}

  /**
   * Buckets one metric key of several runs over one x range, each bucket with count, step range,
   * min, max (NaN ignored) and the last point by MLflow's rule, so no spike is lost.
   *
   * @param runIds runs to bucket (at most {@link MAX_BUCKET_RUNS}); unknown ids get no buckets.
   * @param key the metric key.
   * @param bucketCount number of buckets (1..{@link MAX_BUCKETS}).
   * @param range inclusive x range; a missing bound is the min/max x over all requested runs.
   * @param axis STEP, WALL_TIME (ms since the epoch) or RELATIVE_TIME (ms since the run's start).
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
  ): Promise<BucketSet> {
    if (runIds.length > MAX_BUCKET_RUNS) {
      throw new ValidationError('runIds', `At most ${MAX_BUCKET_RUNS} runs per request`);
    }
    if (!Number.isInteger(bucketCount) || bucketCount < 1 || bucketCount > MAX_BUCKETS) {
      throw new ValidationError('buckets', `buckets must be between 1 and ${MAX_BUCKETS}`);
    }
    const ids = [...new Set(runIds)];
    const runs: Runs = { ids, offsets: await this.offsets(ids, axis) };
    const resolved = ids.length ? await this.resolveRange(runs, key, range ?? {}, axis) : null;
    const set = { axis, bucketCount, range: resolved };
    if (!resolved || resolved.end < resolved.start) {
      const runs = runIds.map((runId) => ({ ...set, runId, buckets: emptyColumns() }));
      return { ...set, runs };
    }
    const fold = new BucketFold(resolved, bucketCount);
    const blockWidth = axis === 'STEP' ? STEP_BLOCK : TIME_BLOCK_MS;
    const width = (resolved.end - resolved.start + 1) / bucketCount;
    const perRun =
      width < FINE_FACTOR * blockWidth
        ? await this.fromPoints(runs, key, axis, fold)
        : await this.fromBlocks(runs, key, axis, fold);
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

  /**
   * Streams the runs' segments of `key` overlapping `range` by binary COPY, run after run in
   * request order: `onSegment(run index, seq, column bytes)` as the rows arrive.
   */
  private async segments(
    runs: Runs,
    key: string,
    axis: SeriesAxis,
    range: XRange,
    column: 'points' | 'blocks_s' | 'blocks_t',
    onSegment: (run: number, seq: number, data: Buffer) => void,
  ): Promise<void> {
    const [lo, hi] = axis === 'STEP' ? ['s.min_step', 's.max_step'] : ['s.min_ts', 's.max_ts'];
    const reader = new CopyBinaryReader(([i, seq, data]) =>
      onSegment(i!.readInt32BE(0) - 1, seq!.readDoubleBE(0), data!),
    );
    await this.db.copyOut(
      `copy (
        select o.i::int4, s.seq::float8, s.${column}
        from unnest(array[${runs.ids.map(escapeLiteral).join(',')}]::text[],
          array[${runs.offsets.map(int).join(',')}]::int8[]) with ordinality as o(run_id, off, i)
        join metric_segments s on s.run_id = o.run_id and s.key = ${escapeLiteral(key)}
        where ${hi} - o.off >= ${int(range.start)} and ${lo} - o.off <= ${int(range.end)}
        order by o.i
      ) to stdout (format binary)`,
      (chunk) => reader.push(chunk),
    );
    reader.end();
  }

  /** Narrow buckets: every packed point of every overlapping segment is folded as it arrives. */
  private async fromPoints(
    runs: Runs,
    key: string,
    axis: SeriesAxis,
    fold: BucketFold,
  ): Promise<Map<number, BucketColumns>> {
    const out = new Map<number, BucketColumns>();
    let current = -1;
    await this.segments(runs, key, axis, fold.range, 'points', (run, _, data) => {
      if (run !== current && current >= 0) out.set(current, fold.take());
      current = run;
      foldPoints(fold, data, axis, runs.offsets[run]!, null);
    });
    if (current >= 0) out.set(current, fold.take());
    return out;
  }

  /**
   * Wide buckets: a block lying inside one bucket contributes its packed aggregates; the points of
   * blocks straddling a boundary (or the range's ends) are read in a second statement.
   */
  private async fromBlocks(
    runs: Runs,
    key: string,
    axis: SeriesAxis,
    fold: BucketFold,
  ): Promise<Map<number, BucketColumns>> {
    const column = axis === 'STEP' ? 'blocks_s' : 'blocks_t';
    const segs = new Map<number, { seq: number; data: Buffer }[]>();
    await this.segments(runs, key, axis, fold.range, column, (run, seq, data) => {
      const list = segs.get(run) ?? [];
      segs.set(run, list);
      list.push({ seq, data });
    });
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
    const points = await this.straddlerPoints(runs, key, straddlers);
    const out = new Map<number, BucketColumns>();
    for (const [run, list] of segs) {
      const off = runs.offsets[run]!;
      for (const { data } of list) foldBlocks(fold, data, off, true, () => {});
      for (const p of points.get(run) ?? []) foldPoints(fold, p.data, axis, off, p.blk);
      out.set(run, fold.take());
    }
    return out;
  }

  /** The points of straddling blocks, per run index. */
  private async straddlerPoints(
    runs: Runs,
    key: string,
    straddlers: Straddler[],
  ): Promise<Map<number, { data: Buffer; blk: number | null }[]>> {
    const out = new Map<number, { data: Buffer; blk: number | null }[]>();
    if (straddlers.length === 0) return out;
    const rows = await this.db.query<{ k: number; data: Buffer }>(
      `select q.k::int as k, substring(s.points from q.a for q.b) as data
       from unnest($3::int[], $4::int8[], $5::int[], $6::int[]) with ordinality as q(i, seq, a, b, k)
       join metric_segments s on s.run_id = ($1::text[])[q.i] and s.key = $2 and s.seq = q.seq`,
      [
        runs.ids,
        key,
        straddlers.map((s) => s.run + 1),
        straddlers.map((s) => s.seq),
        straddlers.map((s) => s.from),
        straddlers.map((s) => s.length),
      ],
    );
    for (const { k, data } of rows) {
      const s = straddlers[k - 1]!;
      const list = out.get(s.run) ?? [];
      out.set(s.run, list);
      list.push({ data, blk: s.blk });
    }
    return out;
  }

  /** Per-run x offsets: each run's start time on the relative axis, else 0. */
  private async offsets(runIds: readonly string[], axis: SeriesAxis): Promise<number[]> {
    if (axis !== 'RELATIVE_TIME') return runIds.map(() => 0);
    const rows = await this.db.query<{ id: string; start_time: number }>(
      'select id, start_time from runs where id = any($1::text[])',
      [runIds],
    );
    const start = new Map(rows.map((r) => [r.id, r.start_time]));
    return runIds.map((id) => start.get(id) ?? 0);
  }

  /** Fills missing range bounds with the min/max x over the requested runs (null: no points). */
  private async resolveRange(
    runs: Runs,
    key: string,
    range: BucketRange,
    axis: SeriesAxis,
  ): Promise<XRange | null> {
    if (range.start != null && range.end != null) return { start: range.start, end: range.end };
    const [lo, hi] = axis === 'STEP' ? ['s.min_step', 's.max_step'] : ['s.min_ts', 's.max_ts'];
    const [row] = await this.db.query<{ lo: number | null; hi: number | null }>(
      `select min(${lo} - o.off) as lo, max(${hi} - o.off) as hi
       from unnest($1::text[], $3::int8[]) as o(run_id, off)
       join metric_segments s on s.run_id = o.run_id and s.key = $2`,
      [runs.ids, key, runs.offsets],
    );
    if (row?.lo == null || row.hi == null) return null;
    return { start: range.start ?? row.lo, end: range.end ?? row.hi };
  }
}
