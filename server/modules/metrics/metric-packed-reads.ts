import { escapeLiteral } from 'pg';
import type { Db } from '../../shared/db.ts';
import { CopyBinaryReader, type CopyRow } from '../../shared/pg-binary.ts';
import type { Step } from '../../shared/scalars.ts';
import type { SeriesAxis, StepRange, XRange } from './buckets.ts';

/**
 * Requested runs (distinct ids) with their x offsets and the last batch (seq) of each to read; a
 * run is named by its index here.
 */
export interface Runs {
  ids: string[];
  offsets: number[];
  upTo: number[];
}

/** Reads every batch of a run. */
export const ALL_BATCHES = Number.MAX_SAFE_INTEGER;

/** A byte range of one segment's packed points (`from` 1-based, as `substring` takes it). */
export interface PointsRange {
  run: number;
  seq: number;
  from: number;
  length: number;
}

/** The segment columns holding a segment's smallest and largest x on `axis`. */
const xColumns = (axis: SeriesAxis) =>
  axis === 'STEP' ? ['s.min_step', 's.max_step'] : ['s.min_ts', 's.max_ts'];

const int = (n: Step) => {
  // a bigint as a typed literal: -9223372036854775808 alone would be numeric, not int8
  if (typeof n === 'bigint') return `'${n}'::int8`;
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${n}`);
  return String(n);
};

/**
 * A segment's exact steps (`exact_steps`) as the COPY gives them: null unless the segment is wide,
 * its packed points then holding rounded steps (see `metric-packed.ts`).
 */
export type ExactSteps = Buffer | null;

/** SQL reads of the segments' packed columns (see `metric-packed.ts`): downsampling and series. */
export class PackedReads {
  constructor(private readonly db: Db) {}

  /** Per-run x offsets: each run's start time on the relative axis, else 0. */
  async offsets(runIds: readonly string[], axis: SeriesAxis): Promise<number[]> {
    if (axis !== 'RELATIVE_TIME') return runIds.map(() => 0);
    const rows = await this.db.query<{ id: string; start_time: number }>(
      'select id, start_time from runs where id = any($1::text[])',
      [runIds],
    );
    const start = new Map(rows.map((r) => [r.id, r.start_time]));
    return runIds.map((id) => start.get(id) ?? 0);
  }

  /** The smallest and largest x of `key` over the runs, or null when they have no point. */
  async extent(runs: Runs, key: string, axis: SeriesAxis): Promise<StepRange | null> {
    const [lo, hi] = xColumns(axis);
    // int8: bigints beyond ±(2^53-1) (wide steps)
    const [row] = await this.db.query<{ lo: Step | null; hi: Step | null }>(
      `select min(${lo} - o.off) as lo, max(${hi} - o.off) as hi
       from unnest($1::text[], $3::int8[], $4::int8[]) as o(run_id, off, upto)
       join metric_segments s on s.run_id = o.run_id and s.key = $2 and s.seq <= o.upto`,
      [runs.ids, key, runs.offsets, runs.upTo],
    );
    return row?.lo == null || row.hi == null ? null : { start: row.lo, end: row.hi };
  }

  /**
   * Streams one packed column of the runs' segments of `key` overlapping `range` by binary COPY,
   * run after run and each run's in logging order: `onSegment(run, seq, bytes)` as rows arrive.
   */
  async segments(
    runs: Runs,
    key: string,
    axis: SeriesAxis,
    range: XRange | StepRange,
    column: 'points' | 'blocks_s' | 'blocks_t',
    onSegment: (run: number, seq: number, data: Buffer, exact: ExactSteps) => void,
  ): Promise<void> {
    const [lo, hi] = xColumns(axis);
    // with block columns, an empty marker for a wide segment (its blocks hold rounded steps)
    const exact =
      column === 'points'
        ? 's.exact_steps'
        : `case when s.exact_steps is null then null else ''::bytea end`;
    await this.copy(
      `select o.i::int4, s.seq::float8, s.${column}, ${exact}
       from unnest(array[${runs.ids.map(escapeLiteral).join(',')}]::text[],
         array[${runs.offsets.map(int).join(',')}]::int8[],
         array[${runs.upTo.map(int).join(',')}]::int8[]) with ordinality as o(run_id, off, upto, i)
       join metric_segments s on s.run_id = o.run_id and s.key = ${escapeLiteral(key)}
         and s.seq <= o.upto
       where ${hi} - o.off >= ${int(range.start)} and ${lo} - o.off <= ${int(range.end)}
       order by o.i, s.seq`,
      ([i, seq, data, ex]) =>
        onSegment(i!.readInt32BE(0) - 1, seq!.readDoubleBE(0), data!, ex ?? null),
    );
  }

  /**
   * Streams the packed points of the segments of one run's `key` a history page may draw from:
   * those overlapping [lo, hi] and, with a cursor, not wholly before it (after it, backwards); and
   * of those only the ones that can hold the page's `limit` points.
   *
   * @remarks Taking the segments that lie inside the range and wholly past `past` (the cursor's
   * step; null: no cursor) in step order, the first ones holding `limit` points end at some step
   * X; every point of the page has a step up to X, so segments starting after X are skipped
   * (mirrored backwards: segments ending before the X of the last ones).
   */
  async historySegments(
    runId: string,
    key: string,
    q: { lo: Step; hi: Step; limit: number; past: Step | null; backward: boolean },
    onSegment: (seq: number, data: Buffer, exact: ExactSteps) => void,
  ): Promise<void> {
    const [lo, hi, limit] = [int(q.lo), int(q.hi), int(q.limit)];
    const own = `run_id = ${escapeLiteral(runId)} and key = ${escapeLiteral(key)}`;
    // forward: segments start (near) and end (far) sides; backward: the other way round
    const [near, far, order, extreme, open] = q.backward
      ? ['max_step', 'min_step', 'max_step desc, seq desc', 'min', lo]
      : ['min_step', 'max_step', 'min_step, seq', 'max', hi];
    const cmp = q.backward ? ['<', '>='] : ['>', '<='];
    const past = q.past === null ? null : int(q.past);
    const wholly = past === null ? 'true' : `${near} ${cmp[0]} ${past}`;
    const notBefore = past === null ? 'true' : `${far} ${cmp[0]}= ${past}`;
    await this.copy(
      `with bound as (
         select case when max(before + n) >= ${limit} then ${extreme}(${far}) end as x from (
           select ${far}, n, sum(n) over (order by ${order}) - n as before
           from metric_segments
           where ${own} and min_step >= ${lo} and max_step <= ${hi} and ${wholly}
         ) f where before < ${limit}
       )
       select seq::float8, points, exact_steps from metric_segments
       where ${own} and max_step >= ${lo} and min_step <= ${hi} and ${notBefore}
         and ${near} ${cmp[1]} coalesce((select x from bound), ${open})`,
      ([seq, data, exact]) => onSegment(seq!.readDoubleBE(0), data!, exact ?? null),
    );
  }

  /**
   * Streams the packed points of one run's batches with `after < seq <= upTo`, the first `limit`
   * of them (only batches with points of `keys`, when given), by seq then key.
   */
  async batchSegments(
    runId: string,
    range: { after: number; upTo: number; limit: number },
    keys: readonly string[] | null,
    onSegment: (seq: number, key: string, data: Buffer, exact: ExactSteps) => void,
  ): Promise<void> {
    const own = `run_id = ${escapeLiteral(runId)}`;
    const ofKeys = keys ? `and key = any(array[${keys.map(escapeLiteral).join(',')}]::text[])` : '';
    await this.copy(
      `with s as (
         select distinct seq from metric_segments
         where ${own} and seq > ${int(range.after)} and seq <= ${int(range.upTo)} ${ofKeys}
         order by seq limit ${int(range.limit)}
       )
       select seq::float8, key, points, exact_steps from metric_segments
       where ${own} and seq in (select seq from s) ${ofKeys}
       order by seq, key`,
      ([seq, key, data, exact]) =>
        onSegment(seq!.readDoubleBE(0), key!.toString('utf8'), data!, exact ?? null),
    );
  }

  /**
   * Runs `select` as a binary COPY and hands over its rows as they arrive.
   *
   * @remarks COPY carries bytea raw (a `select` would send it as hex text, twice the bytes and a
   * decode on each side); it takes no parameters, so callers inline text through `escapeLiteral`
   * and numbers through `int`.
   */
  private async copy(select: string, onRow: (row: CopyRow) => void): Promise<void> {
    const reader = new CopyBinaryReader(onRow);
    await this.db.copyOut(`copy (${select}) to stdout (format binary)`, (chunk) =>
      reader.push(chunk),
    );
    reader.end();
  }

  /** Byte ranges of packed points, in one statement; `data[k]` belongs to `ranges[k]`. */
  async points(runs: Runs, key: string, ranges: readonly PointsRange[]): Promise<Buffer[]> {
    if (ranges.length === 0) return [];
    const rows = await this.db.query<{ k: number; data: Buffer }>(
      `select q.k::int as k, substring(s.points from q.a for q.b) as data
       from unnest($3::int[], $4::int8[], $5::int[], $6::int[]) with ordinality as q(i, seq, a, b, k)
       join metric_segments s on s.run_id = ($1::text[])[q.i] and s.key = $2 and s.seq = q.seq`,
      [
        runs.ids,
        key,
        ranges.map((r) => r.run + 1),
        ranges.map((r) => r.seq),
        ranges.map((r) => r.from),
        ranges.map((r) => r.length),
      ],
    );
    const data: Buffer[] = [];
    for (const { k, data: d } of rows) data[k - 1] = d;
    return data;
  }
}
