import { builder } from '../../builder.ts';
import { connectionComplexity } from '../../shared/complexity.ts';
import { AlreadyExistsError, InvalidStateError, NotFoundError } from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import { pageRequest } from '../../shared/pagination.ts';
import type { Experiment } from './experiment.entity.ts';

export const LifecycleStageEnum = builder.enumType('LifecycleStage', {
  description: 'Whether an experiment or run is active or soft-deleted.',
  values: {
    ACTIVE: { value: 'active', description: 'Visible in default listings; writable.' },
    DELETED: {
      value: 'deleted',
      description: 'Soft-deleted: readable by id, excluded from default listings, not writable.',
    },
  } as const,
});

export const ViewTypeEnum = builder.enumType('ViewType', {
  description: 'Which lifecycle stages a listing includes (MLflow ViewType).',
  values: {
    ACTIVE_ONLY: { description: 'Only active entities (the default).' },
    DELETED_ONLY: { description: 'Only deleted entities.' },
    ALL: { description: 'Active and deleted entities.' },
  } as const,
});

export const TagInputRef = builder.inputType('TagInput', {
  description: 'A key/value tag.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Tag key.' }),
    value: t.string({ required: true, description: 'Tag value.' }),
  }),
});

export const ExperimentRef = builder.loadableNode('Experiment', {
  description: 'An experiment: a named group of runs, with an artifact location and tags.',
  id: { resolve: (e: Experiment) => String(e.id) },
  load: (ids: string[], ctx) => ctx.services.experiments.findByIds(ids),
  sort: (e) => String(e.id),
  fields: (t) => ({
    experimentId: t.string({
      description: 'MLflow experiment id: a decimal integer as a string; "0" is Default.',
      resolve: (e) => String(e.id),
    }),
    name: t.exposeString('name', {
      description: 'Unique name (unique among active and deleted experiments).',
    }),
    artifactLocation: t.exposeString('artifactLocation', {
      description: 'Root URI under which runs of this experiment store artifacts.',
    }),
    lifecycleStage: t.field({
      type: LifecycleStageEnum,
      description: 'Active or deleted.',
      resolve: (e) => e.lifecycleStage,
    }),
    creationTime: t.field({
      type: 'SafeInt',
      description: 'Creation time, ms since the epoch.',
      resolve: (e) => e.creationTime,
    }),
    lastUpdateTime: t.field({
      type: 'SafeInt',
      description: 'Last rename, delete or restore, ms since the epoch.',
      resolve: (e) => e.lastUpdateTime,
    }),
  }),
});

builder.queryFields((t) => ({
  experiment: t.field({
    type: ExperimentRef,
    nullable: true,
    description: 'An experiment by its MLflow id, active or deleted; null when there is none.',
    args: {
      experimentId: t.arg.string({ required: true, description: 'Experiment id, e.g. "0".' }),
    },
    resolve: (_, { experimentId }, ctx) => ctx.services.experiments.findById(experimentId),
  }),
  experimentByName: t.field({
    type: ExperimentRef,
    nullable: true,
    description: 'An experiment by exact name, active or deleted; null when there is none.',
    args: { name: t.arg.string({ required: true, description: 'Experiment name.' }) },
    resolve: (_, { name }, ctx) => ctx.services.experiments.findByName(name),
  }),
  experiments: t.connection(
    {
      type: ExperimentRef,
      description: 'Experiments in id order.',
      complexity: connectionComplexity(),
      args: {
        viewType: t.arg({
          type: ViewTypeEnum,
          defaultValue: 'ACTIVE_ONLY',
          description: 'Lifecycle filter.',
        }),
      },
      resolve: (_, args, ctx) =>
        ctx.services.experiments.list(args.viewType ?? 'ACTIVE_ONLY', pageRequest<number>(args)),
    },
    { description: 'A page of experiments.' },
    { description: 'An experiment in a page.' },
  ),
}));

const experimentMutation = (description: string, errors: Parameters<typeof mutationResult>[1]) =>
  mutationResult(description, errors, {
    name: 'experiment',
    description: 'The experiment after the change.',
  });

builder.mutationFields((t) => ({
  createExperiment: t.field({
    type: ExperimentRef,
    ...experimentMutation(
      'Creates an experiment. Names are unique, including deleted experiments.',
      [AlreadyExistsError],
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'The new experiment.',
        type: builder.inputType('CreateExperimentInput', {
          description: 'Input of createExperiment.',
          fields: (f) => ({
            name: f.string({
              required: true,
              description: 'Unique name (at most 500 characters).',
            }),
            artifactLocation: f.string({
              description: 'Artifact root URI; defaults to `<artifact root>/<experiment id>`.',
            }),
            tags: f.field({ type: [TagInputRef], description: 'Initial experiment tags.' }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.experiments.create(input),
  }),
  renameExperiment: t.field({
    type: ExperimentRef,
    ...experimentMutation('Renames an active experiment.', [
      NotFoundError,
      InvalidStateError,
      AlreadyExistsError,
    ]),
    args: {
      input: t.arg({
        required: true,
        description: 'Which experiment and its new name.',
        type: builder.inputType('RenameExperimentInput', {
          description: 'Input of renameExperiment.',
          fields: (f) => ({
            experimentId: f.string({ required: true, description: 'Experiment id.' }),
            newName: f.string({ required: true, description: 'The new unique name.' }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) =>
      ctx.services.experiments.rename(input.experimentId, input.newName),
  }),
  deleteExperiment: t.field({
    type: ExperimentRef,
    ...experimentMutation('Soft-deletes an active experiment and marks all its runs deleted.', [
      NotFoundError,
      InvalidStateError,
    ]),
    args: {
      input: t.arg({
        required: true,
        description: 'Which experiment.',
        type: experimentIdInput('DeleteExperimentInput'),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.experiments.delete(input.experimentId),
  }),
  restoreExperiment: t.field({
    type: ExperimentRef,
    ...experimentMutation('Restores a deleted experiment and all its runs.', [
      NotFoundError,
      InvalidStateError,
    ]),
    args: {
      input: t.arg({
        required: true,
        description: 'Which experiment.',
        type: experimentIdInput('RestoreExperimentInput'),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.experiments.restore(input.experimentId),
  }),
}));

function experimentIdInput(name: string) {
  return builder.inputType(name, {
    description: `Input of ${name.charAt(0).toLowerCase()}${name.slice(1, -'Input'.length)}.`,
    fields: (f) => ({ experimentId: f.string({ required: true, description: 'Experiment id.' }) }),
  });
}
