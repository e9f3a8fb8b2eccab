import { Migration } from '@mikro-orm/migrations';

/**
 * Cheaper span rows: the span insert of OTLP ingest and logTrace was bound by PostgreSQL's CPU.
 * Measured with pgbench on our write's shape (10 new traces, 200 spans, one statement): 3.3-3.5 ms
 * with the foreign key and both indexes, 1.8-1.9 ms with neither; the foreign key's per-row check
 * (an RI trigger query per span) cost ~30 % and `spans_trace_start_index` ~15-20 %.
 *
 * 1. No foreign key from `spans` to `trace_info`. Every span write inserts only spans of traces
 * that the same statement created or that its transaction holds row-locked (see
 * `server/modules/traces/trace-write.sql.ts`), so the per-row check verified what the write
 * already guarantees. Deleting traces still removes their spans: a statement-level `after delete`
 * trigger on `trace_info` deletes the spans of the deleted rows in one statement (it also fires
 * for the cascade from `experiments`). A delete waits for a writer holding a trace's row lock, and
 * the trigger's statement then sees the spans that writer committed, so no span outlives its trace.
 *
 * 2. No `spans_trace_start_index (trace_id, start_time_ns)`. Every read of spans looks them up by
 * trace id, which the primary key (trace_id, span_id) serves; a trace's spans come back in MLflow's
 * order (roots first, then start time) which that index could not give either, so it is sorted.
 */
export class Migration20261207400000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table spans drop constraint spans_trace_id_fkey;');
    this.addSql('drop index spans_trace_start_index;');
    // `= any(array(...))`: plpgsql keeps one plan for the statement whatever the size of the
    // delete; an index scan of the primary key suits a delete of one trace and of thousands
    this.addSql(`
      create function trackql_delete_trace_spans() returns trigger language plpgsql as $$
      begin
        delete from spans where trace_id = any(array(select trace_id from deleted_traces));
        return null;
      end $$;`);
    this.addSql(`
      create trigger trace_info_delete_spans after delete on trace_info
      referencing old table as deleted_traces
      for each statement execute function trackql_delete_trace_spans();`);
  }
}
