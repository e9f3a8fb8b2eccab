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
 *
 * @remarks The relation to the trace has no foreign key in the database: span writes only write
 * spans of traces they created or row-locked, and a trigger on `trace_info` deletes the spans of
 * deleted traces (Migration20261207400000).
 */
export const SpanSchema = defineEntity({
  name: 'Span',
  tableName: 'spans',
  properties: {
    traceId: p
      .manyToOne(TraceInfoSchema)
      .mapToPk()
      .fieldName('trace_id')
      .createForeignKeyConstraint(false)
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
