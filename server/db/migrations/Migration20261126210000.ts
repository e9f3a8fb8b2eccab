import { Migration } from '@mikro-orm/migrations';

const X = `case a.axis when 's' then p.step else p.ts end`;

/**
 * Block rollup for downsampling: one row per (run, key, axis, block, batch) with the block's
 * aggregates in `metric_blocks`, and the block's points in `metric_block_points` (read only for
 * blocks straddling a bucket boundary), see server/modules/metrics/metric-blocks.ts. Existing
 * segments are backfilled.
 */
export class Migration20261126210000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table metric_blocks (
        run_id varchar(32) not null references runs (id) on delete cascade,
        key varchar(250) not null,
        axis char(1) not null check (axis in ('s', 't')),
        blk bigint not null,
        seq bigint not null,
        n integer not null,
        min_x bigint not null,
        max_x bigint not null,
        min_step bigint not null,
        max_step bigint not null,
        min_value double precision,
        max_value double precision,
        last_step bigint not null,
        last_timestamp bigint not null,
        last_value double precision not null,
        primary key (run_id, key, axis, blk, seq)
      );`);
    this.addSql(`
      create table metric_block_points (
        run_id varchar(32) not null references runs (id) on delete cascade,
        key varchar(250) not null,
        axis char(1) not null,
        blk bigint not null,
        seq bigint not null,
        steps bigint[] not null,
        timestamps bigint[] not null,
        vals double precision[] not null,
        primary key (run_id, key, axis, blk, seq)
      );`);
    this.addSql(`
      create temporary table block_backfill on commit drop as
      select run_id, key, axis, blk, seq, count(*)::int as n, min(x) as min_x, max(x) as max_x,
        min(step) as min_step, max(step) as max_step,
        min(v) filter (where v <> 'NaN') as min_value, max(v) filter (where v <> 'NaN') as max_value,
        (max(array[step::float8, ts::float8, v]))[1]::bigint as last_step,
        (max(array[step::float8, ts::float8, v]))[2]::bigint as last_timestamp,
        (max(array[step::float8, ts::float8, v]))[3] as last_value,
        array_agg(step order by ord) as steps, array_agg(ts order by ord) as timestamps,
        array_agg(v order by ord) as vals
      from (
        select s.run_id, s.key, a.axis, s.seq, p.step, p.ts, p.v, p.ord, ${X} as x,
          floor((${X})::numeric / case a.axis when 's' then 64 else 256 end)::bigint as blk
        from metric_segments s
        cross join unnest(s.steps, s.timestamps, s.vals) with ordinality as p(step, ts, v, ord)
        cross join (values ('s'), ('t')) as a(axis)
      ) q
      group by run_id, key, axis, blk, seq;`);
    this.addSql(`
      insert into metric_blocks (run_id, key, axis, blk, seq, n, min_x, max_x, min_step, max_step, min_value,
        max_value, last_step, last_timestamp, last_value)
      select run_id, key, axis, blk, seq, n, min_x, max_x, min_step, max_step, min_value, max_value, last_step,
        last_timestamp, last_value from block_backfill;`);
    this.addSql(`
      insert into metric_block_points (run_id, key, axis, blk, seq, steps, timestamps, vals)
      select run_id, key, axis, blk, seq, steps, timestamps, vals from block_backfill;`);
  }
}
