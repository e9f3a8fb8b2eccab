import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { LoggedModelSchema } from './logged-model.entity.ts';

/** A mutable tag of a logged model. */
export const LoggedModelTagSchema = defineEntity({
  name: 'LoggedModelTag',
  tableName: 'logged_model_tags',
  properties: {
    modelId: p
      .manyToOne(LoggedModelSchema)
      .mapToPk()
      .fieldName('model_id')
      .foreignKeyName('logged_model_tags_model_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(8000),
  },
});

/** An immutable param of a logged model. */
export const LoggedModelParamSchema = defineEntity({
  name: 'LoggedModelParam',
  tableName: 'logged_model_params',
  properties: {
    modelId: p
      .manyToOne(LoggedModelSchema)
      .mapToPk()
      .fieldName('model_id')
      .foreignKeyName('logged_model_params_model_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(6000),
  },
});

/** One metric point linked to a model: every row is kept (full history, every run and dataset). */
export const LoggedModelMetricSchema = defineEntity({
  name: 'LoggedModelMetric',
  tableName: 'logged_model_metrics',
  // expression indexes compare by name only in schema diffs; the SQL is what a migration creates
  indexes: [
    {
      name: 'logged_model_metrics_model_key_latest_index',
      expression: `create index logged_model_metrics_model_key_latest_index on logged_model_metrics (model_id, key, timestamp desc, step desc)`,
    },
    {
      name: 'logged_model_metrics_run_index',
      expression: `create index logged_model_metrics_run_index on logged_model_metrics (run_id)`,
    },
  ],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    modelId: p
      .manyToOne(LoggedModelSchema)
      .mapToPk()
      .fieldName('model_id')
      .foreignKeyName('logged_model_metrics_model_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action'),
    key: p.string().length(250),
    value: p.double().$type<number>(),
    timestamp: p.bigint('number'),
    step: p.bigint('number'),
    runId: p.string().length(32),
    datasetName: p.string().length(500).nullable(),
    datasetDigest: p.string().length(36).nullable(),
  },
});

export type LoggedModelTag = InferEntity<typeof LoggedModelTagSchema>;
export type LoggedModelParam = InferEntity<typeof LoggedModelParamSchema>;
export type LoggedModelMetric = InferEntity<typeof LoggedModelMetricSchema>;
