import type { Db } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import { groupByKeys } from '../../shared/group.ts';
import { type PageRequest, toConnection } from '../../shared/pagination.ts';
import { compareSteps, parseStep, type Step } from '../../shared/scalars.ts';
import type { PermissionService } from '../auth/public.ts';
import { exactStepsOf, readDoubles } from './metric-packed.ts';
import { ALL_BATCHES, type ExactSteps, PackedReads } from './metric-packed-reads.ts';

/** A logged metric point. */
export interface MetricPoint {
  key: string;
  value: number;
  /** A number, or a bigint beyond ±(2^53-1) (see `Step`). */
  step: Step;
  timestamp: number;
}

/** Per (run, key) aggregates kept beside the points; `last*` follows MLflow's latest-metric rule. */
export interface MetricSummary {
  runId: string;
  key: string;
  count: number;
  minValue: number | null;
  maxValue: number | null;
  firstStep: Step;
  firstTimestamp: number;
  firstValue: number;
  lastStep: Step;
  lastTimestamp: number;
  lastValue: number;
  lastSeq: number;
}

/** A whole history as parallel lists, ordered by step, then timestamp, then logging order. */
export interface SeriesData {
  /** Numbers, with bigints for steps beyond ±(2^53-1) (only from wide segments). */
  steps: Step[];
  timestamps: number[];
  values: number[];
}

/**
 * Position of a point in a history: (step, timestamp, batch seq, index in batch); a step beyond
 * ±(2^53-1) as a decimal string (cursors are JSON).
 */
export type HistoryKey = [number | string, number, number, number];

interface HistoryRow {
  key: string;
  step: Step;
  timestamp: number;
  value: number;
  seq: number;
  ord: number;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const SUMMARY_COLUMNS = `key, count, min_value as "minValue", max_value as "maxValue",
  first_step as "firstStep", first_timestamp as "firstTimestamp", first_value as "firstValue",
  last_step as "lastStep", last_timestamp as "lastTimestamp", last_value as "lastValue", last_seq as "lastSeq"`;

/**
 * Metric reads: one segment row per (run, key, batch) holding the batch's points packed (see
 * `metric-packed.ts`), and one summary row per (run, key).
 */
export class MetricService {
  private readonly packed: PackedReads;

  constructor(
    private readonly db: Db,
    private readonly access: PermissionService,
  ) {
    this.packed = new PackedReads(db);
  }

  /** Summaries of each run, sorted by key (one query). */
  summariesByRunIds(runIds: readonly string[]): Promise<MetricSummary[][]> {
    return this.summaryRows<MetricSummary>(SUMMARY_COLUMNS, runIds);
  }

  /**
   * Each run's latest metrics (MLflow's rule: highest step, then timestamp, then value), sorted by
   * key, one list per id in order.
   *
   * @remarks Only the summaries' `last_*` columns: a page of whole runs reads one row per run and
   * key, and the other eight columns were most of the values parsed for the page.
   */
  latestByRunIds(runIds: readonly string[]): Promise<MetricPoint[][]> {
    return this.summaryRows<MetricPoint>(
      'key, last_value as value, last_step as step, last_timestamp as timestamp',
      runIds,
    );
  }

  /** `columns` and `runId` of each run's summary rows (one query), by key, one list per id. */
  private async summaryRows<R extends object>(
    columns: string,
    runIds: readonly string[],
  ): Promise<R[][]> {
    const rows = await this.db.query<R & { runId: string }>(
      `select run_id as "runId", ${columns} from metric_summaries where run_id = any($1::text[]) order by run_id, key`,
      [runIds],
    );
    return groupByKeys(runIds, rows, (r) => r.runId);
  }

  /**
   * A page of one key's history ordered by step, then timestamp, then logging order.
   *
   * @remarks The step range is inclusive. The page's candidate segments (see
   * `PackedReads.historySegments`: paging through a history reads each segment about once) stream
   * their packed points; the points past the cursor are sorted here and the page cut.
   * @throws ValidationError (on `cursorField`) for a cursor that is not one of this connection's.
   */
  async history(
    runId: string,
    key: string,
    range: { minStep?: Step | null; maxStep?: Step | null },
    req: PageRequest<HistoryKey>,
    cursorField = req.backward ? 'before' : 'after',
  ) {
    await this.access.run(runId, 'READ');
    const lo = range.minStep ?? INT64_MIN;
    const hi = range.maxStep ?? INT64_MAX;
    const cursor = req.cursor && checkHistoryCursor(req.cursor, cursorField);
    // safe steps compare with the bounds as doubles: exact for them, and no bigint arithmetic
    const [nlo, nhi] = [Number(lo), Number(hi)];
    const sign = req.backward ? -1 : 1;
    const past = cursor ? cursor.step : null;
    const rows: HistoryRow[] = [];
    const q = { lo, hi, limit: req.limit + 1, past, backward: req.backward };
    await this.packed.historySegments(runId, key, q, (seq, data, exact) => {
      const p = readDoubles(data);
      const steps = exact && exactStepsOf(exact);
      for (let at = 0, ord = 1; at < p.length; at += 3, ord++) {
        const step = steps ? steps[ord - 1]! : p[at]!;
        if (typeof step === 'number' ? step < nlo || step > nhi : step < lo || step > hi) continue;
        const row = { key, step, timestamp: p[at + 1]!, value: p[at + 2]!, seq, ord };
        if (cursor && sign * compareHistory(row, cursor) <= 0) continue;
        rows.push(row);
      }
    });
    rows.sort((a, b) => sign * compareHistory(a, b));
    if (rows.length > req.limit + 1) rows.length = req.limit + 1;
    return toConnection(
      rows,
      req,
      (r): HistoryKey => [
        typeof r.step === 'bigint' ? String(r.step) : r.step,
        r.timestamp,
        r.seq,
        r.ord,
      ],
    );
  }

