import { type Db, numericArray } from '../../shared/db.ts';
import { groupByKeys } from '../../shared/group.ts';
import { type PageRequest, toConnection } from '../../shared/pagination.ts';
import { readFloat8Array, readInt8Array } from '../../shared/pg-binary.ts';
import type { PreparedMetrics } from './metric-batch.ts';
import type { PreparedBlocks } from './metric-blocks.ts';

/** A logged metric point. */
export interface MetricPoint {
  key: string;
  value: number;
  step: number;
  timestamp: number;
}

/** Per (run, key) aggregates kept beside the points; `last*` follows MLflow's latest-metric rule. */
export interface MetricSummary {
  runId: string;
  key: string;
  count: number;
  minValue: number | null;
  maxValue: number | null;
  firstStep: number;
  firstTimestamp: number;
  firstValue: number;
  lastStep: number;
  lastTimestamp: number;
  lastValue: number;
  lastSeq: number;
}

/** A whole history as parallel lists, ordered by step, then timestamp, then logging order. */
export interface SeriesData {
  steps: number[];
  timestamps: number[];
  values: number[];
}

/** Position of a point in a history: (step, timestamp, batch seq, index in batch). */
export type HistoryKey = [number, number, number, number];

interface HistoryRow {
  step: number;
  timestamp: number;
  value: number;
  seq: number;
  ord: number;
}

const SUMMARY_COLUMNS = `run_id as "runId", key, count, min_value as "minValue", max_value as "maxValue",
  first_step as "firstStep", first_timestamp as "firstTimestamp", first_value as "firstValue",
  last_step as "lastStep", last_timestamp as "lastTimestamp", last_value as "lastValue", last_seq as "lastSeq"`;

const LATEST_WINS = `(excluded.last_step, excluded.last_timestamp, excluded.last_value) > (m.last_step, m.last_timestamp, m.last_value)`;
const FIRST_WINS = `(excluded.first_step, excluded.first_timestamp, excluded.first_value) < (m.first_step, m.first_timestamp, m.first_value)`;

/**
 * Metric storage: one row per (run, key, batch) holding the batch's points as parallel arrays,
 * and one summary row per (run, key).
 */
export class MetricService {
  constructor(private readonly db: Db) {}

