import type { SqlClient } from '../../shared/db.ts';
import { int8DecimalArray, jsonbArray, textArray } from '../../shared/pg-arrays.ts';
import { auditInsertSql } from '../audit/public.ts';
import type { KeyValue } from '../params-tags/public.ts';
import type { Span } from './span.entity.ts';
import { TRACE_KEYS } from './trace-rows.sql.ts';

/**
 * What a trace write stores beside the `trace_info` rows (spans, tags, metadata), as CTEs of the
 * write's statement over bound arrays (see `trace-write.sql.ts`).
 */

/** `, audit_row as (...)`: a CTE that writes `audit` (after `values`) as `gate` admits; or none. */
export function auditCte(
  values: readonly unknown[],
  audit: readonly unknown[] | null,
  gate: string,
) {
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
 *
 * @remarks `gate` must admit only traces the statement created or the transaction holds locked:
 * nothing else checks that a span's trace exists (see `trace-write.sql.ts`).
 */
export function contentCtes(first: number, gate: string): string {
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
export function contentValues(c: TraceContents): unknown[] {
  const { spans } = c;
  // the span columns in binary (shared/pg-arrays.ts): the bulk of a write's bytes
  return [
    textArray(spans.map((s) => s.traceId)),
    textArray(spans.map((s) => s.spanId)),
    textArray(spans.map((s) => s.parentSpanId)),
    textArray(spans.map((s) => s.name)),
    textArray(spans.map((s) => s.spanType)),
    int8DecimalArray(spans.map((s) => s.startTimeNs)),
    int8DecimalArray(spans.map((s) => s.endTimeNs)),
    textArray(spans.map((s) => s.statusCode)),
    textArray(spans.map((s) => s.statusMessage)),
    jsonbArray(spans.map((s) => JSON.stringify(s.attributes))),
    jsonbArray(spans.map((s) => JSON.stringify(s.events))),
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
    'traces.contents',
  );
}
