import { builder } from '../../builder.ts';
import { connectionComplexity } from '../../shared/complexity.ts';
import { InvalidStateError, NotFoundError } from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import { pageRequest } from '../../shared/pagination.ts';
import type { Context } from '../../shared/request-context.ts';
import {
  ExperimentRef,
  LifecycleStageEnum,
  TagInputRef,
  ViewTypeEnum,
} from '../experiments/public.ts';
import { RUN_STATUSES, type Run } from './run.entity.ts';

export const RunStatusEnum = builder.enumType('RunStatus', {
  description:
    'Status of a run. New runs are RUNNING; FINISHED, FAILED and KILLED are terminal by convention.',
  values: Object.fromEntries(
    RUN_STATUSES.map((s) => [s, { description: `MLflow status ${s}.` }]),
  ) as Record<(typeof RUN_STATUSES)[number], { description: string }>,
});

export const RunRef = builder.loadableNodeRef('Run', {
  id: { resolve: (r: Run) => r.id },
  load: (ids: string[], ctx: Context) => ctx.services.runs.findByIds(ids),
  sort: (r) => r.id,
});

RunRef.implement({
  description:
    'A run: one execution of training or evaluation code, with params, metrics and tags.',
  fields: (t) => ({
    runId: t.exposeString('id', { description: 'MLflow run id: 32 lowercase hex characters.' }),
    experimentId: t.string({
      description: 'Id of the experiment the run belongs to.',
      resolve: (r) => String(r.experimentId),
    }),
    name: t.exposeString('name', {
      description: 'Run name, kept in step with the `mlflow.runName` tag.',
    }),
    userId: t.exposeString('userId', {
      description: 'User who started the run (the `mlflow.user` tag at creation).',
    }),
    status: t.field({
      type: RunStatusEnum,
      description: 'Current status.',
      resolve: (r) => r.status,
    }),
    startTime: t.field({
      type: 'SafeInt',
      description: 'Start time, ms since the epoch.',
      resolve: (r) => r.startTime,
    }),
    endTime: t.field({
      type: 'SafeInt',
      nullable: true,
      description: 'End time, ms since the epoch; null while unset.',
      resolve: (r) => r.endTime ?? null,
    }),
    lifecycleStage: t.field({
      type: LifecycleStageEnum,
      description: 'Active or deleted.',
      resolve: (r) => r.lifecycleStage,
    }),
    deletedTime: t.field({
      type: 'SafeInt',
      nullable: true,
      description: 'When the run was deleted, ms since the epoch.',
      resolve: (r) => r.deletedTime ?? null,
    }),
    artifactUri: t.exposeString('artifactUri', {
      description: "Root URI of this run's artifacts.",
    }),
    lastSeq: t.field({
      type: 'SafeInt',
      description: 'Sequence number of the last committed logBatch of this run (0 before any).',
      resolve: (r) => r.lastSeq,
    }),
    experiment: t.field({
      type: ExperimentRef,
      description: 'The experiment the run belongs to.',
      resolve: (r) => String(r.experimentId),
    }),
    parent: t.field({
      type: RunRef,
      nullable: true,
      description: 'Parent run of a nested run (from the `mlflow.parentRunId` tag).',
      resolve: (r) => r.parentRunId ?? null,
    }),
    children: t.loadableList({
      type: RunRef,
      description: 'Runs whose `mlflow.parentRunId` tag names this run, oldest first.',
      load: (ids: string[], ctx) => ctx.services.runs.childrenOf(ids),
      resolve: (r) => r.id,
    }),
  }),
});

builder.queryFields((t) => ({
  run: t.field({
    type: RunRef,
    nullable: true,
    description: 'A run by id, active or deleted; null when there is none.',
    args: { runId: t.arg.string({ required: true, description: 'Run id.' }) },
    resolve: (_, { runId }, ctx) => ctx.services.runs.findById(runId),
  }),
}));

builder.objectField(ExperimentRef, 'runs', (t) =>
  t.connection(
    {
      type: RunRef,
      description:
        'Runs of this experiment, newest first (start time descending, then run id) unless `orderBy` says otherwise; `filter` and `orderBy` work as in `searchRuns`.',
      complexity: connectionComplexity(),
      args: {
        viewType: t.arg({
          type: ViewTypeEnum,
          defaultValue: 'ACTIVE_ONLY',
          description: 'Lifecycle filter.',
        }),
        filter: t.arg.string({ description: 'MLflow filter string, as in `searchRuns`.' }),
        orderBy: t.arg.stringList({ description: 'Order entries, as in `searchRuns`.' }),
      },
      resolve: (e, args, ctx) =>
        ctx.services.search.searchRuns(
          [String(e.id)],
          args,
          args.viewType ?? 'ACTIVE_ONLY',
          pageRequest<unknown[]>(args),
        ),
    },
    { description: 'A page of runs.' },
    { description: 'A run in a page.' },
  ),
);

const runData = { name: 'run', description: 'The run after the change.' };

const RunIdInput = (name: string, field: string) =>
  builder.inputType(name, {
    description: `Input of ${field}.`,
    fields: (f) => ({ runId: f.string({ required: true, description: 'Run id.' }) }),
  });

builder.mutationFields((t) => ({
  createRun: t.field({
    type: RunRef,
    ...mutationResult(
      'Creates a RUNNING run in an active experiment.',
      [NotFoundError, InvalidStateError],
      runData,
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'The new run.',
        type: builder.inputType('CreateRunInput', {
          description: 'Input of createRun.',
          fields: (f) => ({
            experimentId: f.string({ description: 'Experiment id; defaults to "0" (Default).' }),
            runName: f.string({
              description: 'Run name; defaults to the `mlflow.runName` tag, else a random name.',
            }),
            startTime: f.field({
              type: 'SafeInt',
              description: 'Start time in ms; defaults to now.',
            }),
            userId: f.string({ description: 'User id; defaults to the `mlflow.user` tag.' }),
            tags: f.field({
              type: [TagInputRef],
              description: 'Initial tags, system tags included (`mlflow.parentRunId`...).',
            }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.runs.create(input),
  }),
  updateRun: t.field({
    type: RunRef,
    ...mutationResult(
      'Updates status, end time and/or name of an active run.',
      [NotFoundError, InvalidStateError],
      runData,
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which run and what to change.',
        type: builder.inputType('UpdateRunInput', {
          description: 'Input of updateRun; omitted fields are unchanged.',
          fields: (f) => ({
            runId: f.string({ required: true, description: 'Run id.' }),
            status: f.field({ type: RunStatusEnum, description: 'New status.' }),
            endTime: f.field({ type: 'SafeInt', description: 'End time in ms.' }),
            runName: f.string({
              description: 'New name (also written to the `mlflow.runName` tag).',
            }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.runs.update(input.runId, input),
  }),
  deleteRun: t.field({
    type: RunRef,
    ...mutationResult(
      'Soft-deletes a run; its data is kept and it can be restored.',
      [NotFoundError],
      runData,
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which run.',
        type: RunIdInput('DeleteRunInput', 'deleteRun'),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.runs.delete(input.runId),
  }),
  restoreRun: t.field({
    type: RunRef,
    ...mutationResult('Restores a deleted run.', [NotFoundError], runData),
    args: {
      input: t.arg({
        required: true,
        description: 'Which run.',
        type: RunIdInput('RestoreRunInput', 'restoreRun'),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.runs.restore(input.runId),
  }),
}));
