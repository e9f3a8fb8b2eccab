import type { SqlClient } from '../../shared/db.ts';
import type { KeyValue } from '../params-tags/params-tags.service.ts';
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
  /** The experiment's artifact location. */
  location: string;
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

const ACTIVE_EXPERIMENT = `e as (select id, artifact_location from experiments
  where id = $1 and lifecycle_stage = 'active')`;

/**
 * Creates the batch's missing traces in experiment `experimentId` (IN_PROGRESS unless the ended
 * root is in the batch) and row-locks the existing ones, in trace id order.
 *
 * @param batches sorted by trace id.
 * @returns null when the experiment is missing or deleted (nothing written); else its artifact
 * location and the ids of the traces created.
 */
export async function createOrLockTraces(
  sql: SqlClient,
  experimentId: number,
  batches: readonly SpanBatch[],
): Promise<{ location: string; created: Set<string> } | null> {
  const [row] = await sql.query<{ location: string; created: string[] }>(
    `with ${ACTIVE_EXPERIMENT}, ins as (
       insert into trace_info as t (trace_id, experiment_id, request_time, execution_duration, state,
         request_preview, response_preview)
       select b.id, e.id, b.start_ms, coalesce(b.end_ms - b.start_ms, 0),
         coalesce(b.root_state, 'IN_PROGRESS'), b.rp, b.sp
       from e, unnest($2::text[], $3::int8[], $4::int8[], $5::text[], $6::text[], $7::text[])
         as b(id, start_ms, end_ms, root_state, rp, sp)
       order by b.id
       on conflict (trace_id) do update set state = excluded.state where false
       returning t.trace_id)
     select e.artifact_location as location, array(select trace_id from ins) as created from e`,
    [experimentId, ...traceColumns(batches)],
  );
  return row ? { location: row.location, created: new Set(row.created) } : null;
}

/** Row-locks one trace; false when it does not exist. */
export async function lockTrace(sql: SqlClient, traceId: string): Promise<boolean> {
  const rows = await sql.query('select 1 from trace_info where trace_id = $1 for update', [
    traceId,
  ]);
  return rows.length > 0;
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
         where m.trace_id = b.id and m.key = $7) as fin) f,
       experiments e
     where t.trace_id = b.id and e.id = t.experiment_id
     returning t.trace_id as "traceId", t.experiment_id as "experimentId",
       e.artifact_location as location`,
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
 * Creates a logged trace's info, or row-locks the stored trace when it exists.
 *
 * @returns null when the experiment is missing or deleted (nothing written), else its artifact
 * location and whether the trace was created.
 */
export async function createOrLockLoggedTrace(
  sql: SqlClient,
  info: LoggedTraceInfo,
  now: number,
): Promise<{ location: string; created: boolean } | null> {
  const [row] = await sql.query<{ location: string; created: boolean }>(
    `with e as (select id, artifact_location from experiments
       where id = $2 and lifecycle_stage = 'active'), ins as (
       insert into trace_info as t (trace_id, experiment_id, client_request_id, request_time,
         execution_duration, state, request_preview, response_preview)
       select $1, e.id, $3, coalesce($4::int8, $9::int8), coalesce($5::int8, 0), $6, $7, $8 from e
       on conflict (trace_id) do update set state = excluded.state where false
       returning t.trace_id)
     select e.artifact_location as location, exists (select 1 from ins) as created from e`,
    [...infoValues(info), now],
  );
  return row ?? null;
}

/**
 * Stores a logged trace's info over the locked trace that logSpans started: given fields replace
 * the stored ones, unset ones keep them.
 *
 * @returns the trace's experiment, or null when the trace is already finalized (nothing written).
 */
export async function finalizeStartedTrace(
  sql: SqlClient,
  info: LoggedTraceInfo,
): Promise<number | null> {
  const [row] = await sql.query<{ experimentId: number }>(
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
  );
  return row ? row.experimentId : null;
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

/** What {@link writeTraceContents} stores beside the trace rows. */
export interface TraceContents {
  spans: readonly Span[];
  /** Tags that replace a stored value. */
  tags: KeyValueRows;
  /** Tags written only where the key is absent; no key may also be in `tags` for a trace. */
  defaultTags: KeyValueRows;
  /** Metadata written only where the key is absent. */
  metadata: KeyValueRows;
}

/**
 * Writes spans (a span already stored is replaced), tags and metadata of locked traces in one
 * statement.
 */
export async function writeTraceContents(sql: SqlClient, c: TraceContents): Promise<void> {
  const { spans } = c;
  await sql.query(
    `with s as (
       insert into spans (trace_id, span_id, parent_span_id, name, span_type, start_time_ns,
         end_time_ns, status_code, status_message, attributes, events)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int8[],
         $7::int8[], $8::text[], $9::text[], $10::jsonb[], $11::jsonb[])
       on conflict (trace_id, span_id) do update set parent_span_id = excluded.parent_span_id,
         name = excluded.name, span_type = excluded.span_type, start_time_ns = excluded.start_time_ns,
         end_time_ns = excluded.end_time_ns, status_code = excluded.status_code,
         status_message = excluded.status_message, attributes = excluded.attributes,
         events = excluded.events
     ), tu as (
       insert into trace_tags (trace_id, key, value)
       select * from unnest($12::text[], $13::text[], $14::text[])
       on conflict (trace_id, key) do update set value = excluded.value
     ), tk as (
       insert into trace_tags (trace_id, key, value)
       select * from unnest($15::text[], $16::text[], $17::text[])
       on conflict (trace_id, key) do nothing
     ), md as (
       insert into trace_metadata (trace_id, key, value)
       select * from unnest($18::text[], $19::text[], $20::text[])
       on conflict (trace_id, key) do nothing
     )
     select 1`,
    [
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
      ...c.metadata.columns(),
    ],
  );
}
