import type { SqlClient } from '../../shared/db.ts';
import type { KeyValue } from '../params-tags/public.ts';
import type { Span } from './span.entity.ts';
import { TRACE_KEYS } from './trace-rows.sql.ts';
import { columns } from './trace-rules.ts';

/** What a write needs to know about a stored trace it has locked. */
export interface TraceLock {
  experimentId: number;
  /** The experiment's artifact location. */
  location: string;
  /** Whether logTrace has stored its info (metadata `mlflow.trace.infoFinalized`). */
  finalized: boolean;
}

/**
 * Locks the trace id for the rest of the transaction, existing or not, and reads the stored trace.
 *
 * @remarks A transaction-scoped advisory lock on the id makes concurrent first writes of one trace
 * (span batches racing with its logTrace) take turns instead of colliding on insert.
 */
export async function lockTrace(sql: SqlClient, traceId: string): Promise<TraceLock | null> {
  await sql.query('select pg_advisory_xact_lock(hashtext($1))', [traceId]);
  const [row] = await sql.query<TraceLock>(
    `select t.experiment_id as "experimentId", e.artifact_location as location,
       exists (select 1 from trace_metadata m where m.trace_id = t.trace_id and m.key = $2) as finalized
     from trace_info t join experiments e on e.id = t.experiment_id where t.trace_id = $1`,
    [traceId, TRACE_KEYS.infoFinalized],
  );
  return row ?? null;
}

/** How {@link writeKeyValues} treats a key the trace already has. */
export type KeyConflict = 'upsert' | 'keep';

/**
 * Writes metadata or tags of a trace in one statement.
 *
 * @remarks `upsert` (tags) replaces a stored value; `keep` leaves it (server defaults).
 */
export async function writeKeyValues(
  sql: SqlClient,
  table: 'trace_metadata' | 'trace_tags',
  traceId: string,
  list: readonly KeyValue[],
  conflict: KeyConflict,
): Promise<void> {
  if (list.length === 0) return;
  const [keys, values] = columns(list);
  const onConflict = conflict === 'upsert' ? 'do update set value = excluded.value' : 'do nothing';
  await sql.query(
    `insert into ${table} (trace_id, key, value) select $1, k, v from unnest($2::text[], $3::text[]) as x(k, v)
     on conflict (trace_id, key) ${onConflict}`,
    [traceId, keys, values],
  );
}

/** Inserts spans of one trace in one statement; a span already stored is replaced. */
export async function insertSpans(sql: SqlClient, spans: readonly Span[]): Promise<void> {
  await sql.query(
    `insert into spans (trace_id, span_id, parent_span_id, name, span_type, start_time_ns,
       end_time_ns, status_code, status_message, attributes, events)
     select $1, x.* from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int8[],
       $7::int8[], $8::text[], $9::text[], $10::jsonb[], $11::jsonb[]) as x
     on conflict (trace_id, span_id) do update set parent_span_id = excluded.parent_span_id,
       name = excluded.name, span_type = excluded.span_type, start_time_ns = excluded.start_time_ns,
       end_time_ns = excluded.end_time_ns, status_code = excluded.status_code,
       status_message = excluded.status_message, attributes = excluded.attributes,
       events = excluded.events`,
    [
      spans[0]!.traceId,
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
    ],
  );
}
