import { defineEntity, p } from '@mikro-orm/core';
import { ExperimentSchema } from '../experiments/public.ts';
import { RunSchema } from '../runs/public.ts';

/** A dataset of an experiment, identified there by (name, digest); never updated once logged. */
export const DatasetSchema = defineEntity({
  name: 'Dataset',
  tableName: 'datasets',
  uniques: [{ name: 'datasets_identity_unique', properties: ['experimentId', 'name', 'digest'] }],
  properties: {
    id: p.string().length(32).primary(),
    experimentId: p
      .manyToOne(ExperimentSchema)
      .mapToPk()
      .fieldName('experiment_id')
      .foreignKeyName('datasets_experiment_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action'),
    name: p.string().length(500),
    digest: p.string().length(36),
    sourceType: p.string().length(36),
    source: p.text(),
    schema: p.text().nullable(),
    profile: p.text().nullable(),
    createdTime: p.bigint('number'),
  },
});

/** A run's use of a dataset (MLflow `DatasetInput`): one per (run, dataset). */
export const DatasetInputSchema = defineEntity({
  name: 'DatasetInput',
  tableName: 'dataset_inputs',
  uniques: [{ name: 'dataset_inputs_run_dataset_unique', properties: ['runId', 'datasetId'] }],
  indexes: [{ name: 'dataset_inputs_dataset_index', properties: ['datasetId'] }],
  properties: {
    id: p.string().length(32).primary(),
    runId: p
      .manyToOne(RunSchema)
      .mapToPk()
      .fieldName('run_id')
      .foreignKeyName('dataset_inputs_run_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action'),
    datasetId: p
      .manyToOne(DatasetSchema)
      .mapToPk()
      .fieldName('dataset_id')
      .foreignKeyName('dataset_inputs_dataset_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action'),
    createdTime: p.bigint('number'),
  },
});

/** A tag of one dataset input, e.g. `mlflow.data.context` = `training`. */
export const InputTagSchema = defineEntity({
  name: 'InputTag',
  tableName: 'input_tags',
  properties: {
    inputId: p
      .manyToOne(DatasetInputSchema)
      .mapToPk()
      .fieldName('input_id')
      .foreignKeyName('input_tags_input_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    key: p.string().length(255).primary(),
    value: p.string().length(500),
  },
});
