import type { Db } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import { type Bucket, bucketBounds, type SeriesAxis, type XRange } from './buckets.ts';

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
  runs: { runId: string; buckets: Bucket[] }[];
}

/** A requested x range; a missing bound is taken from the data. */
export interface BucketRange {
  start?: number | null;
  end?: number | null;
}

interface BucketRow {
  run_id: string;
  idx: number;
  n: number;
  min_step: number;
  max_step: number;
  mn: number | null;
  mx: number | null;
  last: number[];
}

/** x of a point on each axis; `r` is the run, `p` the unnested point. */
const X_EXPR: Record<SeriesAxis, string> = {
  STEP: 'p.step',
  WALL_TIME: 'p.ts',
  RELATIVE_TIME: '(p.ts - r.start_time)',
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
   * history charts and for the first frame of live charts.
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
    const resolved = await this.resolveRange(runIds, key, range ?? {}, axis);
    const empty = { axis, bucketCount, range: resolved };
    if (!resolved || resolved.end < resolved.start) {
      return { ...empty, runs: runIds.map((runId) => ({ runId, buckets: [] })) };
    }
    const rows = await this.db.query<BucketRow>(
      `with pts as (
         select s.run_id, p.step, p.ts, p.v, ${X_EXPR[axis]} as x
         from metric_segments s
         join runs r on r.id = s.run_id,
         unnest(s.steps, s.timestamps, s.vals) as p(step, ts, v)
         where s.run_id = any($1::text[]) and s.key = $2 ${axis === 'STEP' ? 'and s.max_step >= $3 and s.min_step <= $4' : ''}
       )
       select run_id, least($5::int - 1, floor((x - $3::int8)::float8 * $5::int / ($4::int8 - $3::int8 + 1)::float8))::int as idx,
         count(*)::int as n, min(step) as min_step, max(step) as max_step,
         min(v) filter (where v <> 'NaN') as mn, max(v) filter (where v <> 'NaN') as mx,
         max(array[step::float8, ts::float8, v]) as last
       from pts where x between $3 and $4
       group by 1, 2 order by 1, 2`,
      [runIds, key, resolved.start, resolved.end, bucketCount],
    );
    const byRun = new Map<string, Bucket[]>();
    for (const r of rows) {
      const list = byRun.get(r.run_id) ?? [];
      byRun.set(r.run_id, list);
      list.push({
        index: r.idx,
        ...bucketBounds(r.idx, resolved, bucketCount),
        count: r.n,
        minStep: r.min_step,
        maxStep: r.max_step,
        min: r.mn,
        max: r.mx,
        last: { step: r.last[0]!, timestamp: r.last[1]!, value: r.last[2]! },
      });
    }
    return { ...empty, runs: runIds.map((runId) => ({ runId, buckets: byRun.get(runId) ?? [] })) };
  }

  /** Fills missing range bounds with the min/max x over the requested runs (null: no points). */
  private async resolveRange(
    runIds: readonly string[],
    key: string,
    range: BucketRange,
    axis: SeriesAxis,
  ): Promise<XRange | null> {
    if (range.start != null && range.end != null) return { start: range.start, end: range.end };
    const [row] = await this.db.query<{ lo: number | null; hi: number | null }>(
      axis === 'STEP'
        ? `select min(min_step) as lo, max(max_step) as hi from metric_segments
           where run_id = any($1::text[]) and key = $2`
        : `select min(p.ts - $3::int8 * r.start_time) as lo, max(p.ts - $3::int8 * r.start_time) as hi
           from metric_segments s join runs r on r.id = s.run_id,
           unnest(s.timestamps) as p(ts) where s.run_id = any($1::text[]) and s.key = $2`,
      axis === 'STEP' ? [runIds, key] : [runIds, key, axis === 'RELATIVE_TIME' ? 1 : 0],
    );
    if (row?.lo == null || row.hi == null) return null;
    return { start: range.start ?? row.lo, end: range.end ?? row.hi };
  }
}
