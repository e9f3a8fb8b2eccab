import { defineEntity, p } from '@mikro-orm/core';
import { TraceInfoSchema } from './trace.entity.ts';

/** OTel span status codes. */
export const SPAN_STATUS_CODES = ['UNSET', 'OK', 'ERROR'] as const;
export type SpanStatusCode = (typeof SPAN_STATUS_CODES)[number];

/** An event of a span (OTel): attribute values are plain JSON values. */
export interface SpanEvent {
  name: string;
  /** Nanoseconds since the epoch, as a decimal string (beyond JS's exact integers). */
  timeNs: string;
  attributes: Record<string, unknown>;
}

/**
 * A span of a trace. Times are int8 nanoseconds read as decimal strings; `attributes` hold the
 * decoded value of each MLflow attribute (`mlflow.spanInputs`, ...).
 */
export const SpanSchema = defineEntity({
  name: 'Span',
  tableName: 'spans',
  // expression indexes compare by name only in schema diffs; the SQL is what a migration creates
  indexes: [
    {
      name: 'spans_trace_start_index',
      expression: `create index spans_trace_start_index on spans (trace_id, start_time_ns)`,
    },
  ],
  properties: {
    traceId: p
      .manyToOne(TraceInfoSchema)
      .mapToPk()
      .fieldName('trace_id')
      .foreignKeyName('spans_trace_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    spanId: p.string().length(16).primary(),
    parentSpanId: p.string().length(16).nullable(),
    name: p.text(),
    spanType: p.string().length(500),
    startTimeNs: p.bigint('string'),
    endTimeNs: p.bigint('string').nullable(),
    statusCode: p.enum([...SPAN_STATUS_CODES]),
    statusMessage: p.text().default(''),
    attributes: p.json<Record<string, unknown>>().default('{}'),
    events: p.json<SpanEvent[]>().default('[]'),
  },
});

/** A span as the service reads and writes it (the row shape, ns as decimal strings). */
export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  spanType: string;
  startTimeNs: string;
  endTimeNs: string | null;
  statusCode: SpanStatusCode;
  statusMessage: string;
  attributes: Record<string, unknown>;
  events: SpanEvent[];
}
