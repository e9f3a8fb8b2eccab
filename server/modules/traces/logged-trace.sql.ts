import type { SqlClient } from '../../shared/db.ts';
import { withAuditRow } from '../audit/public.ts';
import type { TraceInfo, TraceState } from './trace.entity.ts';
import { auditCte, contentCtes, contentValues, type TraceContents } from './trace-contents.sql.ts';
import { TRACE_COLUMNS, TRACE_KEYS } from './trace-rows.sql.ts';

/** The writes of logTrace: a complete trace's info, created with its contents or finalized. */

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
 * @returns null when the experiment is missing or deleted (nothing written), else the created
 * trace's info (`created`), or null in `created` when the trace existed.
 *
 * @remarks One named (prepared) statement per variant, with or without the audit row.
 */
export async function createOrLockLoggedTrace(
  sql: SqlClient,
  info: LoggedTraceInfo,
  now: number,
  contents: TraceContents,
  audit: readonly unknown[] | null = null,
): Promise<{ created: TraceInfo | null } | null> {
  const values = [...infoValues(info), now, ...contentValues(contents)];
  const [row] = await sql.query<TraceInfo | { traceId: null }>(
    `with e as (select id, artifact_location from experiments
       where id = $2 and lifecycle_stage = 'active'), ins as (
       insert into trace_info as t (trace_id, experiment_id, client_request_id, request_time,
         execution_duration, state, request_preview, response_preview)
       select $1, e.id, $3, coalesce($4::int8, $9::int8), coalesce($5::int8, 0), $6, $7, $8 from e
       on conflict (trace_id) do update set state = excluded.state where false
       returning t.trace_id, ${TRACE_COLUMNS}),
     ${contentCtes(10, 'in (select trace_id from ins)')}${auditCte(values, audit, 'where exists (select 1 from ins)')}
     select i."traceId", i."experimentId", i."clientRequestId", i."requestTime",
       i."executionDuration", i.state, i."requestPreview", i."responsePreview"
     from e left join ins i on true`,
    audit ? [...values, ...audit] : values,
    audit ? 'traces.logTrace.audited' : 'traces.logTrace',
  );
  if (!row) return null;
  return { created: row.traceId === null ? null : (row as TraceInfo) };
}

/**
 * Stores a logged trace's info over the locked trace that logSpans started: given fields replace
 * the stored ones, unset ones keep them.
 *
 * With `audit` (in the write's transaction), the same statement writes that audit row.
 *
 * @returns the trace's info as stored, or null when the trace is already finalized (nothing
 * written).
 */
export async function finalizeStartedTrace(
  sql: SqlClient,
  info: LoggedTraceInfo,
  audit: readonly unknown[] | null = null,
): Promise<TraceInfo | null> {
  const [row] = await sql.query<TraceInfo>(
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
     returning ${TRACE_COLUMNS}`,
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
    audit ? 'traces.finalize.audited' : 'traces.finalize',
  );
  return row ?? null;
}
