import { Migration } from '@mikro-orm/migrations';

const F = (x: string) => `float8send((${x})::float8)`;
const X = `case a.axis when 's' then p.step else p.ts end`;

/**
 * Packed downsampling data on the segment row (see server/modules/metrics/metric-packed.ts): the
 * segment's points as big-endian float64 (step, timestamp, value) triples, one packed aggregate
 * record per 64-step and per 256-ms block, and the segment's timestamp range. Reads fold these raw
 * bytes instead of aggregating `metric_blocks` rows and unnesting `metric_block_points`, so both
 * tables are dropped (they were derived data). Existing segments are backfilled.
 */
export class Migration20261127000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table metric_segments
        add column min_ts bigint, add column max_ts bigint,
        add column points bytea, add column blocks_s bytea, add column blocks_t bytea;`);
    // uncompressed: reads want raw bytes, and doubles compress poorly
    for (const c of ['points', 'blocks_s', 'blocks_t']) {
      this.addSql(`alter table metric_segments alter column ${c} set storage external;`);
    }
    this.addSql(`
      update metric_segments s set min_ts = q.lo, max_ts = q.hi, points = q.points
      from (
        select s.run_id, s.key, s.seq, min(p.ts) as lo, max(p.ts) as hi,
          string_agg(${F('p.step')} || ${F('p.ts')} || ${F('p.v')}, ''::bytea order by p.ord) as points
        from metric_segments s
        cross join unnest(s.steps, s.timestamps, s.vals) with ordinality as p(step, ts, v, ord)
        group by 1, 2, 3
      ) q
      where s.run_id = q.run_id and s.key = q.key and s.seq = q.seq;`);
    this.addSql(`
      update metric_segments s set blocks_s = q.blocks_s, blocks_t = q.blocks_t
      from (
        select run_id, key, seq,
          string_agg(rec, ''::bytea order by blk) filter (where axis = 's') as blocks_s,
          string_agg(rec, ''::bytea order by blk) filter (where axis = 't') as blocks_t
        from (
          select run_id, key, seq, axis, blk,
            ${F('blk')} || ${F('n')} || ${F('case when l - f + 1 = n then f - 1 else -1 end')}
              || ${F('min_x')} || ${F('max_x')} || ${F('min_step')} || ${F('max_step')}
              || ${F(`coalesce(mn, 'NaN')`)} || ${F(`coalesce(mx, 'NaN')`)}
              || ${F('last[1]')} || ${F('last[2]')} || ${F('last[3]')} as rec
          from (
            select s.run_id, s.key, s.seq, a.axis,
              floor((${X})::numeric / case a.axis when 's' then 64 else 256 end)::bigint as blk,
              count(*) as n, min(p.ord) as f, max(p.ord) as l, min(${X}) as min_x, max(${X}) as max_x,
              min(p.step) as min_step, max(p.step) as max_step,
              min(p.v) filter (where p.v <> 'NaN') as mn, max(p.v) filter (where p.v <> 'NaN') as mx,
              max(array[p.step::float8, p.ts::float8, p.v]) as last
            from metric_segments s
            cross join unnest(s.steps, s.timestamps, s.vals) with ordinality as p(step, ts, v, ord)
            cross join (values ('s'), ('t')) as a(axis)
            group by 1, 2, 3, 4, 5
          ) b
        ) r
        group by 1, 2, 3
      ) q
      where s.run_id = q.run_id and s.key = q.key and s.seq = q.seq;`);
    this.addSql(`
      alter table metric_segments
        alter column min_ts set not null, alter column max_ts set not null,
        alter column points set not null, alter column blocks_s set not null,
        alter column blocks_t set not null;`);
    // the delete trigger on runs (Migration20261126235000) no longer has the dropped tables to clear
    this.addSql(`
      create or replace function trackql_delete_run_metrics() returns trigger language plpgsql as $$
      begin
        delete from metric_segments where run_id = old.id;
        return old;
      end $$;`);
    this.addSql('drop table metric_block_points;');
    this.addSql('drop table metric_blocks;');
  }
}
