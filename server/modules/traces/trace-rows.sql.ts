import { NotFoundError, ValidationError } from '../../shared/errors.ts';

/** Select list mapping `trace_info` columns (alias `t`) to the {@link TraceInfo} shape. */
export const TRACE_COLUMNS = `t.trace_id as "traceId", t.experiment_id as "experimentId",
  t.client_request_id as "clientRequestId", t.request_time as "requestTime",
  t.execution_duration as "executionDuration", t.state, t.request_preview as "requestPreview",
  t.response_preview as "responsePreview"`;

/** Select list mapping `spans` columns (alias `s`) to the {@link Span} shape; ns as text. */
export const SPAN_COLUMNS = `s.trace_id as "traceId", s.span_id as "spanId",
  s.parent_span_id as "parentSpanId", s.name, s.span_type as "spanType",
  s.start_time_ns::text as "startTimeNs", s.end_time_ns::text as "endTimeNs",
  s.status_code as "statusCode", s.status_message as "statusMessage", s.attributes, s.events`;

/** Trace ids are `tr-` + the 32-hex OTel trace id (MLflow 3). */
export const TRACE_ID_PREFIX = 'tr-';
const TRACE_ID = /^tr-[0-9a-f]{32}$/;

/** Reserved trace metadata and tag keys the server reads or writes (spec §6.6). */
export const TRACE_KEYS = {
  modelId: 'mlflow.modelId',
  sourceRun: 'mlflow.sourceRun',
  infoFinalized: 'mlflow.trace.infoFinalized',
  traceName: 'mlflow.traceName',
  artifactLocation: 'mlflow.artifactLocation',
  spansLocation: 'mlflow.trace.spansLocation',
  /** JSON `{num_spans, total_size_bytes, ...}` the client records before StartTraceV3. */
  sizeStats: 'mlflow.trace.sizeStats',
} as const;

/** Reserved span attribute keys the server reads (spec §6.4). */
export const SPAN_KEYS = {
  inputs: 'mlflow.spanInputs',
  outputs: 'mlflow.spanOutputs',
  spanType: 'mlflow.spanType',
} as const;

/** Rejects a trace id that is not `tr-` + 32 lowercase hex digits. */
export function validateTraceId(id: string, field = 'traceId'): void {
  if (!TRACE_ID.test(id)) {
    throw new ValidationError(
      field,
      `Invalid trace id '${id}': expected 'tr-' followed by 32 lowercase hex digits.`,
    );
  }
}

/** MLflow's message for a trace that does not exist. */
export function traceNotFound(id: string): NotFoundError {
  return new NotFoundError('Trace', id, `Trace with ID '${id}' not found.`);
}
