import { float8Array as f8, int4Array as i4, int8Array as i8 } from '../../shared/pg-arrays.ts';
import type { PreparedMetrics } from './metric-batch.ts';
import type { PreparedBlocks } from './metric-blocks.ts';
import { BLOCK_BYTES, POINT_BYTES } from './metric-packed.ts';

/**
 * The metric part of the one-statement ingest: SQL text and bound values that write a prepared
 * batch as segments (with their packed points and block rollup) and fold it into the summaries.
 */

const LATEST_WINS = `(excluded.last_step, excluded.last_timestamp, excluded.last_value) > (m.last_step, m.last_timestamp, m.last_value)`;
const FIRST_WINS = `(excluded.first_step, excluded.first_timestamp, excluded.first_value) < (m.first_step, m.first_timestamp, m.first_value)`;

/**
 * SQL that writes a prepared batch as segments (packed points and block rollup, see
 * `metric-packed.ts` and `metric-blocks.ts`) and folds it into the summaries: CTEs named `mk`, `mseg` and
 * `msum`, to be placed in a `with` clause after a CTE that yields the batch's `seq`.
 *
 * @param runParam placeholder of the run id, e.g. `$1`.
 * @param seqSource a relation with one column `seq` and one row, or no row to write nothing.
 * @param first number of the first placeholder used for the values of {@link metricWriteValues}.
 */
export function metricWriteCtes(runParam: string, seqSource: string, first: number): string {
  const $ = (i: number) => `$${first + i}`;
  return `mk as (
       select * from unnest(${$(0)}::text[], ${$(1)}::int[], ${$(2)}::int[], ${$(3)}::int8[], ${$(4)}::int8[],
         ${$(5)}::float8[], ${$(6)}::float8[], ${$(7)}::int8[], ${$(8)}::int8[], ${$(9)}::float8[], ${$(10)}::int8[],
         ${$(11)}::int8[], ${$(12)}::float8[], ${$(13)}::int[], ${$(14)}::int[], ${$(15)}::int[], ${$(16)}::int[],
         ${$(17)}::int8[], ${$(18)}::int8[])
       as k(key, o, n, min_step, max_step, mn, mx, fs, ft, fv, ls, lt, lv, so, sn, tio, tn, min_ts, max_ts)
     ), mseg as (
       insert into metric_segments (run_id, key, seq, n, min_step, max_step, min_ts, max_ts, points, blocks_s,
         blocks_t, exact_steps)
       select ${runParam}, key, s.seq, n, min_step, max_step, min_ts, max_ts,
         substring(${$(19)}::bytea from o * ${POINT_BYTES} + 1 for n * ${POINT_BYTES}),
         substring(${$(20)}::bytea from so * ${BLOCK_BYTES} + 1 for sn * ${BLOCK_BYTES}),
         substring(${$(21)}::bytea from tio * ${BLOCK_BYTES} + 1 for tn * ${BLOCK_BYTES}),
         substring(${$(22)}::bytea from o * 8 + 1 for n * 8)
       from mk, ${seqSource} s
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

/**
 * Bound values for {@link metricWriteCtes}, in placeholder order; numeric arrays go in binary form
 * with the element type each placeholder's cast declares.
 */
export function metricWriteValues(m: PreparedMetrics, b: PreparedBlocks): unknown[] {
  // steps beyond ±(2^53-1) are bigints: a wide batch binds its step arrays by the slower writer
  const steps = m.wide
    ? (v: PreparedMetrics['steps']) => i8(v, true)
    : (v: unknown) => i8(v as number[]);
  return [
    m.keys,
    i4(m.offsets),
    i4(m.counts),
    steps(m.minSteps),
    steps(m.maxSteps),
    f8(m.minValues),
    f8(m.maxValues),
    steps(m.first.steps),
    i8(m.first.timestamps),
    f8(m.first.values),
    steps(m.last.steps),
    i8(m.last.timestamps),
    f8(m.last.values),
    i4(b.stepOffsets),
    i4(b.stepCounts),
    i4(b.timeOffsets),
    i4(b.timeCounts),
    i8(b.minTimestamps),
    i8(b.maxTimestamps),
    b.points,
    b.stepBlocks,
    b.timeBlocks,
    b.exactSteps,
  ];
}
