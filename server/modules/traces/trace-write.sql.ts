import type { SqlClient } from '../../shared/db.ts';
import { withAuditRow } from '../audit/public.ts';
import type { Span } from './span.entity.ts';
import { auditCte, contentCtes, contentValues, type TraceContents } from './trace-contents.sql.ts';
import { TRACE_KEYS } from './trace-rows.sql.ts';
import type { SpanSummary } from './trace-rules.ts';

/**
 * Set-based trace writes: a batch of traces takes a fixed number of statements whatever its size.
 *
 * Concurrency: the first statement of every write inserts the batch's `trace_info` rows in trace id
 * order with `on conflict do update ... where false`, which inserts the new traces and row-locks
 * the existing ones (PostgreSQL locks every conflicting row of `do update`, even when its `where`
 * skips the update). Writes of one trace therefore take turns on its row until commit; batches
 * lock in id order, so overlapping batches cannot deadlock; and row locks live in the tuples, not
 * in PostgreSQL's shared lock table, so a batch of any size fits. Later statements of the
 * transaction run with a fresh snapshot and see what the previous holder committed.
 *
 * The same statement also writes the contents (spans, tags, metadata) of the traces it created,
 * gated on its `returning` rows, so a new trace costs one statement; traces that existed get
 * {@link widenTraces} and {@link writeTraceContents} after it.
 *
 * Spans have no foreign key to `trace_info` (Migration20261207400000): these locks are what keep a
 * span from outliving its trace. A span write only writes spans of traces its own statement
 * created or its transaction holds locked, so a delete of the trace either commits first (the
 * writer then creates the trace anew, or finds it missing) or waits for the writer's commit, and
 * the delete trigger on `trace_info` then removes the spans the writer committed.
 */

/** A checked batch of spans of one trace, with what it says about the trace. */
export interface SpanBatch {
  traceId: string;
  spans: Span[];
  sum: SpanSummary;
}

/** An existing trace of a batch, as {@link widenTraces} left it. */
export interface StoredTrace {
  traceId: string;
  experimentId: number;
}

/** The trace columns of `batches` as parallel arrays, in batch order. */
function traceColumns(batches: readonly SpanBatch[]): unknown[] {
  return [
    batches.map((b) => b.traceId),
    batches.map((b) => b.sum.startMs),
    batches.map((b) => b.sum.endMs),
    batches.map((b) => b.sum.rootState),
    batches.map((b) => b.sum.requestPreview),
    batches.map((b) => b.sum.responsePreview),
  ];
}

/**
 * Creates the batch's missing traces in experiment `experimentId` (IN_PROGRESS unless the ended
 * root is in the batch) with their contents, and row-locks the existing ones, in trace id order.
 *
 * @param batches sorted by trace id.
 * @param contents of every trace of the batch; only the created traces' are written.
 * @param audit the audit row of the write (`AuditLog.row`), written when the experiment is active;
 * null: none.
 * @returns null when the experiment is missing or deleted (nothing written); else the ids of the
 * traces created.
 */
export async function createOrLockTraces(
  sql: SqlClient,
  experimentId: number,
  batches: readonly SpanBatch[],
  contents: TraceContents,
  audit: readonly unknown[] | null = null,
): Promise<Set<string> | null> {
  const values = [experimentId, ...traceColumns(batches), ...contentValues(contents)];
  const [row] = await sql.query<{ created: string[] }>(
    `with e as (select id, artifact_location from experiments
       where id = $1 and lifecycle_stage = 'active'), ins as (
       insert into trace_info as t (trace_id, experiment_id, request_time, execution_duration, state,
         request_preview, response_preview)
       select b.id, e.id, b.start_ms, coalesce(b.end_ms - b.start_ms, 0),
         coalesce(b.root_state, 'IN_PROGRESS'), b.rp, b.sp
       from e, unnest($2::text[], $3::int8[], $4::int8[], $5::text[], $6::text[], $7::text[])
         as b(id, start_ms, end_ms, root_state, rp, sp)
       order by b.id
       on conflict (trace_id) do update set state = excluded.state where false
       returning t.trace_id),
     ${contentCtes(8, 'in (select trace_id from ins)')}${auditCte(values, audit, 'from e')}
     select array(select trace_id from ins) as created from e`,
    audit ? [...values, ...audit] : values,
    audit ? 'traces.createOrLock.audited' : 'traces.createOrLock',
  );
  return row ? new Set(row.created) : null;
}

