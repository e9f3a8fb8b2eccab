import { builder } from '../../builder.ts';
import { AlreadyExistsError, InvalidStateError, NotFoundError } from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import type { Context } from '../../shared/request-context.ts';
import { TagInputRef } from '../experiments/public.ts';
import { SpanInputRef } from './span.schema.ts';
import type { TraceInfo } from './trace.entity.ts';
import { TraceRef, TraceStateEnum } from './trace.schema.ts';
import { traceNotFound } from './trace-rows.sql.ts';

const traceData = { name: 'trace', description: 'The trace after the change.' };

/**
 * The trace after a committed write, for the result. Traces are deleted for good, so a delete that
 * committed in between leaves nothing to show: RESOURCE_DOES_NOT_EXIST, as if it had come first
 * (not a null in a non-null field). Loaded through the trace loader, so the result's fields read
 * nothing more.
 */
async function traceAfter(ctx: Context, traceId: string): Promise<TraceInfo> {
  const trace = await TraceRef.getDataloader(ctx).load(traceId);
  if (!trace) throw traceNotFound(traceId);
  return trace;
}

const traceIdField = (f: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) =>
  f.string({ required: true, description: 'Trace id (`tr-` + 32 lowercase hex).' });

builder.mutationFields((t) => ({
  logTrace: t.field({
    type: TraceRef,
    ...mutationResult(
      'Logs a complete trace with its spans in one call (MLflow StartTraceV3, which clients send at trace end), or finalizes a trace that logSpans started. All or nothing. Unset fields come from the root span when it is among the spans. A trace already logged is RESOURCE_ALREADY_EXISTS; a missing experiment RESOURCE_DOES_NOT_EXIST, a deleted one INVALID_STATE.',
      [NotFoundError, InvalidStateError, AlreadyExistsError],
      traceData,
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'The trace.',
        type: builder.inputType('LogTraceInput', {
          description: 'Input of logTrace.',
          fields: (f) => ({
            experimentId: f.string({ required: true, description: 'Experiment id (active).' }),
            traceId: f.string({
              description: 'Trace id (`tr-` + 32 hex, the OTel trace id); generated when absent.',
            }),
            clientRequestId: f.string({
              description: 'Free-form external correlation id (at most 250 characters).',
            }),
            requestTime: f.field({
              type: 'SafeInt',
              description: 'Start, ms since the epoch; default: the root span start, else now.',
            }),
            executionDuration: f.field({
              type: 'SafeInt',
              description: 'Duration in ms; default: root end minus root start, else 0.',
            }),
            state: f.field({
              type: TraceStateEnum,
              description:
                'OK or ERROR (IN_PROGRESS is INVALID_PARAMETER_VALUE); default: ERROR when the root span failed, else OK.',
            }),
            requestPreview: f.string({
              description: 'Request preview (cut to 1000); default: from the root span inputs.',
            }),
            responsePreview: f.string({
              description: 'Response preview (cut to 1000); default: from the root span outputs.',
            }),
            metadata: f.field({
              type: [TagInputRef],
              description:
                'Immutable metadata (`mlflow.sourceRun`, `mlflow.modelId`...): keys may be added later, never changed. Values are cut to 8000 characters.',
            }),
            tags: f.field({
              type: [TagInputRef],
              description: 'Tags (values cut to 8000 characters).',
            }),
            spans: f.field({
              type: [SpanInputRef],
              description: 'Spans (at most 1000; send more first with logSpans).',
            }),
          }),
        }),
      }),
    },
    // the stored info, so the result needs no read of the trace
    resolve: (_, { input }, ctx) => ctx.services.traces.logTraceInfo(input),
  }),
  logSpans: t.field({
    type: TraceRef,
    ...mutationResult(
      "Stores a batch of spans of a running trace (MLflow's OTLP span logging); a span sent again replaces the stored copy. A missing trace is created IN_PROGRESS when `experimentId` is given (else RESOURCE_DOES_NOT_EXIST). Until logTrace finalizes the trace, batches widen its time window and the ended root span sets its state.",
      [NotFoundError, InvalidStateError],
      traceData,
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which trace and its spans.',
        type: builder.inputType('LogSpansInput', {
          description: 'Input of logSpans.',
          fields: (f) => ({
            traceId: traceIdField(f),
            experimentId: f.string({
              description: 'Experiment of the trace; required when the trace does not exist yet.',
            }),
            spans: f.field({
              type: [SpanInputRef],
              required: true,
              description: 'Spans (1 to 1000).',
            }),
          }),
        }),
      }),
    },
    resolve: async (_, { input }, ctx) =>
      traceAfter(ctx, await ctx.services.traces.logSpans(input)),
  }),
  setTraceTag: t.field({
    type: TraceRef,
    ...mutationResult(
      'Sets (upserts) a tag of a trace (key at most 250 characters, value cut to 8000).',
      [NotFoundError],
      traceData,
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which trace and tag.',
        type: builder.inputType('SetTraceTagInput', {
          description: 'Input of setTraceTag.',
          fields: (f) => ({
            traceId: traceIdField(f),
            key: f.string({ required: true, description: 'Tag key.' }),
            value: f.string({ required: true, description: 'Tag value.' }),
          }),
        }),
      }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.traces.setTag(input.traceId, input.key, input.value);
      return traceAfter(ctx, input.traceId);
    },
  }),
  deleteTraceTag: t.field({
    type: TraceRef,
    ...mutationResult(
      'Deletes a tag of a trace; a missing key is RESOURCE_DOES_NOT_EXIST.',
      [NotFoundError],
      traceData,
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which trace and tag.',
        type: builder.inputType('DeleteTraceTagInput', {
          description: 'Input of deleteTraceTag.',
          fields: (f) => ({
            traceId: traceIdField(f),
            key: f.string({ required: true, description: 'Key of the tag to delete.' }),
          }),
        }),
      }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.traces.deleteTag(input.traceId, input.key);
      return traceAfter(ctx, input.traceId);
    },
  }),
  deleteTraces: t.field({
    type: 'Int',
    ...mutationResult(
      'Deletes traces of an experiment with their spans, metadata and tags: by id, or the oldest up to a time. Returns how many were deleted.',
      [],
      { name: 'tracesDeleted', description: 'Number of traces deleted.' },
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which traces: `traceIds`, or `maxTimestampMillis` with optional `maxTraces`.',
        type: builder.inputType('DeleteTracesInput', {
          description: 'Input of deleteTraces.',
          fields: (f) => ({
            experimentId: f.string({ required: true, description: 'Experiment id.' }),
            traceIds: f.stringList({
              description:
                'Ids of the traces to delete (at most 100; ids of other experiments are skipped).',
            }),
            maxTimestampMillis: f.field({
              type: 'SafeInt',
              description: 'Delete traces that started at or before this time (ms), oldest first.',
            }),
            maxTraces: f.int({
              description: 'With maxTimestampMillis: delete at most this many (positive).',
            }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.traces.deleteTraces(input),
  }),
}));