  /**
   * SQL that writes a prepared batch as segments and block rollup rows and folds it into the
   * summaries: CTEs named `mk`, `mseg`, `mb`, `mblk`, `mblkp` and `msum`, to be placed in a `with`
   * clause after a CTE that yields the batch's `seq`.
   *
   * @param runParam placeholder of the run id, e.g. `$1`.
   * @param seqSource a relation with one column `seq` and one row, or no row to write nothing.
   * @param first number of the first placeholder used for the values of {@link metricWriteValues}.
   * @param contiguous whether every block is a contiguous run of the batch's points
   *   ({@link PreparedBlocks.contiguous}): then the blocks slice the batch's own arrays, so no point is
   *   bound twice; the statement text differs, so callers prepare one statement per variant.
   */
  static metricWriteCtes(
    runParam: string,
    seqSource: string,
    first: number,
    contiguous: boolean,
  ): string {
    const $ = (i: number) => `$${first + i}`;
    const src = contiguous ? [$(13), $(14), $(15)] : [$(30), $(31), $(32)];
    return `mk as (
         select * from unnest(${$(0)}::text[], ${$(1)}::int[], ${$(2)}::int[], ${$(3)}::int8[], ${$(4)}::int8[],
           ${$(5)}::float8[], ${$(6)}::float8[], ${$(7)}::int8[], ${$(8)}::int8[], ${$(9)}::float8[], ${$(10)}::int8[],
           ${$(11)}::int8[], ${$(12)}::float8[])
         as k(key, o, n, min_step, max_step, mn, mx, fs, ft, fv, ls, lt, lv)
       ), mseg as (
         insert into metric_segments (run_id, key, seq, n, min_step, max_step, steps, timestamps, vals)
         select ${runParam}, key, s.seq, n, min_step, max_step, (${$(13)}::int8[])[o + 1 : o + n],
           (${$(14)}::int8[])[o + 1 : o + n], (${$(15)}::float8[])[o + 1 : o + n]
         from mk, ${seqSource} s
       ), mb as (
         select * from unnest(${$(16)}::text[], ${$(17)}::text[], ${$(18)}::int8[], ${$(19)}::int[], ${$(20)}::int[],
           ${$(21)}::int8[], ${$(22)}::int8[], ${$(23)}::int8[], ${$(24)}::int8[], ${$(25)}::float8[], ${$(26)}::float8[],
           ${$(27)}::int8[], ${$(28)}::int8[], ${$(29)}::float8[])
         as b(key, axis, blk, n, o, min_x, max_x, min_step, max_step, mn, mx, ls, lt, lv)
       ), mblk as (
         insert into metric_blocks (run_id, key, axis, blk, seq, n, min_x, max_x, min_step, max_step, min_value,
           max_value, last_step, last_timestamp, last_value)
         select ${runParam}, key, axis, blk, s.seq, n, min_x, max_x, min_step, max_step, mn, mx, ls, lt, lv
         from mb, ${seqSource} s
       ), mblkp as (
         insert into metric_block_points (run_id, key, axis, blk, seq, steps, timestamps, vals)
         select ${runParam}, key, axis, blk, s.seq, (${src[0]}::int8[])[o + 1 : o + n],
           (${src[1]}::int8[])[o + 1 : o + n], (${src[2]}::float8[])[o + 1 : o + n]
         from mb, ${seqSource} s
       ), msum as (
         insert into metric_summaries as m (run_id, key, count, min_value, max_value, first_step, first_timestamp,
           first_value, last_step, last_timestamp, last_value, last_seq)
         select ${runParam}, key, n, mn, mx, fs, ft, fv, ls, lt, lv, s.seq from mk, ${seqSource} s
         on conflict (run_id, key) do update set
           count = m.count + excluded.count,
           min_value = least(m.min_value, excluded.min_value),
           max_value = greatest(m.max_value, excluded.max_value),
           first_step = case when ${FIRST_WINS} then excluded.first_step else m.first_step end,
           first_timestamp = case when ${FIRST_WINS} then excluded.first_timestamp else m.first_timestamp end,
           first_value = case when ${FIRST_WINS} then excluded.first_value else m.first_value end,
           last_step = case when ${LATEST_WINS} then excluded.last_step else m.last_step end,
           last_timestamp = case when ${LATEST_WINS} then excluded.last_timestamp else m.last_timestamp end,
           last_value = case when ${LATEST_WINS} then excluded.last_value else m.last_value end,
           last_seq = excluded.last_seq
       )`;
  }

  /** Bound values for {@link metricWriteCtes}, in placeholder order. */
  static metricWriteValues(m: PreparedMetrics, b: PreparedBlocks): unknown[] {
    const n = numericArray;
    return [
      m.keys,
      n(m.offsets),
      n(m.counts),
      n(m.minSteps),
      n(m.maxSteps),
      n(m.minValues),
      n(m.maxValues),
      n(m.first.steps),
      n(m.first.timestamps),
      n(m.first.values),
      n(m.last.steps),
      n(m.last.timestamps),
      n(m.last.values),
      n(m.steps),
      n(m.timestamps),
      n(m.values),
      b.keys,
      b.axes,
      n(b.blocks),
      n(b.counts),
      n(b.offsets),
      n(b.minX),
      n(b.maxX),
      n(b.minSteps),
      n(b.maxSteps),
      n(b.minValues),
      n(b.maxValues),
      n(b.lastSteps),
      n(b.lastTimestamps),
      n(b.lastValues),
      ...(b.contiguous ? [] : [n(b.steps), n(b.timestamps), n(b.values)]),
    ];
  }

  /** Summaries of each run, sorted by key (one query). */
  async summariesByRunIds(runIds: readonly string[]): Promise<MetricSummary[][]> {
    const rows = await this.db.query<MetricSummary>(
      `select ${SUMMARY_COLUMNS} from metric_summaries where run_id = any($1::text[]) order by run_id, key`,
      [runIds],
    );
    return groupByKeys(runIds, rows, (r) => r.runId);
  }

