import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** A mutable tag of a logged model. */
export const LoggedModelTagSchema = defineEntity({
  name: 'LoggedModelTag',
  tableName: 'logged_model_tags',
  properties: {
    modelId: p.string().length(36).primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(8000),
  },
});

/** An immutable param of a logged model. */
export const LoggedModelParamSchema = defineEntity({
  name: 'LoggedModelParam',
  tableName: 'logged_model_params',
  properties: {
    modelId: p.string().length(36).primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(6000),
  },
});

/** One metric point linked to a model: every row is kept (full history, every run and dataset). */
export const LoggedModelMetricSchema = defineEntity({
  name: 'LoggedModelMetric',
  tableName: 'logged_model_metrics',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    modelId: p.string().length(36),
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
