import { ValidationError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { checkText } from '../../shared/validation.ts';
import type { Span, SpanEvent, SpanStatusCode } from './span.entity.ts';
import { checkJsonValue } from './span-values.ts';
import { SPAN_KEYS } from './trace-rows.sql.ts';

/** An attribute as the API carries it: the value is JSON text (MLflow's attribute encoding). */
export interface SpanAttributeInput {
  key: string;
  value: string;
}

/** An event of a span to log. */
export interface SpanEventInput {
  name: string;
  timeNs: string;
  attributes?: readonly SpanAttributeInput[] | null;
}

/** A span to log. */
export interface SpanInput {
  spanId: string;
  parentSpanId?: string | null;
  name: string;
  spanType?: string | null;
  startTimeNs: string;
  endTimeNs?: string | null;
  statusCode?: SpanStatusCode | null;
  statusMessage?: string | null;
  inputs?: string | null;
  outputs?: string | null;
  attributes?: readonly SpanAttributeInput[] | null;
  events?: readonly SpanEventInput[] | null;
}

const SPAN_ID = /^[0-9a-f]{16}$/;
const MAX_NS = 2n ** 63n - 1n;
const DEFAULT_SPAN_TYPE = 'UNKNOWN';

function nanos(value: string, field: string): bigint {
  if (!/^\d{1,19}$/.test(value) || BigInt(value) > MAX_NS) {
    throw new ValidationError(
      field,
      `Invalid value '${value}' for '${field}': nanoseconds since the epoch as a decimal string.`,
    );
  }
  return BigInt(value);
}

function json(text: string, field: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError(field, `'${field}' must be JSON text (MLflow encodes every value).`);
  }
  checkJsonValue(value, field);
  return value;
}

function attributes(
  list: readonly SpanAttributeInput[] | null | undefined,
  field: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  (list ?? []).forEach((a, i) => {
    if (a.key === '') throw new ValidationError(`${field}[${i}].key`, 'Empty attribute key.');
    checkText(a.key, `${field}[${i}].key`);
    out[a.key] = json(a.value, `${field}[${i}].value`);
  });
  return out;
}

function eventName(name: string, field: string): string {
  checkText(name, field);
  return name;
}

function spanId(id: string, field: string): string {
  if (!SPAN_ID.test(id)) {
    throw new ValidationError(field, `Invalid span id '${id}': expected 16 lowercase hex digits.`);
  }
  return id;
}

function normaliseSpan(s: SpanInput, traceId: string, field: string): Span {
  const start = nanos(s.startTimeNs, `${field}.startTimeNs`);
  if (s.endTimeNs != null && nanos(s.endTimeNs, `${field}.endTimeNs`) < start) {
    throw new ValidationError(`${field}.endTimeNs`, 'A span cannot end before it starts.');
  }
  if (s.name === '') throw new ValidationError(`${field}.name`, 'A span needs a name.');
  checkText(s.name, `${field}.name`);
  if (s.statusMessage) checkText(s.statusMessage, `${field}.statusMessage`);
  const attrs = attributes(s.attributes, `${field}.attributes`);
  if (s.inputs != null) attrs[SPAN_KEYS.inputs] = json(s.inputs, `${field}.inputs`);
  if (s.outputs != null) attrs[SPAN_KEYS.outputs] = json(s.outputs, `${field}.outputs`);
  const typeAttr = attrs[SPAN_KEYS.spanType];
  const spanType = s.spanType || (typeof typeAttr === 'string' ? typeAttr : DEFAULT_SPAN_TYPE);
  if (spanType.length > 500) {
    throw new ValidationError(`${field}.spanType`, 'A span type has at most 500 characters.');
  }
  checkText(spanType, `${field}.spanType`);
  const events: SpanEvent[] = (s.events ?? []).map((e, j) => ({
    name: eventName(e.name, `${field}.events[${j}].name`),
    timeNs: nanos(e.timeNs, `${field}.events[${j}].timeNs`).toString(),
    attributes: attributes(e.attributes, `${field}.events[${j}].attributes`),
  }));
  return {
    traceId,
    spanId: spanId(s.spanId, `${field}.spanId`),
    parentSpanId: s.parentSpanId ? spanId(s.parentSpanId, `${field}.parentSpanId`) : null,
    name: s.name,
    spanType,
    startTimeNs: start.toString(),
    endTimeNs: s.endTimeNs ?? null,
    statusCode: s.statusCode ?? 'UNSET',
    statusMessage: s.statusMessage ?? '',
    attributes: attrs,
    events,
  };
}

/**
 * Validates spans of one trace: ids (16 hex, unique in the call), ns times as decimal strings
 * (end not before start), attribute values as JSON text; inputs and outputs become the
 * `mlflow.spanInputs`/`mlflow.spanOutputs` attributes; the type defaults to the `mlflow.spanType`
 * attribute, else `UNKNOWN`. At most 1000 spans per call.
 */
export function normaliseSpans(spans: readonly SpanInput[], traceId: string): Span[] {
  if (spans.length > LIMITS.maxSpansPerRequest) {
    throw new ValidationError(
      'spans',
      `At most ${LIMITS.maxSpansPerRequest} spans per request; got ${spans.length}.`,
    );
  }
  const seen = new Set<string>();
  return spans.map((s, i) => {
    const span = normaliseSpan(s, traceId, `spans[${i}]`);
    if (seen.has(span.spanId)) {
      throw new ValidationError(`spans[${i}].spanId`, `Span ${span.spanId} is given twice.`);
    }
    seen.add(span.spanId);
    return span;
  });
}

/** The root span (no parent) among `spans`, if any. */
export function rootOf<S extends { parentSpanId: string | null }>(spans: readonly S[]): S | null {
  return spans.find((s) => s.parentSpanId === null) ?? null;
}