  /**
   * A page of one key's history ordered by step, then timestamp, then logging order.
   *
   * @remarks The step range is inclusive; segments outside it are skipped by their min/max step.
   */
  async history(
    runId: string,
    key: string,
    range: { minStep?: number | null; maxStep?: number | null },
    req: PageRequest<HistoryKey>,
  ) {
    const lo = range.minStep ?? Number.MIN_SAFE_INTEGER;
    const hi = range.maxStep ?? Number.MAX_SAFE_INTEGER;
    const values: unknown[] = [runId, key, lo, hi, req.limit + 1];
    let after = '';
    if (req.cursor) {
      values.push(...req.cursor);
      // segments wholly before the cursor's step (after it, backwards) are skipped unread
      after = req.backward
        ? 'and s.min_step <= $6 and (p.step, p.timestamp, s.seq, p.ord) < ($6, $7, $8, $9)'
        : 'and s.max_step >= $6 and (p.step, p.timestamp, s.seq, p.ord) > ($6, $7, $8, $9)';
    }
    const dir = req.backward ? 'desc' : 'asc';
    const rows = await this.db.query<HistoryRow>(
      `select p.step, p.timestamp, p.value, s.seq, p.ord::int as ord
       from metric_segments s,
         unnest(s.steps, s.timestamps, s.vals) with ordinality as p(step, timestamp, value, ord)
       where s.run_id = $1 and s.key = $2 and s.max_step >= $3 and s.min_step <= $4
         and p.step between $3 and $4 ${after}
       order by p.step ${dir}, p.timestamp ${dir}, s.seq ${dir}, p.ord ${dir}
       limit $5`,
      values,
    );
    return toConnection(
      rows.map((r) => ({ ...r, key })),
      req,
      (r): HistoryKey => [r.step, r.timestamp, r.seq, r.ord],
    );
  }

  /**
   * The whole history of one key as parallel lists (the fast form for charts and exports).
   *
   * @remarks Segments are read as arrays, without unnesting, and merged in logging order; a stable
   * sort by (step, timestamp) then gives the same order as {@link MetricService.history}. The step
   * range is inclusive.
   */
  async series(
    runId: string,
    key: string,
    range: { minStep?: number | null; maxStep?: number | null },
  ): Promise<SeriesData> {
    const lo = range.minStep ?? Number.MIN_SAFE_INTEGER;
    const hi = range.maxStep ?? Number.MAX_SAFE_INTEGER;
    const rows = await this.db.query<BinarySegment>(
      `select array_send(steps) as steps, array_send(timestamps) as timestamps, array_send(vals) as vals
       from metric_segments
       where run_id = $1 and key = $2 and max_step >= $3 and min_step <= $4 order by seq`,
      [runId, key, lo, hi],
    );
    return mergeSegments(rows.map(decodeSegment), lo, hi);
  }
}

/** A `metric_segments` row with its arrays selected through `array_send`. */
export interface BinarySegment {
  steps: Buffer;
  timestamps: Buffer;
  vals: Buffer;
}

/** Decodes one binary segment row into number arrays. */
export function decodeSegment(row: BinarySegment) {
  return {
    steps: readInt8Array(row.steps),
    timestamps: readInt8Array(row.timestamps),
    vals: readFloat8Array(row.vals),
  };
}

/** Concatenates segments (in logging order) within [lo, hi] and sorts by step, then timestamp. */
export function mergeSegments(
  segs: readonly { steps: number[]; timestamps: number[]; vals: number[] }[],
  lo: number,
  hi: number,
): SeriesData {
  const out: SeriesData = { steps: [], timestamps: [], values: [] };
  let sorted = true;
  for (const seg of segs) {
    for (let i = 0; i < seg.steps.length; i++) {
      const step = seg.steps[i]!;
      if (step < lo || step > hi) continue;
      const ts = seg.timestamps[i]!;
      const n = out.steps.length;
      if (n > 0) {
        const ps = out.steps[n - 1]!;
        if (step < ps || (step === ps && ts < out.timestamps[n - 1]!)) sorted = false;
      }
      out.steps.push(step);
      out.timestamps.push(ts);
      out.values.push(seg.vals[i]!);
    }
  }
  if (sorted) return out;
  const order = out.steps.map((_, i) => i);
  order.sort((a, b) => out.steps[a]! - out.steps[b]! || out.timestamps[a]! - out.timestamps[b]!);
  return {
    steps: order.map((i) => out.steps[i]!),
    timestamps: order.map((i) => out.timestamps[i]!),
    values: order.map((i) => out.values[i]!),
  };
}
