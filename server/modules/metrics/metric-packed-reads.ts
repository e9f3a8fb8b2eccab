import { escapeLiteral } from 'pg';
import type { Db } from '../../shared/db.ts';
import { CopyBinaryReader } from '../../shared/pg-binary.ts';
import type { SeriesAxis, XRange } from './buckets.ts';

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

const int = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${n}`);
  return String(n);
};

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
  async extent(runs: Runs, key: string, axis: SeriesAxis): Promise<XRange | null> {
    const [lo, hi] = xColumns(axis);
    const [row] = await this.db.query<{ lo: number | null; hi: number | null }>(
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
   *
   * @remarks COPY carries the bytea raw (a `select` would send it as hex text, twice the bytes
   * and a decode on each side); it takes no parameters, so ids and key are inlined through
   * `escapeLiteral` and numbers are checked integers.
   */
  async segments(
    runs: Runs,
    key: string,
    axis: SeriesAxis,
    range: XRange,
    column: 'points' | 'blocks_s' | 'blocks_t',
    onSegment: (run: number, seq: number, data: Buffer) => void,
  ): Promise<void> {
    const [lo, hi] = xColumns(axis);
    const reader = new CopyBinaryReader(([i, seq, data]) =>
      onSegment(i!.readInt32BE(0) - 1, seq!.readDoubleBE(0), data!),
    );
    await this.db.copyOut(
      `copy (
        select o.i::int4, s.seq::float8, s.${column}
        from unnest(array[${runs.ids.map(escapeLiteral).join(',')}]::text[],
          array[${runs.offsets.map(int).join(',')}]::int8[],
          array[${runs.upTo.map(int).join(',')}]::int8[]) with ordinality as o(run_id, off, upto, i)
        join metric_segments s on s.run_id = o.run_id and s.key = ${escapeLiteral(key)}
          and s.seq <= o.upto
        where ${hi} - o.off >= ${int(range.start)} and ${lo} - o.off <= ${int(range.end)}
        order by o.i, s.seq
      ) to stdout (format binary)`,
      (chunk) => reader.push(chunk),
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
