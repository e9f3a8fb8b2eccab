import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { TraceInfoSchema } from './trace.entity.ts';

/**
 * A mutable tag of a trace. Single-tag writes (setTraceTag, deleteTraceTag) go through this
 * entity; ingest writes the table set-based (`trace-contents.sql.ts`).
 */
export const TraceTagSchema = defineEntity({
  name: 'TraceTag',
  tableName: 'trace_tags',
  properties: {
    traceId: p
      .manyToOne(TraceInfoSchema)
      .mapToPk()
      .fieldName('trace_id')
      .foreignKeyName('trace_tags_trace_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(8000),
  },
});

export type TraceTag = InferEntity<typeof TraceTagSchema>;
