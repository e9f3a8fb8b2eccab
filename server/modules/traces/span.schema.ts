import { builder } from '../../builder.ts';
import type { KeyValue } from '../params-tags/public.ts';
import type { SPAN_STATUS_CODES, Span, SpanEvent } from './span.entity.ts';
import { SPAN_KEYS } from './trace-rows.sql.ts';

export const SpanStatusCodeEnum = builder.enumType('SpanStatusCode', {
  description: 'OTel span status (`STATUS_CODE_*` on MLflow wires).',
  values: {
    UNSET: { description: 'No status was set (a finished root span with it makes an OK trace).' },
    OK: { description: 'The operation succeeded.' },
    ERROR: { description: 'The operation failed; see the status message and `exception` events.' },
  } satisfies Record<(typeof SPAN_STATUS_CODES)[number], { description: string }>,
});

const toAttributes = (attrs: Record<string, unknown>): KeyValue[] =>
  Object.entries(attrs)
    .map(([key, value]) => ({ key, value: JSON.stringify(value) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

const jsonOf = (attrs: Record<string, unknown>, key: string) =>
  key in attrs ? JSON.stringify(attrs[key]) : null;

export const SpanAttributeRef = builder.objectRef<KeyValue>('SpanAttribute').implement({
  description:
    'An attribute of a span or event. The value is JSON text, as MLflow encodes attribute values (a string keeps its quotes).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Attribute key, e.g. `mlflow.spanInputs`.' }),
    value: t.exposeString('value', { description: 'The value as JSON text.' }),
  }),
});

const SpanEventRef = builder.objectRef<SpanEvent>('SpanEvent').implement({
  description: 'A timestamped event of a span, e.g. `exception`.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Event name.' }),
    timeNs: t.exposeString('timeNs', {
      description: 'When it happened: nanoseconds since the epoch, as a decimal string.',
    }),
    attributes: t.field({
      type: [SpanAttributeRef],
      description: 'Event attributes, sorted by key (values as JSON text).',
      resolve: (e) => toAttributes(e.attributes),
    }),
  }),
});

export const SpanRef = builder.objectRef<Span>('Span').implement({
  description:
    'One operation of a trace (an OTel span). Spans form a tree through `parentSpanId`; the root has none.',
  fields: (t) => ({
    traceId: t.exposeString('traceId', { description: 'Id of the trace the span belongs to.' }),
    spanId: t.exposeString('spanId', { description: 'Span id: 16 lowercase hex characters.' }),
    parentSpanId: t.exposeString('parentSpanId', {
      nullable: true,
      description: 'Id of the parent span; null for the root span.',
    }),
    name: t.exposeString('name', { description: 'Span name.' }),
    spanType: t.exposeString('spanType', {
      description: 'Free-form span type: LLM, CHAIN, AGENT, TOOL, RETRIEVER, UNKNOWN...',
    }),
    startTimeNs: t.exposeString('startTimeNs', {
      description: 'Start: nanoseconds since the epoch, as a decimal string.',
    }),
    endTimeNs: t.exposeString('endTimeNs', {
      nullable: true,
      description: 'End: nanoseconds since the epoch, as a decimal string; null while running.',
    }),
    statusCode: t.field({
      type: SpanStatusCodeEnum,
      description: 'Status code.',
      resolve: (s) => s.statusCode,
    }),
    statusMessage: t.exposeString('statusMessage', {
      description: 'Status description (meaningful for ERROR); empty when none.',
    }),
    inputs: t.string({
      nullable: true,
      description: 'The span inputs as JSON text (attribute `mlflow.spanInputs`); null when none.',
      resolve: (s) => jsonOf(s.attributes, SPAN_KEYS.inputs),
    }),
    outputs: t.string({
      nullable: true,
      description:
        'The span outputs as JSON text (attribute `mlflow.spanOutputs`); null when none.',
      resolve: (s) => jsonOf(s.attributes, SPAN_KEYS.outputs),
    }),
    attributes: t.field({
      type: [SpanAttributeRef],
      description: 'All attributes, inputs and outputs included, sorted by key.',
      resolve: (s) => toAttributes(s.attributes),
    }),
    events: t.field({
      type: [SpanEventRef],
      description: 'Events in the order they were logged.',
      resolve: (s) => s.events,
    }),
  }),
});

const SpanAttributeInputRef = builder.inputType('SpanAttributeInput', {
  description: 'An attribute to log; the value is JSON text (MLflow encodes every value).',
  fields: (f) => ({
    key: f.string({ required: true, description: 'Attribute key.' }),
    value: f.string({
      required: true,
      description: 'The value as JSON text, e.g. `"\\"gpt-4\\""`.',
    }),
  }),
});

const SpanEventInputRef = builder.inputType('SpanEventInput', {
  description: 'An event of a span to log.',
  fields: (f) => ({
    name: f.string({ required: true, description: 'Event name, e.g. `exception`.' }),
    timeNs: f.string({
      required: true,
      description: 'Nanoseconds since the epoch, as a decimal string.',
    }),
    attributes: f.field({
      type: [SpanAttributeInputRef],
      description: 'Event attributes (values as JSON text).',
    }),
  }),
});

export const SpanInputRef = builder.inputType('SpanInput', {
  description: 'A span to log (OTel-like, ids in hex).',
  fields: (f) => ({
    spanId: f.string({ required: true, description: 'Span id: 16 lowercase hex characters.' }),
    parentSpanId: f.string({ description: 'Parent span id; absent for the root span.' }),
    name: f.string({ required: true, description: 'Span name (not empty).' }),
    spanType: f.string({
      description: 'Span type; default: the `mlflow.spanType` attribute, else UNKNOWN.',
    }),
    startTimeNs: f.string({
      required: true,
      description: 'Start: nanoseconds since the epoch, as a decimal string.',
    }),
    endTimeNs: f.string({
      description: 'End (not before the start), ns as a decimal string; absent while running.',
    }),
    statusCode: f.field({ type: SpanStatusCodeEnum, description: 'Status; default UNSET.' }),
    statusMessage: f.string({ description: 'Status description.' }),
    inputs: f.string({ description: 'Inputs as JSON text (stored as `mlflow.spanInputs`).' }),
    outputs: f.string({ description: 'Outputs as JSON text (stored as `mlflow.spanOutputs`).' }),
    attributes: f.field({
      type: [SpanAttributeInputRef],
      description: 'Attributes (values as JSON text).',
    }),
    events: f.field({ type: [SpanEventInputRef], description: 'Events.' }),
  }),
});
