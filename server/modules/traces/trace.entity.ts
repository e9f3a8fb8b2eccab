import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** Trace states (MLflow `TraceInfoV3.State` without STATE_UNSPECIFIED, see trace-rules.ts). */
export const TRACE_STATES = ['OK', 'ERROR', 'IN_PROGRESS'] as const;
export type TraceState = (typeof TRACE_STATES)[number];

/**
 * An MLflow 3 trace's info: `tr-` + 32 hex, in an experiment. Times are ms; metadata (immutable)
 * and tags (mutable) are plain tables `trace_metadata` and `trace_tags`.
 */
export const TraceInfoSchema = defineEntity({
  name: 'TraceInfo',
  tableName: 'trace_info',
  properties: {
    traceId: p.string().length(50).primary(),
    experimentId: p.bigint('number'),
    clientRequestId: p.string().length(250).nullable(),
    requestTime: p.bigint('number'),
    executionDuration: p.bigint('number'),
    state: p.enum([...TRACE_STATES]),
    requestPreview: p.string().length(1000).nullable(),
    responsePreview: p.string().length(1000).nullable(),
  },
});

export type TraceInfo = InferEntity<typeof TraceInfoSchema>;
