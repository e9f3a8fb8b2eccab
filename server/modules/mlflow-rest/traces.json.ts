import type { Config } from '../../config.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import type { Assessment } from '../assessments/public.ts';
import type { KeyValue } from '../params-tags/public.ts';
import { type Span, TRACE_ID_PREFIX, TRACE_KEYS, type TraceInfo } from '../traces/public.ts';
import { PROXY_SCHEME } from './entities.json.ts';
import { compact } from './wire.ts';

/** A `google.protobuf.Timestamp` as proto JSON (RFC 3339, UTC, ms). */
export function timestampJson(ms: number): string {
  return new Date(ms).toISOString();
}

/** A `google.protobuf.Duration` of whole ms as proto JSON (`"1.250s"`). */
export function durationJson(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/i;

/** Reads a proto JSON Timestamp to ms since the epoch (sub-ms digits dropped). */
export function parseTimestamp(v: unknown, field: string): number {
  const m = typeof v === 'string' ? RFC3339.exec(v) : null;
  const base = m ? Date.parse(`${m[1]}${m[3]!.toUpperCase()}`) : Number.NaN;
  if (!m || Number.isNaN(base)) {
    throw new ValidationError(field, `Invalid timestamp ${JSON.stringify(v)} for '${field}'.`);
  }
  return base + Number((m[2] ?? '').padEnd(3, '0').slice(0, 3));
}

/** Reads a proto JSON Duration (`"1.25s"`) to whole ms. */
export function parseDuration(v: unknown, field: string): number {
  const m = typeof v === 'string' ? /^(\d{1,12})(?:\.(\d{1,9}))?s$/.exec(v) : null;
  if (!m) throw new ValidationError(field, `Invalid duration ${JSON.stringify(v)} for '${field}'.`);
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0').slice(0, 3));
}

const mapOf = (list: readonly KeyValue[]) =>
  list.length ? Object.fromEntries(list.map((kv) => [kv.key, kv.value])) : undefined;

/** A stored expectation value as MLflow writes it: primitives as `value`, others serialized. */
function expectationJson(value: unknown) {
  return value === null || typeof value !== 'object'
    ? { value }
    : { serialized_value: { serialization_format: 'JSON_FORMAT', value: JSON.stringify(value) } };
}

/** MLflow's `Assessment` message. */
export function assessmentJson(a: Assessment) {
  const error = a.error
    ? compact({
        error_code: a.error.errorCode,
        error_message: a.error.errorMessage,
        stack_trace: a.error.stackTrace,
      })
    : undefined;
  return compact({
    assessment_id: a.assessmentId,
    assessment_name: a.name,
    trace_id: a.traceId,
    span_id: a.spanId,
    source: { source_type: a.sourceType, source_id: a.sourceId },
    create_time: timestampJson(a.createTime),
    last_update_time: timestampJson(a.lastUpdateTime),
    feedback: a.kind === 'feedback' ? compact({ value: a.value, error }) : undefined,
    expectation: a.kind === 'expectation' ? expectationJson(a.value) : undefined,
    rationale: a.rationale,
    metadata: Object.keys(a.metadata).length ? a.metadata : undefined,
    overrides: a.overrides,
    valid: a.valid,
  });
}

/** What a trace info message needs beside the row: metadata, tags and assessments. */
interface TraceExtras {
  metadata: KeyValue[];
  tags: KeyValue[];
  assessments: Assessment[];
}

/**
 * Tags as clients see them: an artifact location under the server's default root is shown
 * proxied (`mlflow-artifacts:/<exp>/traces/<id>/artifacts`), as experiments' locations are, so
 * clients upload `traces.json` through the server.
 */
function clientTags(t: TraceInfo, tags: KeyValue[], config: Pick<Config, 'artifactRoot'>) {
  const own = `${config.artifactRoot.replace(/\/+$/, '')}/${t.experimentId}/`;
  return tags.map((kv) =>
    kv.key === TRACE_KEYS.artifactLocation && kv.value.startsWith(own)
      ? { key: kv.key, value: `${PROXY_SCHEME}/${t.experimentId}/${kv.value.slice(own.length)}` }
      : kv,
  );
}

/** Loads the metadata, tags and assessments of traces (3 queries). */
export async function traceExtras(
  services: Services,
  config: Pick<Config, 'artifactRoot'>,
  infos: readonly TraceInfo[],
): Promise<TraceExtras[]> {
  const ids = infos.map((t) => t.traceId);
  if (ids.length === 0) return [];
  const [metadata, tags, assessments] = await Promise.all([
    services.traceReads.metadataByTraceIds(ids),
    services.traceReads.tagsByTraceIds(ids),
    services.assessments.byTraceIds(ids),
  ]);
  return infos.map((t, i) => ({
    metadata: metadata[i]!,
    tags: clientTags(t, tags[i]!, config),
    assessments: assessments[i]!,
  }));
}

/** MLflow's `TraceInfoV3` message. */
export function traceInfoV3Json(t: TraceInfo, x: TraceExtras) {
  return compact({
    trace_id: t.traceId,
    client_request_id: t.clientRequestId,
    trace_location: {
      type: 'MLFLOW_EXPERIMENT',
      mlflow_experiment: { experiment_id: String(t.experimentId) },
    },
    request_preview: t.requestPreview,
    response_preview: t.responsePreview,
    request_time: timestampJson(t.requestTime),
    execution_duration: durationJson(t.executionDuration),
    state: t.state,
    trace_metadata: mapOf(x.metadata),
    assessments: x.assessments.map(assessmentJson),
    tags: mapOf(x.tags),
  });
}

/** MLflow's deprecated v2 `TraceInfo` message. */
export function traceInfoV2Json(t: TraceInfo, x: TraceExtras) {
  return compact({
    request_id: t.traceId,
    experiment_id: String(t.experimentId),
    timestamp_ms: t.requestTime,
    execution_time_ms: t.executionDuration,
    status: t.state,
    request_metadata: x.metadata.map((kv) => ({ key: kv.key, value: kv.value })),
    tags: x.tags.map((kv) => ({ key: kv.key, value: kv.value })),
  });
}

/** An OTLP `AnyValue` of a decoded attribute value (proto JSON, snake_case). */
function anyValueJson(v: unknown): Record<string, unknown> {
  if (v === null || v === undefined) return {};
  if (typeof v === 'string') return { string_value: v };
  if (typeof v === 'boolean') return { bool_value: v };
  if (typeof v === 'number') {
    return Number.isInteger(v) ? { int_value: v } : { double_value: v };
  }
  if (Array.isArray(v)) return { array_value: { values: v.map(anyValueJson) } };
  if (typeof v === 'object') {
    return { kvlist_value: { values: keyValuesJson(v as Record<string, unknown>) } };
  }
  return { string_value: String(v) };
}

function keyValuesJson(attrs: Record<string, unknown>) {
  return Object.entries(attrs).map(([key, value]) => ({ key, value: anyValueJson(value) }));
}

const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/**
 * A stored span as an OTLP `Span` in proto JSON (`Trace.spans`): ids base64, attribute values
 * decoded (MLflow's reader JSON-encodes them again), ns as decimal strings (exact).
 */
export function spanOtlpJson(s: Span) {
  return compact({
    trace_id: b64(s.traceId.slice(TRACE_ID_PREFIX.length)),
    span_id: b64(s.spanId),
    parent_span_id: s.parentSpanId ? b64(s.parentSpanId) : undefined,
    name: s.name,
    start_time_unix_nano: s.startTimeNs,
    end_time_unix_nano: s.endTimeNs,
    attributes: keyValuesJson(s.attributes),
    events: s.events.map((e) =>
      compact({ time_unix_nano: e.timeNs, name: e.name, attributes: keyValuesJson(e.attributes) }),
    ),
    status: compact({ code: `STATUS_CODE_${s.statusCode}`, message: s.statusMessage || undefined }),
  });
}
