import { ValidationError } from '../../shared/errors.ts';
import type { Span, SpanStatusCode } from './span.entity.ts';
import type { SpanAttributeInput, SpanInput } from './span-input.ts';
import { TRACE_ID_PREFIX } from './trace-rows.sql.ts';

/** The name of a trace's span data file under its artifact location (MLflow's `traces.json`). */
export const TRACE_DATA_FILE = 'traces.json';

/** The span attribute naming the trace (`mlflow.traceRequestId`), which MLflow's reader requires. */
const REQUEST_ID_KEY = 'mlflow.traceRequestId';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/** An id of a span dict: base64 of the raw bytes (3.x), or hex, with or without `0x` (2.x, 3.5). */
function hexOf(v: unknown, bytes: number, field: string): string {
  if (typeof v === 'string') {
    const hex = v.replace(/^0x/i, '').replace(/^tr-/, '').toLowerCase();
    if (new RegExp(`^[0-9a-f]{${bytes * 2}}$`).test(hex)) return hex;
    const raw = Buffer.from(v, 'base64');
    if (raw.length === bytes && raw.toString('base64') === v) return raw.toString('hex');
  }
  throw new ValidationError(field, `Invalid id ${JSON.stringify(v)} in '${field}'.`);
}

function nanos(v: unknown, field: string): string {
  if (typeof v === 'string' && /^\d{1,19}$/.test(v)) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  throw new ValidationError(field, `'${field}' must be nanoseconds since the epoch.`);
}

const STATUS: Record<string, SpanStatusCode> = {
  STATUS_CODE_UNSET: 'UNSET',
  STATUS_CODE_OK: 'OK',
  STATUS_CODE_ERROR: 'ERROR',
  UNSET: 'UNSET',
  OK: 'OK',
  ERROR: 'ERROR',
};

function status(v: unknown, field: string): SpanStatusCode {
  const code = STATUS[String(v ?? 'UNSET')];
  if (!code) throw new ValidationError(field, `Unknown span status ${JSON.stringify(v)}.`);
  return code;
}

/** Span attributes of a file: values are JSON text already (a non-string is encoded). */
function attributes(v: unknown, field: string, encoded: boolean): SpanAttributeInput[] {
  if (v === undefined || v === null) return [];
  if (!isObject(v)) throw new ValidationError(field, `'${field}' must be an object.`);
  return Object.entries(v)
    .filter(([key]) => key !== REQUEST_ID_KEY)
    .map(([key, value]) => ({
      key,
      value: encoded && typeof value === 'string' ? value : JSON.stringify(value),
    }));
}

function spanOf(s: unknown, field: string): { traceHex: string; span: SpanInput } {
  if (!isObject(s)) throw new ValidationError(field, `'${field}' must be an object.`);
  // 2.x files: context {trace_id, span_id}, parent_id, start_time, status_code
  const v2 = isObject(s.context);
  const ctx = v2 ? (s.context as Json) : s;
  const parent = v2 ? s.parent_id : s.parent_span_id;
  const events = Array.isArray(s.events) ? s.events : [];
  const st = isObject(s.status) ? s.status : {};
  const end = v2 ? s.end_time : s.end_time_unix_nano;
  return {
    traceHex: hexOf(ctx.trace_id, 16, `${field}.trace_id`),
    span: {
      spanId: hexOf(ctx.span_id, 8, `${field}.span_id`),
      parentSpanId: parent ? hexOf(parent, 8, `${field}.parent_span_id`) : null,
      name: typeof s.name === 'string' ? s.name : '',
      startTimeNs: nanos(
        v2 ? s.start_time : s.start_time_unix_nano,
        `${field}.start_time_unix_nano`,
      ),
      endTimeNs: end == null ? null : nanos(end, `${field}.end_time_unix_nano`),
      statusCode: status(v2 ? s.status_code : st.code, `${field}.status.code`),
      statusMessage: String((v2 ? s.status_message : st.message) ?? ''),
      attributes: attributes(s.attributes, `${field}.attributes`, true),
      events: events.map((e: unknown, j) => {
        const ev = isObject(e) ? e : {};
        return {
          name: typeof ev.name === 'string' ? ev.name : '',
          timeNs: nanos(v2 ? ev.timestamp : ev.time_unix_nano, `${field}.events[${j}].time`),
          attributes: attributes(ev.attributes, `${field}.events[${j}].attributes`, false),
        };
      }),
    },
  };
}

/** Quotes the integer nanosecond fields so JSON.parse keeps every digit. */
function quoteNanos(text: string): string {
  return text.replace(
    /(?<!\\)"(start_time_unix_nano|end_time_unix_nano|time_unix_nano|start_time|end_time|timestamp)"\s*:\s*(\d+)/g,
    '"$1":"$2"',
  );
}

/**
 * Reads MLflow's `traces.json` (`{"spans": [span dict...]}`, 3.x or 2.x span dicts) into spans
 * of `traceId`; a span of another trace is refused.
 */
export function spansOfTraceDataFile(text: string, traceId: string): SpanInput[] {
  let doc: unknown;
  try {
    doc = JSON.parse(quoteNanos(text));
  } catch {
    throw new ValidationError('traces.json', 'The trace data file is not valid JSON.');
  }
  if (!isObject(doc) || !Array.isArray(doc.spans)) {
    throw new ValidationError('traces.json', "The trace data file needs a 'spans' array.");
  }
  return doc.spans.map((s, i) => {
    const { traceHex, span } = spanOf(s, `spans[${i}]`);
    if (`${TRACE_ID_PREFIX}${traceHex}` !== traceId) {
      throw new ValidationError(`spans[${i}].trace_id`, `The span is not of trace ${traceId}.`);
    }
    return span;
  });
}

/**
 * MLflow's `traces.json` for stored spans: span dicts with base64 ids, JSON-text attribute values
 * (with `mlflow.traceRequestId`, which MLflow's reader requires), OTel status names. Nanosecond
 * times are decimal strings (exact; MLflow's reader takes them with `int()`).
 */
export function traceDataFile(traceId: string, spans: readonly Span[]): string {
  const traceB64 = b64(traceId.slice(TRACE_ID_PREFIX.length));
  const requestId = JSON.stringify(traceId);
  return JSON.stringify({
    spans: spans.map((s) => ({
      trace_id: traceB64,
      span_id: b64(s.spanId),
      parent_span_id: s.parentSpanId ? b64(s.parentSpanId) : null,
      name: s.name,
      start_time_unix_nano: s.startTimeNs,
      end_time_unix_nano: s.endTimeNs,
      events: s.events.map((e) => ({
        name: e.name,
        time_unix_nano: e.timeNs,
        attributes: e.attributes,
      })),
      status: { code: `STATUS_CODE_${s.statusCode}`, message: s.statusMessage },
      attributes: {
        [REQUEST_ID_KEY]: requestId,
        ...Object.fromEntries(Object.entries(s.attributes).map(([k, v]) => [k, JSON.stringify(v)])),
      },
    })),
  });
}
