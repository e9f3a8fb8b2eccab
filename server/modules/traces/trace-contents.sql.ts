import type { SqlClient } from '../../shared/db.ts';
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
 */
export function contentCtes(first: number, gate: string): string {
  const p = (i: number) => `$${first + i}`;
  return `s as (
       insert into spans (trace_id, span_id, parent_span_id, name, span_type, start_time_ns,
         end_time_ns, status_code, status_message, attributes, events)
       select u."traceId", u."spanId", u."parentSpanId", u.name, u."spanType", u."startTimeNs",
         u."endTimeNs", u."statusCode", u."statusMessage", u.attributes, u.events
       from json_to_recordset(${p(0)}::json) as u("traceId" text, "spanId" text,
         "parentSpanId" text, name text, "spanType" text, "startTimeNs" int8, "endTimeNs" int8,
         "statusCode" text, "statusMessage" text, attributes jsonb, events jsonb)
       where u."traceId" ${gate}
       on conflict (trace_id, span_id) do update set parent_span_id = excluded.parent_span_id,
         name = excluded.name, span_type = excluded.span_type, start_time_ns = excluded.start_time_ns,
         end_time_ns = excluded.end_time_ns, status_code = excluded.status_code,
         status_message = excluded.status_message, attributes = excluded.attributes,
         events = excluded.events
     ), tu as (
       insert into trace_tags (trace_id, key, value)
       select * from unnest(${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[]) as u(trace_id, key, value)
       where u.trace_id ${gate}
       on conflict (trace_id, key) do update set value = excluded.value
     ), tk as (
       insert into trace_tags (trace_id, key, value)
       select * from unnest(${p(4)}::text[], ${p(5)}::text[], ${p(6)}::text[]) as u(trace_id, key, value)
       where u.trace_id ${gate}
       on conflict (trace_id, key) do nothing
     ), ta as (
       insert into trace_tags (trace_id, key, value)
       select u.trace_id, ${p(7)}, e.artifact_location || '/traces/' || u.trace_id || '/artifacts'
       from e, unnest(${p(8)}::text[]) as u(trace_id)
       where u.trace_id ${gate}
       on conflict (trace_id, key) do nothing
     ), md as (
       insert into trace_metadata (trace_id, key, value)
       select * from unnest(${p(9)}::text[], ${p(10)}::text[], ${p(11)}::text[]) as u(trace_id, key, value)
       where u.trace_id ${gate}
       on conflict (trace_id, key) do nothing
     )`;
}

/** Bound values of {@link contentCtes}, in placeholder order. */
export function contentValues(c: TraceContents): unknown[] {
  const { spans } = c;
  return [
    // one JSON document for all spans (its keys are the record's columns): one native
    // stringify here and one parse in PostgreSQL, instead of 11 arrays escaped element by element
    JSON.stringify(spans),
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
