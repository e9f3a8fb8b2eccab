import { builder } from '../../builder.ts';
import { InvalidStateError, NotFoundError } from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import { ExperimentRef, TagInputRef } from '../experiments/public.ts';
import type { KeyValue } from '../params-tags/public.ts';
import { RunRef } from '../runs/public.ts';
import type { Dataset, DatasetSummary, RunInput } from './dataset.service.ts';
import { CONTEXT_TAG } from './dataset-filter.ts';

export const DatasetRef = builder.objectRef<Dataset>('Dataset').implement({
  description:
    'A dataset, scoped to an experiment and identified there by (name, digest); never updated once logged.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Dataset name (at most 500 characters).' }),
    digest: t.exposeString('digest', {
      description: 'Fingerprint of the data (at most 36 characters), e.g. 8 hex characters.',
    }),
    sourceType: t.exposeString('sourceType', {
      description: 'Kind of source, e.g. `local`, `http`, `s3`, `code`.',
    }),
    source: t.exposeString('source', {
      description: 'Where the data came from, usually JSON such as `{"uri": "..."}`.',
    }),
    schema: t.exposeString('schema', {
      nullable: true,
      description: 'Schema of the data, usually JSON (MLflow `mlflow_colspec`).',
    }),
    profile: t.exposeString('profile', {
      nullable: true,
      description: 'Summary statistics, usually JSON such as `{"num_rows": 100}`.',
    }),
  }),
});

const InputTagRef = builder.objectRef<KeyValue>('InputTag').implement({
  description: 'A tag of one dataset input of a run, e.g. `mlflow.data.context` = `training`.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Tag key (at most 255 characters).' }),
    value: t.exposeString('value', { description: 'Tag value (at most 500 characters).' }),
  }),
});

const DatasetInputRef = builder.objectRef<RunInput>('DatasetInput').implement({
  description: 'A dataset used by a run, with the tags of that use.',
  fields: (t) => ({
    dataset: t.field({ type: DatasetRef, description: 'The dataset.', resolve: (i) => i.dataset }),
    tags: t.field({
      type: [InputTagRef],
      description: 'Tags of this input, sorted by key.',
      resolve: (i) => i.tags,
    }),
    context: t.string({
      nullable: true,
      description: `Role of the dataset in the run: the \`${CONTEXT_TAG}\` tag (training, eval...).`,
      resolve: (i) => i.tags.find((x) => x.key === CONTEXT_TAG)?.value ?? null,
    }),
  }),
});

const DatasetSummaryRef = builder.objectRef<DatasetSummary>('DatasetSummary').implement({
  description: 'A distinct (name, digest, context) among the dataset inputs of an experiment.',
  fields: (t) => ({
    experimentId: t.exposeString('experimentId', { description: 'Experiment id.' }),
    name: t.exposeString('name', { description: 'Dataset name.' }),
    digest: t.exposeString('digest', { description: 'Dataset digest.' }),
    context: t.exposeString('context', {
      nullable: true,
      description: `The \`${CONTEXT_TAG}\` tag of the inputs; null when absent.`,
    }),
  }),
});

builder.objectField(RunRef, 'inputs', (t) =>
  t.loadableList({
    type: DatasetInputRef,
    description: 'Datasets the run used (logInputs), in logging order.',
    load: (ids: string[], ctx) => ctx.services.datasets.inputsByRunIds(ids),
    resolve: (r) => r.id,
  }),
);

builder.objectField(ExperimentRef, 'datasets', (t) =>
  t.loadableList({
    type: DatasetSummaryRef,
    description:
      'Distinct (name, digest, context) of the datasets its runs used, sorted; at most 1000.',
    load: (ids: string[], ctx) => ctx.services.datasets.summariesByExperimentIds(ids),
    resolve: (e) => String(e.id),
  }),
);

const DatasetSpecInput = builder.inputType('DatasetSpecInput', {
  description: 'A dataset to log; (name, digest) identify it within the experiment.',
  fields: (f) => ({
    name: f.string({ required: true, description: 'Name (at most 500 characters).' }),
    digest: f.string({ required: true, description: 'Digest (at most 36 characters).' }),
    sourceType: f.string({
      required: true,
      description: 'Kind of source, e.g. `local`, `http`, `s3`, `code` (at most 36).',
    }),
    source: f.string({ required: true, description: 'Source, usually JSON (at most 65535).' }),
    schema: f.string({ description: 'Schema, usually JSON (at most 1048575).' }),
    profile: f.string({ description: 'Profile, usually JSON (at most 16777215).' }),
  }),
});

const RunDatasetInput = builder.inputType('RunDatasetInput', {
  description: 'One dataset input of a run.',
  fields: (f) => ({
    dataset: f.field({ type: DatasetSpecInput, required: true, description: 'The dataset.' }),
    tags: f.field({
      type: [TagInputRef],
      description: `Input tags (keys ≤ 255, values ≤ 500), e.g. \`${CONTEXT_TAG}\`.`,
    }),
  }),
});

const ModelInputSpec = builder.inputType('ModelInputSpec', {
  description: 'A logged model used by a run.',
  fields: (f) => ({
    modelId: f.string({ required: true, description: 'Model id (`m-…`).' }),
  }),
});

builder.mutationField('logInputs', (t) =>
  t.field({
    type: RunRef,
    ...mutationResult(
      'Records datasets and logged models used by an active run, all or nothing. Datasets are reused per (experiment, name, digest); logging one again to the same run is a no-op that keeps its original tags. At most 1000 datasets and 1000 models per call.',
      [NotFoundError, InvalidStateError],
      { name: 'run', description: 'The run after the change.' },
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which run and which datasets.',
        type: builder.inputType('LogInputsInput', {
          description: 'Input of logInputs.',
          fields: (f) => ({
            runId: f.string({ required: true, description: 'Run id.' }),
            datasets: f.field({
              type: [RunDatasetInput],
              description: 'Dataset inputs; duplicates by (name, digest) keep the first.',
            }),
            models: f.field({
              type: [ModelInputSpec],
              description:
                'Logged models the run used (MLflow `ModelInput`); each must exist and not be deleted.',
            }),
          }),
        }),
      }),
    },
    resolve: async (_, { input }, ctx) => {
      await ctx.services.datasets.logInputs(
        input.runId,
        input.datasets ?? [],
        (input.models ?? []).map((m) => m.modelId),
      );
      return input.runId;
    },
  }),
);
