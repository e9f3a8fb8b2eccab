import type { Db } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import {
  addPoint,
  type Bucket,
  bucketBounds,
  bucketIndex,
  type SeriesAxis,
  type SeriesPoint,
  type XRange,
} from './buckets.ts';
import { type BinarySegment, decodeSegment } from './metric.service.ts';
import { STEP_BLOCK, TIME_BLOCK_MS } from './metric-blocks.ts';

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

const index = (x: string) =>
  `least($5::int - 1, floor((${x} - $3::int8)::float8 * $5::int / ($4::int8 - $3::int8 + 1)::float8))::int`;

/**
 * Buckets from the block rollup: a block lying inside one bucket contributes its aggregates; a
 * block straddling a bucket boundary or the range's ends has its points read and unnested.
 * $1 runs, $2 key, $3..$4 range, $5 bucket count, $6 block axis, $7 per-run x offsets.
 */
const BUCKETS_SQL = `
  with c as (
    select m.*, o.off, m.min_x - o.off as lo,
      m.min_x - o.off >= $3 and m.max_x - o.off <= $4
        and ${index('(m.min_x - o.off)')} = ${index('(m.max_x - o.off)')} as whole
    from unnest($1::text[], $7::int8[]) as o(run_id, off)
    join metric_blocks m on m.run_id = o.run_id and m.key = $2 and m.axis = $6
    where m.max_x - o.off >= $3 and m.min_x - o.off <= $4
  )
  select c.run_id, u.idx, sum(u.n)::int as n, min(u.min_step) as min_step, max(u.max_step) as max_step,
    min(u.mn) as mn, max(u.mx) as mx, max(u.last) as last
  from c cross join lateral (
    select ${index('c.lo')} as idx, c.n, c.min_step, c.max_step, c.min_value as mn, c.max_value as mx,
      array[c.last_step::float8, c.last_timestamp::float8, c.last_value] as last
    where c.whole
    union all
    select ${index('p.x')}, 1, p.step, p.step, nullif(p.v, 'NaN'), nullif(p.v, 'NaN'),
      array[p.step::float8, p.ts::float8, p.v]
    from (select q.step, q.ts, q.v, case when c.axis = 's' then q.step else q.ts - c.off end as x
          from metric_block_points bp, unnest(bp.steps, bp.timestamps, bp.vals) as q(step, ts, v)
          where bp.run_id = c.run_id and bp.key = c.key and bp.axis = c.axis and bp.blk = c.blk
            and bp.seq = c.seq) p
    where not c.whole and p.x between $3 and $4
  ) u
  group by 1, 2 order by 1, 2`;

/** Below this many blocks per bucket, points are bucketed in memory instead of from blocks. */
const FINE_FACTOR = 4;

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
    const offsets = await this.offsets(runIds, axis);
    const resolved = await this.resolveRange(runIds, key, range ?? {}, axis, offsets);
    const empty = { axis, bucketCount, range: resolved };
    if (!resolved || resolved.end < resolved.start) {
      return { ...empty, runs: runIds.map((runId) => ({ runId, buckets: [] })) };
    }
    const width = (resolved.end - resolved.start + 1) / bucketCount;
    if (width < FINE_FACTOR * (axis === 'STEP' ? STEP_BLOCK : TIME_BLOCK_MS)) {
      return {
        ...empty,
        runs: await this.fineBuckets(runIds, key, bucketCount, resolved, axis, offsets),
      };
    }
    const rows = await this.db.query<BucketRow>(BUCKETS_SQL, [
      runIds,
      key,
      resolved.start,
      resolved.end,
      bucketCount,
      axis === 'STEP' ? 's' : 't',
      offsets,
    ]);
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

  /**
   * Buckets narrower than a few blocks: almost every block straddles a boundary, so the points are
   * read as binary arrays and folded with the reference `addPoint` in memory.
   */
  private async fineBuckets(
    runIds: readonly string[],
    key: string,
    count: number,
    range: XRange,
    axis: SeriesAxis,
    offsets: number[],
  ): Promise<{ runId: string; buckets: Bucket[] }[]> {
    const rows = await this.db.query<BinarySegment & { run_id: string }>(
      `select run_id, array_send(steps) as steps, array_send(timestamps) as timestamps,
         array_send(vals) as vals
       from metric_segments where run_id = any($1::text[]) and key = $2
         ${axis === 'STEP' ? 'and max_step >= $3 and min_step <= $4' : ''}`,
      axis === 'STEP' ? [runIds, key, range.start, range.end] : [runIds, key],
    );
    const perRun = new Map<string, Map<number, Bucket>>();
    const offsetOf = new Map(runIds.map((id, i) => [id, offsets[i]!]));
    const p: SeriesPoint = { x: 0, step: 0, timestamp: 0, value: 0 };
    for (const row of rows) {
      const seg = decodeSegment(row);
      const off = offsetOf.get(row.run_id) ?? 0;
      const buckets = perRun.get(row.run_id) ?? new Map<number, Bucket>();
      perRun.set(row.run_id, buckets);
      for (let i = 0; i < seg.steps.length; i++) {
        p.step = seg.steps[i]!;
        p.timestamp = seg.timestamps[i]!;
        p.value = seg.vals[i]!;
        p.x = axis === 'STEP' ? p.step : p.timestamp - off;
        const idx = bucketIndex(p.x, range, count);
        if (idx >= 0) buckets.set(idx, addPoint(buckets.get(idx), p, idx, range, count));
      }
    }
    return runIds.map((runId) => ({
      runId,
      buckets: [...(perRun.get(runId)?.values() ?? [])].sort((a, b) => a.index - b.index),
    }));
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
    runIds: readonly string[],
    key: string,
    range: BucketRange,
    axis: SeriesAxis,
    offsets: number[],
  ): Promise<XRange | null> {
    if (range.start != null && range.end != null) return { start: range.start, end: range.end };
    const [row] = await this.db.query<{ lo: number | null; hi: number | null }>(
      `select min(m.min_x - o.off) as lo, max(m.max_x - o.off) as hi
       from unnest($1::text[], $4::int8[]) as o(run_id, off)
       join metric_blocks m on m.run_id = o.run_id and m.key = $2 and m.axis = $3`,
      [runIds, key, axis === 'STEP' ? 's' : 't', offsets],
    );
    if (row?.lo == null || row.hi == null) return null;
    return { start: range.start ?? row.lo, end: range.end ?? row.hi };
  }
}
