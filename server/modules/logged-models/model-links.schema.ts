import { builder } from '../../builder.ts';
import { InvalidStateError, NotFoundError } from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import { RunRef } from '../runs/public.ts';
import { LoggedModelRef } from './logged-model.schema.ts';
import type { ModelInput, ModelOutput } from './model-links.service.ts';

const ModelOutputRef = builder.objectRef<ModelOutput>('ModelOutput').implement({
  description: 'A logged model a run produced, at a step (MLflow `ModelOutput`).',
  fields: (t) => ({
    modelId: t.exposeString('modelId', { description: 'Model id.' }),
    step: t.field({
      type: 'SafeInt',
      description: 'Step at which the run produced the model.',
      resolve: (o) => o.step,
    }),
    model: t.field({
      type: LoggedModelRef,
      description: 'The model (possibly deleted since).',
      resolve: (o) => o.modelId,
    }),
  }),
});

const ModelInputRef = builder.objectRef<ModelInput>('ModelInput').implement({
  description: 'A logged model a run used (MLflow `ModelInput`).',
  fields: (t) => ({
    modelId: t.exposeString('modelId', { description: 'Model id.' }),
    model: t.field({
      type: LoggedModelRef,
      description: 'The model (possibly deleted since).',
      resolve: (i) => i.modelId,
    }),
  }),
});

builder.objectFields(RunRef, (t) => ({
  outputs: t.loadableList({
    type: ModelOutputRef,
    description: 'Models the run produced (logOutputs), in logging order.',
    load: (ids: string[], ctx) => ctx.services.modelLinks.outputsByRunIds(ids),
    resolve: (r) => r.id,
  }),
  modelInputs: t.loadableList({
    type: ModelInputRef,
    description:
      'Models the run used (`logInputs` with `models`), in logging order; the dataset inputs are `inputs`.',
    load: (ids: string[], ctx) => ctx.services.modelLinks.inputsByRunIds(ids),
    resolve: (r) => r.id,
  }),
}));

const ModelOutputInput = builder.inputType('ModelOutputInput', {
  description: 'A model a run produced.',
  fields: (f) => ({
    modelId: f.string({ required: true, description: 'Model id (`m-…`).' }),
    step: f.field({ type: 'SafeInt', description: 'Step at which it was produced; default 0.' }),
  }),
});

builder.mutationField('logOutputs', (t) =>
  t.field({
    type: RunRef,
    ...mutationResult(
      'Records models as outputs of an active run (MLflow LogOutputs), all or nothing; every model must exist and not be deleted. The same (model, step) again is a no-op. At most 1000 per call.',
      [NotFoundError, InvalidStateError],
      { name: 'run', description: 'The run after the change.' },
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which run and which models.',
        type: builder.inputType('LogOutputsInput', {
          description: 'Input of logOutputs.',
          fields: (f) => ({
            runId: f.string({ required: true, description: 'Run id.' }),
            models: f.field({
              type: [ModelOutputInput],
              required: true,
              description: 'Models the run produced, each with its step.',
            }),
          }),
        }),
      }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.modelLinks.logOutputs(input.runId, input.models);
      return input.runId;
    },
  }),
);
