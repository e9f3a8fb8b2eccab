import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { ExperimentSchema } from '../experiments/public.ts';

/** Trace states (MLflow `TraceInfoV3.State` without STATE_UNSPECIFIED, see trace-rules.ts). */
export const TRACE_STATES = ['OK', 'ERROR', 'IN_PROGRESS'] as const;
export type TraceState = (typeof TRACE_STATES)[number];

/**
 * An MLflow 3 trace's info: `tr-` + 32 hex, in an experiment. Times are ms; metadata (immutable)
 * is the plain table `trace_metadata`, tags (mutable) the entity `TraceTag` (trace-tag.entity.ts).
 */
export const TraceInfoSchema = defineEntity({
  name: 'TraceInfo',
  tableName: 'trace_info',
  // expression indexes compare by name only in schema diffs; the SQL is what a migration creates
  indexes: [
    {
      name: 'trace_info_experiment_time_index',
      expression: `create index trace_info_experiment_time_index on trace_info (experiment_id, request_time desc, trace_id)`,
    },
  ],
  properties: {
    traceId: p.string().length(50).primary(),
    experimentId: p
      .manyToOne(ExperimentSchema)
      .mapToPk()
      .fieldName('experiment_id')
      .foreignKeyName('trace_info_experiment_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action'),
    clientRequestId: p.string().length(250).nullable(),
    requestTime: p.bigint('number'),
    executionDuration: p.bigint('number').default(0),
    state: p.enum([...TRACE_STATES]),
    requestPreview: p.string().length(1000).nullable(),
    responsePreview: p.string().length(1000).nullable(),
  },
});

export type TraceInfo = InferEntity<typeof TraceInfoSchema>;
