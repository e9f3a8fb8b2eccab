import { builder } from '../../builder.ts';
import type { Context } from '../../shared/request-context.ts';
import { ExperimentRef } from '../experiments/public.ts';
import { type KeyValue, TagRef } from '../params-tags/public.ts';
import { SpanRef } from './span.schema.ts';
import type { TRACE_STATES, TraceInfo } from './trace.entity.ts';

export const TraceStateEnum = builder.enumType('TraceState', {
  description: 'State of a trace (MLflow `TraceInfoV3.State`).',
  values: {
    OK: { description: 'The root span ended without error.' },
    ERROR: { description: 'The root span ended with an error.' },
    IN_PROGRESS: { description: 'Spans are arriving; the root span has not ended yet.' },
  } satisfies Record<(typeof TRACE_STATES)[number], { description: string }>,
});

export const TraceRef = builder.loadableNodeRef('Trace', {
  id: { resolve: (t: TraceInfo) => t.traceId },
  load: (ids: string[], ctx: Context) => ctx.services.traceReads.findByIds(ids),
  sort: (t) => t.traceId,
});

const TraceMetadataRef = builder.objectRef<KeyValue>('TraceMetadata').implement({
  description:
    'An immutable metadata entry of a trace, e.g. `mlflow.sourceRun`, `mlflow.modelId`, `mlflow.trace_schema.version`.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Metadata key.' }),
    value: t.exposeString('value', { description: 'Metadata value.' }),
  }),
});

TraceRef.implement({
  description:
    'An MLflow 3 trace: the record of one request through an application, as a tree of spans, with immutable metadata and mutable tags.',
  fields: (t) => ({
    traceId: t.exposeString('traceId', {
      description: 'MLflow trace id: `tr-` followed by the 32-hex OTel trace id.',
    }),
    experimentId: t.string({
      description: 'Id of the experiment the trace is logged to.',
      resolve: (tr) => String(tr.experimentId),
    }),
    experiment: t.field({
      type: ExperimentRef,
      description: 'The experiment the trace is logged to.',
      resolve: (tr) => String(tr.experimentId),
    }),
    clientRequestId: t.exposeString('clientRequestId', {
      nullable: true,
      description: 'Free-form external correlation id.',
    }),
    requestTime: t.field({
      type: 'SafeInt',
      description: 'Start of the trace (the root span start), ms since the epoch.',
      resolve: (tr) => tr.requestTime,
    }),
    executionDuration: t.field({
      type: 'SafeInt',
      description:
        'Duration in ms (root end minus root start; the spans seen so far while running).',
      resolve: (tr) => tr.executionDuration,
    }),
    endTime: t.field({
      type: 'SafeInt',
      description: 'requestTime + executionDuration, ms since the epoch.',
      resolve: (tr) => tr.requestTime + tr.executionDuration,
    }),
    state: t.field({ type: TraceStateEnum, description: 'State.', resolve: (tr) => tr.state }),
    requestPreview: t.exposeString('requestPreview', {
      nullable: true,
      description:
        'Short preview of the request (at most 1000 characters; the last user message for chat inputs).',
    }),
    responsePreview: t.exposeString('responsePreview', {
      nullable: true,
      description:
        'Short preview of the response (at most 1000 characters; the last assistant message for chat outputs).',
    }),
    metadata: t.loadableList({
      type: TraceMetadataRef,
      description: 'Immutable metadata, sorted by key.',
      load: (ids: string[], ctx) => ctx.services.traceReads.metadataByTraceIds(ids),
      resolve: (tr) => tr.traceId,
    }),
    tags: t.loadableList({
      type: TagRef,
      description:
        'Mutable tags, sorted by key (`mlflow.traceName`, `mlflow.artifactLocation`...).',
      load: (ids: string[], ctx) => ctx.services.traceReads.tagsByTraceIds(ids),
      resolve: (tr) => tr.traceId,
    }),
    spans: t.loadableList({
      type: SpanRef,
      description: 'All spans: root first, then by start time. Build the tree from `parentSpanId`.',
      load: (ids: string[], ctx) => ctx.services.traceReads.spansByTraceIds(ids),
      resolve: (tr) => tr.traceId,
    }),
    rootSpan: t.loadable({
      type: SpanRef,
      nullable: true,
      description: 'The root span (the one without a parent); null until it has been logged.',
      load: (ids: string[], ctx) => ctx.services.traceReads.rootSpansByTraceIds(ids),
      resolve: (tr) => tr.traceId,
    }),
  }),
});

builder.queryField('trace', (t) =>
  t.field({
    type: TraceRef,
    nullable: true,
    description: 'A trace by its MLflow id; null when absent.',
    args: { traceId: t.arg.string({ required: true, description: 'Trace id (`tr-…`).' }) },
    resolve: (_, args, ctx) => ctx.services.traceReads.findById(args.traceId),
  }),
);