  /**
   * The whole history of one key as parallel lists (the fast form for charts and exports).
   *
   * @remarks The segments' packed points stream in logging order by binary COPY and are decoded
   * straight into the output lists as they arrive; a stable sort by (step, timestamp), needed only
   * when batches overlap, then gives the order of {@link MetricService.history}. The step range
   * is inclusive.
   * @throws ValidationError when the range holds more than `maxPoints` points: a whole history is
   * refused from its summary's count, a step range once its lists pass the cap (they are dropped
   * then), so a request's memory stays bounded whatever the history.
   */
  async series(
    runId: string,
    key: string,
    range: { minStep?: Step | null; maxStep?: Step | null },
    maxPoints = Number.POSITIVE_INFINITY,
  ): Promise<SeriesData> {
    await this.access.run(runId, 'READ');
    if (range.minStep == null && range.maxStep == null && Number.isFinite(maxPoints)) {
      // the whole history: its summary counts it, so a refusal reads no points
      const [summary] = await this.db.query<{ count: number }>(
        'select count from metric_summaries where run_id = $1 and key = $2',
        [runId, key],
      );
      if ((summary?.count ?? 0) > maxPoints) throw tooManyPoints(key, maxPoints);
    }
    const lo = range.minStep ?? INT64_MIN;
    const hi = range.maxStep ?? INT64_MAX;
    const out: SeriesData = { steps: [], timestamps: [], values: [] };
    const runs = { ids: [runId], offsets: [0], upTo: [ALL_BATCHES] };
    let over = false;
    // the COPY runs to its end (stopping it midway would leave the connection mid-protocol)
    const take = (_run: number, _seq: number, data: Buffer, exact: ExactSteps) => {
      if (over) return;
      appendPoints(out, readDoubles(data), exact, lo, hi);
      if (out.steps.length <= maxPoints) return;
      over = true;
      out.steps = [];
      out.timestamps = [];
      out.values = [];
    };
    await this.packed.segments(runs, key, 'STEP', { start: lo, end: hi }, 'points', take);
    if (over) throw tooManyPoints(key, maxPoints);
    return sortSeries(out);
  }
}

function tooManyPoints(key: string, maxPoints: number): ValidationError {
  return new ValidationError(
    'key',
    `The history of '${key}' holds more than ${maxPoints} points in this step range; narrow minStep/maxStep, or page metricHistory.`,
  );
}

/**
 * Appends packed (step, timestamp, value) triples whose step lies in [lo, hi]; a wide segment's
 * steps come from its exact steps.
 */
function appendPoints(
  out: SeriesData,
  p: Float64Array,
  exact: ExactSteps,
  lo: Step,
  hi: Step,
): void {
  if (exact) {
    appendWide(out, p, exactStepsOf(exact), lo, hi);
    return;
  }
  // a segment without exact steps holds safe steps only: the bounds as doubles order them exactly
  const [nlo, nhi] = [Number(lo), Number(hi)];
  for (let at = 0; at < p.length; at += 3) {
    const step = p[at]!;
    if (step < nlo || step > nhi) continue;
    out.steps.push(step);
    out.timestamps.push(p[at + 1]!);
    out.values.push(p[at + 2]!);
  }
}

function appendWide(out: SeriesData, p: Float64Array, steps: Step[], lo: Step, hi: Step): void {
  for (let at = 0, i = 0; at < p.length; at += 3, i++) {
    const step = steps[i]!;
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
  order.sort(
    (a, b) => compareSteps(out.steps[a]!, out.steps[b]!) || out.timestamps[a]! - out.timestamps[b]!,
  );
  return {
    steps: order.map((i) => out.steps[i]!),
    timestamps: order.map((i) => out.timestamps[i]!),
    values: order.map((i) => out.values[i]!),
  };
}

/** True when the points are in (step, timestamp) order already. */
function isSorted({ steps, timestamps }: SeriesData): boolean {
  for (let i = 1; i < steps.length; i++) {
    const d = compareSteps(steps[i]!, steps[i - 1]!);
    if (d < 0 || (d === 0 && timestamps[i]! < timestamps[i - 1]!)) return false;
  }
  return true;
}

type Position = Pick<HistoryRow, 'step' | 'timestamp' | 'seq' | 'ord'>;

/** History order: by step, timestamp, batch, then place in the batch. */
function compareHistory(a: Position, b: Position): number {
  return (
    compareSteps(a.step, b.step) || a.timestamp - b.timestamp || a.seq - b.seq || a.ord - b.ord
  );
}

/** A cursor's position, if it is one of `metricHistory`'s (a step, then three safe integers). */
function checkHistoryCursor(cursor: unknown, field: string): Position {
  if (Array.isArray(cursor) && cursor.length === 4 && cursor.slice(1).every(Number.isSafeInteger)) {
    const [raw, timestamp, seq, ord] = cursor as HistoryKey;
    const step = parseStep(raw);
    if (step !== undefined) return { step, timestamp, seq, ord };
  }
  throw new ValidationError(field, 'Invalid cursor: not a position in a metric history.');
}
