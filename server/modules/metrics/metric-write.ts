import { float8Array as f8, int4Array as i4, int8Array as i8 } from '../../shared/pg-binary.ts';
import type { PreparedMetrics } from './metric-batch.ts';
import type { PreparedBlocks } from './metric-blocks.ts';

/**
 * The metric part of the one-statement ingest: SQL text and bound values that write a prepared
 * batch as segments and block rollup rows and fold it into the summaries.
 */

const LATEST_WINS = `(excluded.last_step, excluded.last_timestamp, excluded.last_value) > (m.last_step, m.last_timestamp, m.last_value)`;
const FIRST_WINS = `(excluded.first_step, excluded.first_timestamp, excluded.first_value) < (m.first_step, m.first_timestamp, m.first_value)`;

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
export function metricWriteCtes(
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

/**
 * Bound values for {@link metricWriteCtes}, in placeholder order; numeric arrays go in binary form
 * with the element type each placeholder's cast declares.
 */
export function metricWriteValues(m: PreparedMetrics, b: PreparedBlocks): unknown[] {
  return [
    m.keys,
    i4(m.offsets),
    i4(m.counts),
    i8(m.minSteps),
    i8(m.maxSteps),
    f8(m.minValues),
    f8(m.maxValues),
    i8(m.first.steps),
    i8(m.first.timestamps),
    f8(m.first.values),
    i8(m.last.steps),
    i8(m.last.timestamps),
    f8(m.last.values),
    i8(m.steps),
    i8(m.timestamps),
    f8(m.values),
    b.keys,
    b.axes,
    i8(b.blocks),
    i4(b.counts),
    i4(b.offsets),
    i8(b.minX),
    i8(b.maxX),
    i8(b.minSteps),
    i8(b.maxSteps),
    f8(b.minValues),
    f8(b.maxValues),
    i8(b.lastSteps),
    i8(b.lastTimestamps),
    f8(b.lastValues),
    ...(b.contiguous ? [] : [i8(b.steps), i8(b.timestamps), f8(b.values)]),
  ];
}
