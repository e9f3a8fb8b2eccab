import { ValidationError } from '../../shared/errors.ts';
import { withGenAiAttributes } from './otel-genai.ts';
import type { SpanStatusCode } from './span.entity.ts';
import type { DecodedAttribute, DecodedSpanInput, SpanEventInput } from './span-input.ts';
import { MAX_VALUE_DEPTH } from './span-values.ts';
import { TRACE_ID_PREFIX } from './trace-rows.sql.ts';

/** The request body is not an OTLP export at all (as opposed to a span that cannot be stored). */
export class OtlpShapeError extends Error {
  override readonly name = 'OtlpShapeError';
}

/** The spans of one trace found in an OTLP export. */
export interface OtlpTrace {
  traceId: string;
  spans: DecodedSpanInput[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const HEX_TRACE_ID = /^[0-9a-fA-F]{32}$/;
const HEX_SPAN_ID = /^[0-9a-fA-F]{16}$/;
const DECIMAL = /^-?\d+$/;

/** OTLP JSON status codes: the enum number, or its proto name (ProtoJSON accepts both). */
const STATUS_CODES: Record<string, SpanStatusCode> = {
  0: 'UNSET',
  1: 'OK',
  2: 'ERROR',
  STATUS_CODE_UNSET: 'UNSET',
  STATUS_CODE_OK: 'OK',
  STATUS_CODE_ERROR: 'ERROR',
};

function list(v: unknown, field: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ValidationError(field, `'${field}' must be an array.`);
  return v;
}

/** A fixed64 nanosecond time: a decimal string, or a JSON number (exact below 2^53). */
function nanos(v: unknown, field: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return BigInt(v).toString();
  // leading zeros dropped (BigInt only then: most times have none)
  if (typeof v === 'string' && /^\d+$/.test(v)) return v[0] === '0' ? BigInt(v).toString() : v;
  throw new ValidationError(field, `'${field}' must be nanoseconds as a decimal string or number.`);
}

/**
 * Decodes an OTLP `AnyValue` to a plain JSON value: ints become numbers when exact (else decimal
 * strings), non-finite doubles and bytes (base64) stay strings, arrays and kvlists nest.
 */
function anyValue(v: unknown, field: string, depth = 0): unknown {
  if (!isObject(v)) return null;
  if (depth > MAX_VALUE_DEPTH) {
    throw new OtlpShapeError(
      `'${field}' nests arrays or key-value lists deeper than ${MAX_VALUE_DEPTH} levels.`,
    );
  }
  if ('stringValue' in v) return String(v.stringValue ?? '');
  if ('boolValue' in v) return v.boolValue === true || v.boolValue === 'true';
  if ('intValue' in v) {
    const raw = v.intValue;
    if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
    if (typeof raw === 'string' && DECIMAL.test(raw)) {
      const n = Number(raw);
      return Number.isSafeInteger(n) ? n : raw;
    }
    throw new ValidationError(field, `'${field}.intValue' must be an integer.`);
  }
  if ('doubleValue' in v) {
    const n = Number(v.doubleValue);
    return Number.isFinite(n) ? n : String(v.doubleValue);
  }
  if ('arrayValue' in v) {
    const values = isObject(v.arrayValue) ? v.arrayValue.values : undefined;
    return list(values, `${field}.arrayValue.values`).map((x, i) =>
      anyValue(x, `${field}.arrayValue.values[${i}]`, depth + 1),
    );
  }
  if ('kvlistValue' in v) {
    const values = isObject(v.kvlistValue) ? v.kvlistValue.values : undefined;
    return Object.fromEntries(keyValues(values, `${field}.kvlistValue.values`, depth + 1));
  }
  if ('bytesValue' in v) return String(v.bytesValue ?? '');
  return null;
}

function keyValues(v: unknown, field: string, depth = 0): [string, unknown][] {
  return list(v, field).map((kv, i) => {
    if (!isObject(kv) || typeof kv.key !== 'string') {
      throw new ValidationError(`${field}[${i}]`, `'${field}[${i}]' must be {key, value}.`);
    }
    return [kv.key, anyValue(kv.value, `${field}[${i}].value`, depth)];
  });
}

/** Characters a JSON text may start with (after whitespace): an object, array, string, number or literal. */
const JSON_START = /^[\s]*[{["\-0-9tfn]/;

/**
 * An OTLP attribute with its stored value.
 *
 * @remarks A string value holding JSON is stored decoded, as MLflow reads its attributes (its SDK
 * writes every attribute as JSON text: `mlflow.spanInputs`, `mlflow.spanType`...); any other
 * string stays a string. So `"42"` becomes the number 42, as it does in MLflow. Only a
 * `stringValue` may hold JSON text: an int64 as a decimal string stays exact.
 */
export function storedAttribute(key: string, value: unknown, isString: boolean): DecodedAttribute {
  // a string that cannot start a JSON text is not parsed (a failed parse costs an exception)
  if (isString && typeof value === 'string' && JSON_START.test(value)) {
    try {
      return { key, value: JSON.parse(value) as unknown };
    } catch {
      // a plain string
    }
  }
  return { key, value };
}

/** OTLP attributes with their stored values (see {@link storedAttribute}). */
function attributes(v: unknown, field: string): DecodedAttribute[] {
  const items = list(v, field);
  return keyValues(items, field).map(([key, value], i) => {
    const raw = (items[i] as Json).value;
    return storedAttribute(key, value, isObject(raw) && 'stringValue' in raw);
  });
}

function hexId(v: unknown, pattern: RegExp, field: string): string {
  if (typeof v !== 'string' || !pattern.test(v) || /^0+$/.test(v)) {
    throw new ValidationError(
      field,
      `Invalid '${field}' ${JSON.stringify(v)}: expected ${pattern === HEX_TRACE_ID ? 32 : 16} hex digits, not all zero.`,
    );
  }
  return v.toLowerCase();
}

function statusOf(v: unknown, field: string): { code: SpanStatusCode; message: string } {
  if (!isObject(v)) return { code: 'UNSET', message: '' };
  const code = STATUS_CODES[String(v.code ?? 0)];
  if (!code) throw new ValidationError(`${field}.code`, `Unknown status code ${String(v.code)}.`);
  return { code, message: typeof v.message === 'string' ? v.message : '' };
}

function eventOf(e: unknown, field: string): SpanEventInput<DecodedAttribute> {
  if (!isObject(e)) throw new ValidationError(field, `'${field}' must be an object.`);
  return {
    name: typeof e.name === 'string' ? e.name : '',
    timeNs: nanos(e.timeUnixNano, `${field}.timeUnixNano`) ?? '0',
    attributes: attributes(e.attributes, `${field}.attributes`),
  };
}

function spanOf(s: unknown, field: string): { traceId: string; span: DecodedSpanInput } {
  if (!isObject(s)) throw new ValidationError(field, `'${field}' must be an object.`);
  const status = statusOf(s.status, `${field}.status`);
  const start = nanos(s.startTimeUnixNano, `${field}.startTimeUnixNano`);
  if (start === null) {
    throw new ValidationError(`${field}.startTimeUnixNano`, 'A span needs a start time.');
  }
  const end = nanos(s.endTimeUnixNano, `${field}.endTimeUnixNano`);
  const parent = s.parentSpanId;
  return {
    traceId: `${TRACE_ID_PREFIX}${hexId(s.traceId, HEX_TRACE_ID, `${field}.traceId`)}`,
    span: {
      spanId: hexId(s.spanId, HEX_SPAN_ID, `${field}.spanId`),
      parentSpanId:
        parent === undefined || parent === null || parent === ''
          ? null
          : hexId(parent, HEX_SPAN_ID, `${field}.parentSpanId`),
      name: typeof s.name === 'string' ? s.name : '',
      startTimeNs: start,
      // an end of 0 is proto3's "unset": the span is still running
      endTimeNs: end === null || end === '0' ? null : end,
      statusCode: status.code,
      statusMessage: status.message,
      attributes: attributes(s.attributes, `${field}.attributes`),
      events: list(s.events, `${field}.events`).map((e, i) => eventOf(e, `${field}.events[${i}]`)),
    },
  };
}

/**
 * Reads an OTLP/JSON `ExportTraceServiceRequest` (resourceSpans → scopeSpans → spans) into the
 * spans of each trace, in first-seen order; trace ids become `tr-` + the lowercased hex id.
 *
 * @remarks Throws {@link OtlpShapeError} when the body is not an export or holds no span, and
 * {@link ValidationError} (naming the field) when a span cannot be converted. Resource and scope
 * attributes, span kind, links and trace state are not stored.
 */
export function tracesOfExport(body: unknown): OtlpTrace[] {
  if (!isObject(body) || !Array.isArray(body.resourceSpans)) {
    throw new OtlpShapeError(
      'The body is not an OTLP ExportTraceServiceRequest: no resourceSpans.',
    );
  }
  const spans: { traceId: string; span: DecodedSpanInput }[] = [];
  body.resourceSpans.forEach((rs, r) => {
    const scopes = isObject(rs) ? rs.scopeSpans : undefined;
    list(scopes, `resourceSpans[${r}].scopeSpans`).forEach((ss, s) => {
      const items = isObject(ss) ? ss.spans : undefined;
      const field = `resourceSpans[${r}].scopeSpans[${s}].spans`;
      list(items, field).forEach((raw, i) => {
        spans.push(spanOf(raw, `${field}[${i}]`));
      });
    });
  });
  return tracesOfSpans(spans);
}

/**
 * Groups decoded spans by trace, in first-seen order, adding MLflow's attributes to spans that
 * follow the OpenTelemetry GenAI conventions ({@link withGenAiAttributes}); throws
 * {@link OtlpShapeError} when there is none.
 */
export function tracesOfSpans(
  spans: readonly { traceId: string; span: DecodedSpanInput }[],
): OtlpTrace[] {
  const byTrace = new Map<string, DecodedSpanInput[]>();
  for (const decoded of spans) {
    const { traceId } = decoded;
    const span = withGenAiAttributes(decoded.span);
    const group = byTrace.get(traceId);
    if (group) group.push(span);
    else byTrace.set(traceId, [span]);
  }
  if (byTrace.size === 0) throw new OtlpShapeError('The export holds no spans.');
  return [...byTrace].map(([traceId, list]) => ({ traceId, spans: list }));
}
