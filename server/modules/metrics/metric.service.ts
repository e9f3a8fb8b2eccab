import type { Db } from '../../shared/db.ts';
import { groupByKeys } from '../../shared/group.ts';
import { type PageRequest, toConnection } from '../../shared/pagination.ts';
import { readDoubles } from './metric-packed.ts';
import { ALL_BATCHES, PackedReads } from './metric-packed-reads.ts';

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

/**
 * Metric storage: one row per (run, key, batch) holding the batch's points as parallel arrays,
 * and one summary row per (run, key).
 */
export class MetricService {
  private readonly packed: PackedReads;

  constructor(private readonly db: Db) {
    this.packed = new PackedReads(db);
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
   * A page reads only the segments that can hold its points: taking the segments lying wholly past
   * the cursor (and inside the range) in step order, the first ones holding `limit + 1` points end
   * at some step X, so every point of the page has a step up to X and segments starting after X
   * are skipped unread (mirrored backwards). Paging through a history so reads each segment about
   * once instead of every remaining segment per page.
   */
  async history(
    runId: string,
    key: string,
    range: { minStep?: number | null; maxStep?: number | null },
    req: PageRequest<HistoryKey>,
  ) {
    const lo = range.minStep ?? Number.MIN_SAFE_INTEGER;
    const hi = range.maxStep ?? Number.MAX_SAFE_INTEGER;
    // full segments lie strictly past this step: the cursor's, else just outside the range
    const past = req.cursor ? req.cursor[0] : req.backward ? hi + 1 : lo - 1;
    const values: unknown[] = [runId, key, lo, hi, req.limit + 1, past];
    let after = '';
    if (req.cursor) {
      values.push(...req.cursor);
      // segments wholly before the cursor's step (after it, backwards) are skipped unread
      after = req.backward
        ? 'and s.min_step <= $7 and (p.step, p.timestamp, s.seq, p.ord) < ($7, $8, $9, $10)'
        : 'and s.max_step >= $7 and (p.step, p.timestamp, s.seq, p.ord) > ($7, $8, $9, $10)';
    }
    const dir = req.backward ? 'desc' : 'asc';
    const bound = req.backward
      ? `select case when max(before + n) >= $5 then min(min_step) end as x from (
           select min_step, n, sum(n) over (order by max_step desc, seq desc) - n as before
           from metric_segments
           where run_id = $1 and key = $2 and min_step >= $3 and max_step <= $4 and max_step < $6
         ) f where before < $5`
      : `select case when max(before + n) >= $5 then max(max_step) end as x from (
           select max_step, n, sum(n) over (order by min_step, seq) - n as before
           from metric_segments
           where run_id = $1 and key = $2 and min_step >= $3 and max_step <= $4 and min_step > $6
         ) f where before < $5`;
    const within = req.backward
      ? 's.max_step >= coalesce((select x from bound), $3)'
      : 's.min_step <= coalesce((select x from bound), $4)';
    const rows = await this.db.query<HistoryRow>(
      `with bound as (${bound})
       select p.step, p.timestamp, p.value, s.seq, p.ord::int as ord
       from metric_segments s,
         unnest(s.steps, s.timestamps, s.vals) with ordinality as p(step, timestamp, value, ord)
       where s.run_id = $1 and s.key = $2 and s.max_step >= $3 and s.min_step <= $4 and ${within}
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
   * @remarks The segments' packed points stream in logging order by binary COPY and are decoded
   * straight into the output lists as they arrive; a stable sort by (step, timestamp), needed only
   * when batches overlap, then gives the order of {@link MetricService.history}. The step range
   * is inclusive.
   */
  async series(
    runId: string,
    key: string,
    range: { minStep?: number | null; maxStep?: number | null },
  ): Promise<SeriesData> {
    const lo = range.minStep ?? Number.MIN_SAFE_INTEGER;
    const hi = range.maxStep ?? Number.MAX_SAFE_INTEGER;
    const out: SeriesData = { steps: [], timestamps: [], values: [] };
    const runs = { ids: [runId], offsets: [0], upTo: [ALL_BATCHES] };
    await this.packed.segments(
      runs,
      key,
      'STEP',
      { start: lo, end: hi },
      'points',
      (_r, _s, data) => appendPoints(out, readDoubles(data), lo, hi),
    );
    return sortSeries(out);
  }
}

/** Appends packed (step, timestamp, value) triples whose step lies in [lo, hi]. */
function appendPoints(out: SeriesData, p: Float64Array, lo: number, hi: number): void {
  for (let at = 0; at < p.length; at += 3) {
    const step = p[at]!;
    if (step < lo || step > hi) continue;
    out.steps.push(step);
    out.timestamps.push(p[at + 1]!);
    out.values.push(p[at + 2]!);
  }
}

/** Points in logging order, stably sorted by step, then timestamp (a no-op when sorted already). */
function sortSeries(out: SeriesData): SeriesData {
  if (isSorted(out)) return out;
  const order = out.steps.map((_, i) => i);
  order.sort((a, b) => out.steps[a]! - out.steps[b]! || out.timestamps[a]! - out.timestamps[b]!);
  return {
    steps: order.map((i) => out.steps[i]!),
    timestamps: order.map((i) => out.timestamps[i]!),
    values: order.map((i) => out.values[i]!),
  };
}

/** True when the points are in (step, timestamp) order already. */
function isSorted({ steps, timestamps }: SeriesData): boolean {
  for (let i = 1; i < steps.length; i++) {
    const d = steps[i]! - steps[i - 1]!;
    if (d < 0 || (d === 0 && timestamps[i]! < timestamps[i - 1]!)) return false;
  }
  return true;
}
