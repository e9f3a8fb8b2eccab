import type { SqlClient } from '../../shared/db.ts';
import { auditInsertSql, withAuditRow } from '../audit/public.ts';
import type { KeyValue } from '../params-tags/public.ts';
import type { Span } from './span.entity.ts';
import type { TraceState } from './trace.entity.ts';
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
  );
  return row ? new Set(row.created) : null;
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
  );
}

/** The info logTrace stores (unset fields null: see `TraceService.logTrace`). */
export interface LoggedTraceInfo {
  traceId: string;
  experimentId: number;
  clientRequestId: string | null;
  requestTime: number | null;
  executionDuration: number | null;
  state: TraceState;
  requestPreview: string | null;
  responsePreview: string | null;
}

function infoValues(i: LoggedTraceInfo): unknown[] {
  return [
    i.traceId,
    i.experimentId,
    i.clientRequestId,
    i.requestTime,
    i.executionDuration,
    i.state,
    i.requestPreview,
    i.responsePreview,
  ];
}

/**
 * Creates a logged trace's info with its contents, or row-locks the stored trace when it exists
 * (then nothing else is written).
 *
 * @param audit the audit row of the write (`AuditLog.row`), written only when the trace is created.
 * @returns null when the experiment is missing or deleted (nothing written), else whether the
 * trace was created.
 */
export async function createOrLockLoggedTrace(
  sql: SqlClient,
  info: LoggedTraceInfo,
  now: number,
  contents: TraceContents,
  audit: readonly unknown[] | null = null,
): Promise<{ created: boolean } | null> {
  const values = [...infoValues(info), now, ...contentValues(contents)];
  const [row] = await sql.query<{ created: boolean }>(
    `with e as (select id, artifact_location from experiments
       where id = $2 and lifecycle_stage = 'active'), ins as (
       insert into trace_info as t (trace_id, experiment_id, client_request_id, request_time,
         execution_duration, state, request_preview, response_preview)
       select $1, e.id, $3, coalesce($4::int8, $9::int8), coalesce($5::int8, 0), $6, $7, $8 from e
       on conflict (trace_id) do update set state = excluded.state where false
       returning t.trace_id),
     ${contentCtes(10, 'in (select trace_id from ins)')}${auditCte(values, audit, 'where exists (select 1 from ins)')}
     select exists (select 1 from ins) as created from e`,
    audit ? [...values, ...audit] : values,
  );
  return row ?? null;
}

/**
 * Stores a logged trace's info over the locked trace that logSpans started: given fields replace
 * the stored ones, unset ones keep them.
 *
 * With `audit` (in the write's transaction), the same statement writes that audit row.
 *
 * @returns the trace's experiment, or null when the trace is already finalized (nothing written).
 */
export async function finalizeStartedTrace(
  sql: SqlClient,
  info: LoggedTraceInfo,
  audit: readonly unknown[] | null = null,
): Promise<number | null> {
  const [row] = await sql.query<{ experimentId: number }>(
    ...withAuditRow(
      `update trace_info t set
       client_request_id = coalesce($3, t.client_request_id),
       request_time = coalesce($4::int8, t.request_time),
       execution_duration = coalesce($5::int8, t.execution_duration),
       state = $6,
       request_preview = coalesce($7, t.request_preview),
       response_preview = coalesce($8, t.response_preview)
     where t.trace_id = $1 and not exists (select 1 from trace_metadata m
       where m.trace_id = t.trace_id and m.key = $2)
     returning t.experiment_id as "experimentId"`,
      [
        info.traceId,
        TRACE_KEYS.infoFinalized,
        info.clientRequestId,
        info.requestTime,
        info.executionDuration,
        info.state,
        info.requestPreview,
        info.responsePreview,
      ],
      audit,
    ),
  );
  return row ? row.experimentId : null;
}

/** `, audit_row as (...)`: a CTE that writes `audit` (after `values`) as `gate` admits; or none. */
function auditCte(values: readonly unknown[], audit: readonly unknown[] | null, gate: string) {
  return audit ? `, audit_row as (${auditInsertSql(values.length + 1, gate)})` : '';
}

/** Rows for `trace_tags` or `trace_metadata`: trace id, key and value per entry. */
export class KeyValueRows {
  readonly traceIds: string[] = [];
  readonly keys: string[] = [];
  readonly values: string[] = [];

  /** Adds the entries of `list` for `traceId`. */
  add(traceId: string, list: readonly KeyValue[]): void {
    for (const kv of list) {
      this.traceIds.push(traceId);
      this.keys.push(kv.key);
      this.values.push(kv.value);
    }
  }

