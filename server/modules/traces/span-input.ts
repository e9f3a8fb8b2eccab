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

/** An attribute decoded from an OTLP export: the value as stored (a plain JSON value). */
export interface DecodedAttribute {
  key: string;
  value: unknown;
}

/** An event of a span to log (attributes `A`: JSON text, or decoded values). */
export interface SpanEventInput<A = SpanAttributeInput> {
  name: string;
  timeNs: string;
  attributes?: readonly A[] | null;
}

/** A span to log (attributes `A`: JSON text as the API sends them, or decoded values). */
export interface SpanInput<A = SpanAttributeInput> {
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
  attributes?: readonly A[] | null;
  events?: readonly SpanEventInput<A>[] | null;
}

/** A span decoded from an OTLP export: attribute values already decoded. */
export type DecodedSpanInput = SpanInput<DecodedAttribute>;

/** Turns an attribute's value into its stored value, checked (`field` names it on error). */
type ValueReader<A> = (a: A, field: () => string) => unknown;

const SPAN_ID = /^[0-9a-f]{16}$/;
const DIGITS = /^\d{1,19}$/;
/** 2^63 - 1, the largest int8, in decimal (19 digits). */
const MAX_NS = '9223372036854775807';
const DEFAULT_SPAN_TYPE = 'UNKNOWN';

/**
 * Nanoseconds since the epoch as a decimal string within int8, without leading zeros (compared as
 * strings: same length, then digit by digit).
 */
function nanos(value: string, field: () => string): string {
  if (!DIGITS.test(value) || (value.length === 19 && value > MAX_NS)) {
    const name = field();
    throw new ValidationError(
      name,
      `Invalid value '${value}' for '${name}': nanoseconds since the epoch as a decimal string.`,
    );
  }
  return value.length > 1 && value.charCodeAt(0) === 48 ? BigInt(value).toString() : value;
}

/** Whether decimal strings without leading zeros satisfy `a < b`. */
export function nsBefore(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}

function json(text: string, field: () => string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const name = field();
    throw new ValidationError(name, `'${name}' must be JSON text (MLflow encodes every value).`);
  }
  checkJsonValue(value, field);
  return value;
}

/** Attribute values sent as JSON text (the API's encoding). */
const jsonText: ValueReader<SpanAttributeInput> = (a, field) => json(a.value, field);

/** Attribute values decoded already (OTLP): only checked. */
const decodedValue: ValueReader<DecodedAttribute> = (a, field) => {
  checkJsonValue(a.value, field);
  return a.value;
};

function attributes<A extends { key: string }>(
  list: readonly A[] | null | undefined,
  field: string,
  read: ValueReader<A>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!list) return out;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    if (a.key === '') throw new ValidationError(`${field}[${i}].key`, 'Empty attribute key.');
    checkText(a.key, () => `${field}[${i}].key`);
    out[a.key] = read(a, () => `${field}[${i}].value`);
  }
  return out;
}

function spanId(id: string, field: () => string): string {
  if (!SPAN_ID.test(id)) {
    throw new ValidationError(
      field(),
      `Invalid span id '${id}': expected 16 lowercase hex digits.`,
    );
  }
  return id;
}

function normaliseSpan<A extends { key: string }>(
  s: SpanInput<A>,
  traceId: string,
  field: string,
  read: ValueReader<A>,
): Span {
  const start = nanos(s.startTimeNs, () => `${field}.startTimeNs`);
  const end = s.endTimeNs == null ? null : nanos(s.endTimeNs, () => `${field}.endTimeNs`);
  if (end !== null && nsBefore(end, start)) {
    throw new ValidationError(`${field}.endTimeNs`, 'A span cannot end before it starts.');
  }
  if (s.name === '') throw new ValidationError(`${field}.name`, 'A span needs a name.');
  checkText(s.name, () => `${field}.name`);
  if (s.statusMessage) checkText(s.statusMessage, () => `${field}.statusMessage`);
  const attrs = attributes(s.attributes, `${field}.attributes`, read);
  if (s.inputs != null) attrs[SPAN_KEYS.inputs] = json(s.inputs, () => `${field}.inputs`);
  if (s.outputs != null) attrs[SPAN_KEYS.outputs] = json(s.outputs, () => `${field}.outputs`);
  const typeAttr = attrs[SPAN_KEYS.spanType];
  const spanType = s.spanType || (typeof typeAttr === 'string' ? typeAttr : DEFAULT_SPAN_TYPE);
  if (spanType.length > 500) {
    throw new ValidationError(`${field}.spanType`, 'A span type has at most 500 characters.');
  }
  checkText(spanType, () => `${field}.spanType`);
  const events: SpanEvent[] = [];
  const eventList = s.events ?? [];
  for (let j = 0; j < eventList.length; j++) {
    const e = eventList[j]!;
    const at = `${field}.events[${j}]`;
    checkText(e.name, () => `${at}.name`);
    events.push({
      name: e.name,
      timeNs: nanos(e.timeNs, () => `${at}.timeNs`),
      attributes: attributes(e.attributes, `${at}.attributes`, read),
    });
  }
  return {
    traceId,
    spanId: spanId(s.spanId, () => `${field}.spanId`),
    parentSpanId: s.parentSpanId ? spanId(s.parentSpanId, () => `${field}.parentSpanId`) : null,
    name: s.name,
    spanType,
    startTimeNs: start,
    endTimeNs: end,
    statusCode: s.statusCode ?? 'UNSET',
    statusMessage: s.statusMessage ?? '',
    attributes: attrs,
    events,
  };
}

function normaliseWith<A extends { key: string }>(
  spans: readonly SpanInput<A>[],
  traceId: string,
  read: ValueReader<A>,
): Span[] {
  if (spans.length > LIMITS.maxSpansPerRequest) {
    throw new ValidationError(
      'spans',
      `At most ${LIMITS.maxSpansPerRequest} spans per request; got ${spans.length}.`,
    );
  }
  const seen = new Set<string>();
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = normaliseSpan(spans[i]!, traceId, `spans[${i}]`, read);
    if (seen.has(span.spanId)) {
      throw new ValidationError(`spans[${i}].spanId`, `Span ${span.spanId} is given twice.`);
    }
    seen.add(span.spanId);
    out.push(span);
  }
  return out;
}

/**
 * Validates spans of one trace: ids (16 hex, unique in the call), ns times as decimal strings
 * (end not before start), attribute values as JSON text; inputs and outputs become the
 * `mlflow.spanInputs`/`mlflow.spanOutputs` attributes; the type defaults to the `mlflow.spanType`
 * attribute, else `UNKNOWN`. At most 1000 spans per call.
 */
export function normaliseSpans(spans: readonly SpanInput[], traceId: string): Span[] {
  return normaliseWith(spans, traceId, jsonText);
}

/** {@link normaliseSpans} for spans whose attribute values are decoded already (OTLP). */
export function normaliseDecodedSpans(spans: readonly DecodedSpanInput[], traceId: string): Span[] {
  return normaliseWith(spans, traceId, decodedValue);
}

/** The root span (no parent) among `spans`, if any. */
export function rootOf<S extends { parentSpanId: string | null }>(spans: readonly S[]): S | null {
  return spans.find((s) => s.parentSpanId === null) ?? null;
}
