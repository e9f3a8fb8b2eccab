import { builder } from '../../builder.ts';
import { InvalidStateError, NotFoundError } from '../../shared/errors.ts';
import { TagInputRef } from '../experiments/public.ts';
import { ParamInputRef } from '../params-tags/public.ts';
import { RunRef } from '../runs/public.ts';
import type { LogBatchAck } from './log-batch.service.ts';

const BatchAckRef = builder.objectRef<LogBatchAck>('BatchAck').implement({
  description: 'Acknowledgement of a committed batch: everything in it is durable.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'replayed' in v && 'seq' in v,
  fields: (t) => ({
    runId: t.exposeString('runId', { description: 'The run written to.' }),
    seq: t.field({
      type: 'SafeInt',
      description: "The batch's number in the run's sequence (1, 2, ...).",
      resolve: (a) => a.seq,
    }),
    replayed: t.exposeBoolean('replayed', {
      description:
        "True when the idempotency key was seen before: nothing new was written and `seq` is the original batch's.",
    }),
    metricsWritten: t.exposeInt('metricsWritten', {
      description: 'Metric points written by this call.',
    }),
    run: t.field({
      type: RunRef,
      description: 'The run after the batch.',
      resolve: (a) => a.runId,
    }),
  }),
});

const MetricSeriesInput = builder.inputType('MetricSeriesInput', {
  description: 'Points of one metric key as parallel lists (the fastest shape to send and parse).',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Metric name.' }),
    values: t.field({
      type: 'MetricValueColumn',
      required: true,
      description: 'Values (a list); "NaN", "Infinity", "-Infinity" allowed.',
    }),
    steps: t.field({
      type: 'StepColumn',
      description:
        'Steps (a list), one per value; default 0. int64: numbers within ±(2^53-1), decimal strings over the whole range.',
    }),
    timestamps: t.field({
      type: 'SafeIntColumn',
      description: 'Timestamps in ms (a list), one per value; default now.',
    }),
    modelId: t.string({
      description:
        'A logged model the points are also linked to: they are written to its metrics as well, in the same transaction (unknown or deleted model: RESOURCE_DOES_NOT_EXIST, nothing written).',
    }),
    datasetName: t.string({
      description:
        'Name of the dataset the points were computed on (with datasetDigest; kept on the model metrics only).',
    }),
    datasetDigest: t.string({ description: 'Digest of that dataset (with datasetName).' }),
  }),
});

const batchErrors = { types: [NotFoundError, InvalidStateError], directResult: true };

builder.mutationFields((t) => ({
  logBatch: t.field({
    type: BatchAckRef,
    description:
      'Logs metrics, params and tags to one run atomically: one invalid item and nothing is written. Limits: 1000 metric points, 100 params, 100 tags, 1000 in all. Pass an idempotencyKey to make retries safe.',
    errors: batchErrors,
    args: {
      input: t.arg({
        required: true,
        description: 'The batch.',
        type: builder.inputType('LogBatchInput', {
          description: 'Input of logBatch.',
          fields: (f) => ({
            runId: f.string({ required: true, description: 'Run id.' }),
            metrics: f.field({
              type: [MetricSeriesInput],
              description: 'Metric points grouped by key.',
            }),
            params: f.field({
              type: [ParamInputRef],
              description: 'Params; re-logging a key with another value is rejected.',
            }),
            tags: f.field({ type: [TagInputRef], description: 'Tags (upserted).' }),
            idempotencyKey: f.string({
              description:
                'Client-chosen key per batch; a repeated key for the same run writes nothing and returns the original seq.',
            }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.logBatch.log(input),
  }),
  logMetric: t.field({
    type: BatchAckRef,
    description: 'Logs one metric point (a one-point logBatch).',
    errors: batchErrors,
    args: {
      input: t.arg({
        required: true,
        description: 'The point (optionally linked to a logged model and a dataset).',
        type: builder.inputType('LogMetricInput', {
          description: 'Input of logMetric.',
          fields: (f) => ({
            runId: f.string({ required: true, description: 'Run id.' }),
            key: f.string({ required: true, description: 'Metric name.' }),
            value: f.field({ type: 'MetricValue', required: true, description: 'Value.' }),
            step: f.field({
              type: 'Step',
              description: 'Step (int64; a decimal string beyond ±(2^53-1)); default 0.',
            }),
            timestamp: f.field({ type: 'SafeInt', description: 'Timestamp in ms; default now.' }),
            modelId: f.string({ description: 'A logged model the point is also linked to.' }),
            datasetName: f.string({ description: 'Dataset the point was computed on (name).' }),
            datasetDigest: f.string({ description: 'Dataset the point was computed on (digest).' }),
            idempotencyKey: f.string({ description: 'See logBatch.' }),
          }),
        }),
      }),
    },
    resolve: (_, { input: i }, ctx) =>
      ctx.services.logBatch.log({
        runId: i.runId,
        idempotencyKey: i.idempotencyKey,
        metrics: [
          {
            key: i.key,
            values: [i.value],
            steps: [i.step ?? 0],
            timestamps: i.timestamp == null ? null : [i.timestamp],
            modelId: i.modelId,
            datasetName: i.datasetName,
            datasetDigest: i.datasetDigest,
          },
        ],
      }),
  }),
  logParam: t.field({
    type: BatchAckRef,
    description:
      'Logs one param (a one-param logBatch). The same value again is fine; another value is rejected.',
    errors: batchErrors,
    args: {
      input: t.arg({
        required: true,
        description: 'The param.',
        type: builder.inputType('LogParamInput', {
          description: 'Input of logParam.',
          fields: (f) => ({
            runId: f.string({ required: true, description: 'Run id.' }),
            key: f.string({ required: true, description: 'Parameter name.' }),
            value: f.string({ required: true, description: 'Parameter value.' }),
          }),
        }),
      }),
    },
    resolve: (_, { input: i }, ctx) =>
      ctx.services.logBatch.log({ runId: i.runId, params: [{ key: i.key, value: i.value }] }),
  }),
  setRunTag: t.field({
    type: BatchAckRef,
    description:
      'Sets (upserts) one run tag (a one-tag logBatch). Setting `mlflow.runName` renames the run.',
    errors: batchErrors,
    args: {
      input: t.arg({
        required: true,
        description: 'The tag.',
        type: builder.inputType('SetRunTagInput', {
          description: 'Input of setRunTag.',
          fields: (f) => ({
            runId: f.string({ required: true, description: 'Run id.' }),
            key: f.string({ required: true, description: 'Tag key.' }),
            value: f.string({ required: true, description: 'Tag value.' }),
          }),
        }),
      }),
    },
    resolve: (_, { input: i }, ctx) =>
      ctx.services.logBatch.log({ runId: i.runId, tags: [{ key: i.key, value: i.value }] }),
  }),
}));