  /** The three columns, for `unnest`. */
  columns(): unknown[] {
    return [this.traceIds, this.keys, this.values];
  }
}

/** What a write stores beside the trace rows. */
export interface TraceContents {
  spans: readonly Span[];
  /** Tags that replace a stored value. */
  tags: KeyValueRows;
  /** Tags written only where the key is absent; no key may also be in `tags` for a trace. */
  defaultTags: KeyValueRows;
  /** Metadata written only where the key is absent. */
  metadata: KeyValueRows;
  /**
   * Traces that get the tag `mlflow.artifactLocation` (the experiment's location +
   * `/traces/<id>/artifacts`) where absent.
   */
  artifactTraceIds: string[];
}

/**
 * CTEs that write `contents` (spans replace stored copies; tags, default tags, metadata and
 * artifact-location tags), restricted to trace ids `gate` admits (an SQL `in (...)` test), with
 * placeholders from `$first` (see {@link contentValues}). Needs a CTE `e` with the experiment's
 * `artifact_location`.
 */
function contentCtes(first: number, gate: string): string {
  const p = (i: number) => `$${first + i}`;
  return `s as (
       insert into spans (trace_id, span_id, parent_span_id, name, span_type, start_time_ns,
         end_time_ns, status_code, status_message, attributes, events)
       select * from unnest(${p(0)}::text[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[],
         ${p(4)}::text[], ${p(5)}::int8[], ${p(6)}::int8[], ${p(7)}::text[], ${p(8)}::text[],
         ${p(9)}::jsonb[], ${p(10)}::jsonb[])
         as u(trace_id, span_id, parent_span_id, name, span_type, start_time_ns, end_time_ns,
           status_code, status_message, attributes, events)
       where u.trace_id ${gate}
       on conflict (trace_id, span_id) do update set parent_span_id = excluded.parent_span_id,
         name = excluded.name, span_type = excluded.span_type, start_time_ns = excluded.start_time_ns,
         end_time_ns = excluded.end_time_ns, status_code = excluded.status_code,
         status_message = excluded.status_message, attributes = excluded.attributes,
         events = excluded.events
     ), tu as (
       insert into trace_tags (trace_id, key, value)
       select * from unnest(${p(11)}::text[], ${p(12)}::text[], ${p(13)}::text[]) as u(trace_id, key, value)
       where u.trace_id ${gate}
       on conflict (trace_id, key) do update set value = excluded.value
     ), tk as (
       insert into trace_tags (trace_id, key, value)
       select * from unnest(${p(14)}::text[], ${p(15)}::text[], ${p(16)}::text[]) as u(trace_id, key, value)
       where u.trace_id ${gate}
       on conflict (trace_id, key) do nothing
     ), ta as (
       insert into trace_tags (trace_id, key, value)
       select u.trace_id, ${p(17)}, e.artifact_location || '/traces/' || u.trace_id || '/artifacts'
       from e, unnest(${p(18)}::text[]) as u(trace_id)
       where u.trace_id ${gate}
       on conflict (trace_id, key) do nothing
     ), md as (
       insert into trace_metadata (trace_id, key, value)
       select * from unnest(${p(19)}::text[], ${p(20)}::text[], ${p(21)}::text[]) as u(trace_id, key, value)
       where u.trace_id ${gate}
       on conflict (trace_id, key) do nothing
     )`;
}

/** Bound values of {@link contentCtes}, in placeholder order. */
function contentValues(c: TraceContents): unknown[] {
  const { spans } = c;
  return [
    spans.map((s) => s.traceId),
    spans.map((s) => s.spanId),
    spans.map((s) => s.parentSpanId),
    spans.map((s) => s.name),
    spans.map((s) => s.spanType),
    spans.map((s) => s.startTimeNs),
    spans.map((s) => s.endTimeNs),
    spans.map((s) => s.statusCode),
    spans.map((s) => s.statusMessage),
    spans.map((s) => JSON.stringify(s.attributes)),
    spans.map((s) => JSON.stringify(s.events)),
    ...c.tags.columns(),
    ...c.defaultTags.columns(),
    TRACE_KEYS.artifactLocation,
    c.artifactTraceIds,
    ...c.metadata.columns(),
  ];
}

/**
 * Writes the contents of locked traces of experiment `experimentId` in one statement (traces not
 * in `traceIds` are skipped).
 */
export async function writeTraceContents(
  sql: SqlClient,
  experimentId: number,
  traceIds: readonly string[],
  contents: TraceContents,
): Promise<void> {
  await sql.query(
    `with e as (select artifact_location from experiments where id = $1),
     ${contentCtes(3, '= any($2::text[])')}
     select 1`,
    [experimentId, traceIds, ...contentValues(contents)],
  );
}
