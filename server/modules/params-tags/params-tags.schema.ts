import { builder } from '../../builder.ts';
import { InvalidStateError, NotFoundError } from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import { PAYLOAD_ONLY } from '../../shared/payload-only.ts';
import { ExperimentRef } from '../experiments/public.ts';
import { RunRef } from '../runs/public.ts';
import type { KeyValue } from './params-tags.service.ts';

export const ParamRef = builder.objectRef<KeyValue>('Param').implement({
  description: 'A run parameter: immutable once logged.',
  fields: (t) => ({
    key: t.exposeString('key', { extensions: PAYLOAD_ONLY, description: 'Parameter name.' }),
    value: t.exposeString('value', {
      extensions: PAYLOAD_ONLY,
      description: 'Parameter value (at most 6000 characters; longer values are truncated).',
    }),
  }),
});

/** A param to log (runs, logged models). */
export const ParamInputRef = builder.inputType('ParamInput', {
  description: 'A parameter to log: immutable once logged.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Parameter name.' }),
    value: t.string({ required: true, description: 'Parameter value.' }),
  }),
});

export const TagRef = builder.objectRef<KeyValue>('Tag').implement({
  description: 'A mutable key/value tag of a run or experiment.',
  fields: (t) => ({
    key: t.exposeString('key', {
      extensions: PAYLOAD_ONLY,
      description: 'Tag key; `mlflow.` keys are system tags.',
    }),
    value: t.exposeString('value', { extensions: PAYLOAD_ONLY, description: 'Tag value.' }),
  }),
});

builder.objectFields(RunRef, (t) => ({
  params: t.loadableList({
    type: ParamRef,
    description: 'Parameters of the run, sorted by key.',
    load: (ids: string[], ctx) => ctx.services.paramsTags.paramsByRunIds(ids),
    resolve: (r) => r.id,
  }),
  tags: t.loadableList({
    type: TagRef,
    description: 'Tags of the run, sorted by key, system tags included.',
    load: (ids: string[], ctx) => ctx.services.paramsTags.tagsByRunIds(ids),
    resolve: (r) => r.id,
  }),
}));

builder.objectField(ExperimentRef, 'tags', (t) =>
  t.loadableList({
    type: TagRef,
    description: 'Tags of the experiment, sorted by key.',
    load: (ids: string[], ctx) => ctx.services.paramsTags.experimentTagsByIds(ids),
    resolve: (e) => String(e.id),
  }),
);

const SetExperimentTagInput = builder.inputType('SetExperimentTagInput', {
  description: 'Input of setExperimentTag.',
  fields: (f) => ({
    experimentId: f.string({ required: true, description: 'Experiment id.' }),
    key: f.string({ required: true, description: 'Tag key (at most 250 characters).' }),
    value: f.string({ required: true, description: 'Tag value (at most 5000 characters).' }),
  }),
});

const DeleteExperimentTagInput = builder.inputType('DeleteExperimentTagInput', {
  description: 'Input of deleteExperimentTag.',
  fields: (f) => ({
    experimentId: f.string({ required: true, description: 'Experiment id.' }),
    key: f.string({ required: true, description: 'Key of the tag to delete.' }),
  }),
});

const DeleteRunTagInput = builder.inputType('DeleteRunTagInput', {
  description: 'Input of deleteRunTag.',
  fields: (f) => ({
    runId: f.string({ required: true, description: 'Run id.' }),
    key: f.string({ required: true, description: 'Key of the tag to delete.' }),
  }),
});

builder.mutationFields((t) => ({
  setExperimentTag: t.field({
    type: ExperimentRef,
    ...mutationResult(
      'Sets (upserts) a tag on an active experiment.',
      [NotFoundError, InvalidStateError],
      {
        name: 'experiment',
        description: 'The experiment after the change.',
      },
    ),
    args: {
      input: t.arg({ type: SetExperimentTagInput, required: true, description: 'Tag to set.' }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.paramsTags.setExperimentTag(input.experimentId, input.key, input.value);
      return input.experimentId;
    },
  }),
  deleteExperimentTag: t.field({
    type: ExperimentRef,
    ...mutationResult(
      'Deletes a tag of an active experiment.',
      [NotFoundError, InvalidStateError],
      {
        name: 'experiment',
        description: 'The experiment after the change.',
      },
    ),
    args: {
      input: t.arg({
        type: DeleteExperimentTagInput,
        required: true,
        description: 'Tag to delete.',
      }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.paramsTags.deleteExperimentTag(input.experimentId, input.key);
      return input.experimentId;
    },
  }),
  deleteRunTag: t.field({
    type: RunRef,
    ...mutationResult('Deletes a tag of an active run.', [NotFoundError, InvalidStateError], {
      name: 'run',
      description: 'The run after the change.',
    }),
    args: {
      input: t.arg({ type: DeleteRunTagInput, required: true, description: 'Tag to delete.' }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.paramsTags.deleteRunTag(input.runId, input.key);
      return input.runId;
    },
  }),
}));