/**
 * Creates the batch's traces with their contents in experiment `experimentId` in one statement
 * that commits on its own, when none of them exists; otherwise writes nothing. For a write whose
 * traces are most likely new (an OTLP export), this saves the transaction that
 * {@link createOrLockTraces} needs for traces that exist.
 *
 * @param batches sorted by trace id.
 * @returns null when the experiment is missing or deleted; true when every trace was created
 * (with `audit`); false when nothing was written because a trace exists (or was created by
 * another writer while the statement ran: its division by zero then undoes the statement).
 */
export async function createNewTraces(
  sql: SqlClient,
  experimentId: number,
  batches: readonly SpanBatch[],
  contents: TraceContents,
  audit: readonly unknown[] | null = null,
): Promise<boolean | null> {
  const values = [experimentId, ...traceColumns(batches), ...contentValues(contents)];
  let rows: { created: boolean }[];
  try {
    rows = await sql.query<{ created: boolean }>(
      `with e as (select id, artifact_location from experiments
         where id = $1 and lifecycle_stage = 'active'),
       fresh as (select not exists (select 1 from trace_info where trace_id = any($2::text[])) as ok),
       ins as (
         insert into trace_info as t (trace_id, experiment_id, request_time, execution_duration,
           state, request_preview, response_preview)
         select b.id, e.id, b.start_ms, coalesce(b.end_ms - b.start_ms, 0),
           coalesce(b.root_state, 'IN_PROGRESS'), b.rp, b.sp
         from e, fresh,
           unnest($2::text[], $3::int8[], $4::int8[], $5::text[], $6::text[], $7::text[])
             as b(id, start_ms, end_ms, root_state, rp, sp)
         where fresh.ok
         order by b.id
         on conflict (trace_id) do nothing
         returning t.trace_id),
       ${contentCtes(8, 'in (select trace_id from ins)')}${auditCte(values, audit, 'from e, fresh where fresh.ok')}
       select fresh.ok and 1 / (case when not fresh.ok
           or (select count(*) from ins) = cardinality($2::text[]) then 1 else 0 end) = 1 as created
       from e, fresh`,
      audit ? [...values, ...audit] : values,
      audit ? 'traces.createNew.audited' : 'traces.createNew',
    );
  } catch (err) {
    // division_by_zero: a trace was created between the statement's snapshot and its insert
    if ((err as { code?: unknown }).code === '22012') return false;
    throw err;
  }
  return rows[0]?.created ?? null;
}

/**
 * Row-locks one trace and returns its experiment; null when it does not exist. With `audit` (in
 * the write's transaction), the same statement writes that audit row.
 */
export async function lockTrace(
  sql: SqlClient,
  traceId: string,
  audit: readonly unknown[] | null = null,
): Promise<number | null> {
  const [row] = await sql.query<{ experimentId: number }>(
    ...withAuditRow(
      'select experiment_id as "experimentId" from trace_info where trace_id = $1 for update',
      [traceId],
      audit,
    ),
  );
  return row?.experimentId ?? null;
}

/**
 * Folds span batches into traces that already existed (and are locked): until a trace is
 * finalized, its window widens to the batch's and the ended root sets an IN_PROGRESS state; empty
 * previews are filled in either way.
 *
 * @returns the traces found (a missing one is absent), with their experiment.
 */
export async function widenTraces(
  sql: SqlClient,
  batches: readonly SpanBatch[],
): Promise<StoredTrace[]> {
  if (batches.length === 0) return [];
  // the right-hand sides read the old row, so the window is widened from its old bounds
  return sql.query<StoredTrace>(
    `update trace_info t set
       request_time = case when f.fin then t.request_time else least(t.request_time, b.start_ms) end,
       execution_duration = case when f.fin then t.execution_duration
         else greatest(t.request_time + t.execution_duration, b.end_ms) - least(t.request_time, b.start_ms) end,
       state = case when not f.fin and t.state = 'IN_PROGRESS' then coalesce(b.root_state, t.state) else t.state end,
       request_preview = coalesce(t.request_preview, b.rp),
       response_preview = coalesce(t.response_preview, b.sp)
     from unnest($1::text[], $2::int8[], $3::int8[], $4::text[], $5::text[], $6::text[])
         as b(id, start_ms, end_ms, root_state, rp, sp)
       cross join lateral (select exists (select 1 from trace_metadata m
         where m.trace_id = b.id and m.key = $7) as fin) f
     where t.trace_id = b.id
     returning t.trace_id as "traceId", t.experiment_id as "experimentId"`,
    [...traceColumns(batches), TRACE_KEYS.infoFinalized],
    'traces.widen',
  );
}
