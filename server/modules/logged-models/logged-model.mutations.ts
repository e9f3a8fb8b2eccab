import { builder } from '../../builder.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import { TagInputRef } from '../experiments/public.ts';
import { ParamInputRef } from '../params-tags/public.ts';
import { LoggedModelRef, LoggedModelStatusEnum } from './logged-model.schema.ts';

const modelResult = (description: string) =>
  mutationResult(description, [NotFoundError], {
    name: 'model',
    description: 'The model after the change.',
  });

const modelIdField = (f: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) =>
  f.string({ required: true, description: 'Model id (`m-…`).' });

builder.mutationFields((t) => ({
  createLoggedModel: t.field({
    type: LoggedModelRef,
    ...modelResult(
      'Creates a PENDING logged model in an active experiment (a deleted one is INVALID_PARAMETER_VALUE), with its params and tags.',
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'The new model.',
        type: builder.inputType('CreateLoggedModelInput', {
          description: 'Input of createLoggedModel.',
          fields: (f) => ({
            experimentId: f.string({ required: true, description: 'Experiment id.' }),
            name: f.string({
              description:
                'Name (at most 500 characters, none of `/ : . % " \'`); absent or empty gives a random run-style name.',
            }),
            modelType: f.string({ description: 'Free-form model type, e.g. `agent`.' }),
            sourceRunId: f.string({
              description: 'Id of the run that produced the model (not checked).',
            }),
            params: f.field({
              type: [ParamInputRef],
              description: 'Params (at most 100; immutable once logged).',
            }),
            tags: f.field({ type: [TagInputRef], description: 'Tags (at most 100).' }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.loggedModels.create(input),
  }),
  finalizeLoggedModel: t.field({
    type: LoggedModelRef,
    ...modelResult(
      'Sets the final status of a model (READY or UPLOAD_FAILED; PENDING is INVALID_PARAMETER_VALUE). Transitions are not checked, as in MLflow.',
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which model and its final status.',
        type: builder.inputType('FinalizeLoggedModelInput', {
          description: 'Input of finalizeLoggedModel.',
          fields: (f) => ({
            modelId: modelIdField(f),
            status: f.field({
              type: LoggedModelStatusEnum,
              required: true,
              description: 'READY or UPLOAD_FAILED.',
            }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.loggedModels.finalize(input.modelId, input.status),
  }),
  deleteLoggedModel: t.field({
    type: LoggedModelRef,
    ...modelResult(
      'Soft-deletes a model: it is then read only with `allowDeleted`, never searched, and refuses writes.',
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which model.',
        type: builder.inputType('DeleteLoggedModelInput', {
          description: 'Input of deleteLoggedModel.',
          fields: (f) => ({ modelId: modelIdField(f) }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.loggedModels.delete(input.modelId),
  }),
  // (quirk, decided) MLflow's SetLoggedModelTags answers `{}` although its proto says `model`;
  // like every model mutation here it returns the model
  setLoggedModelTags: t.field({
    type: LoggedModelRef,
    ...modelResult('Sets (upserts) tags of a model, all or nothing (at most 100).'),
    args: {
      input: t.arg({
        required: true,
        description: 'Which model and its tags.',
        type: builder.inputType('SetLoggedModelTagsInput', {
          description: 'Input of setLoggedModelTags.',
          fields: (f) => ({
            modelId: modelIdField(f),
            tags: f.field({ type: [TagInputRef], required: true, description: 'Tags to set.' }),
          }),
        }),
      }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.loggedModels.setTags(input.modelId, input.tags);
      return input.modelId;
    },
  }),
  deleteLoggedModelTag: t.field({
    type: LoggedModelRef,
    ...modelResult('Deletes a tag of a model; a missing key is RESOURCE_DOES_NOT_EXIST.'),
    args: {
      input: t.arg({
        required: true,
        description: 'Which model and tag.',
        type: builder.inputType('DeleteLoggedModelTagInput', {
          description: 'Input of deleteLoggedModelTag.',
          fields: (f) => ({
            modelId: modelIdField(f),
            key: f.string({ required: true, description: 'Key of the tag to delete.' }),
          }),
        }),
      }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.loggedModels.deleteTag(input.modelId, input.key);
      return input.modelId;
    },
  }),
  logLoggedModelParams: t.field({
    type: LoggedModelRef,
    ...modelResult(
      'Logs params of a model, all or nothing (at most 100). A key already logged with another value is INVALID_PARAMETER_VALUE; the same value again is accepted.',
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which model and its params.',
        type: builder.inputType('LogLoggedModelParamsInput', {
          description: 'Input of logLoggedModelParams.',
          fields: (f) => ({
            modelId: modelIdField(f),
            params: f.field({
              type: [ParamInputRef],
              required: true,
              description: 'Params to log.',
            }),
          }),
        }),
      }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.loggedModels.logParams(input.modelId, input.params);
      return input.modelId;
    },
  }),
}));
