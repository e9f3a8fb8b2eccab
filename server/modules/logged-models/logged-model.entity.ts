import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { ExperimentSchema, LIFECYCLE_STAGES } from '../experiments/public.ts';

/** Upload status of a logged model (MLflow `LoggedModelStatus` without UNSPECIFIED). */
export const LOGGED_MODEL_STATUSES = ['PENDING', 'READY', 'UPLOAD_FAILED'] as const;
export type LoggedModelStatus = (typeof LOGGED_MODEL_STATUSES)[number];

/** An MLflow 3 logged model: `m-` + 32 hex, owned by an experiment, soft-deleted like runs. */
export const LoggedModelSchema = defineEntity({
  name: 'LoggedModel',
  tableName: 'logged_models',
  // expression indexes compare by name only in schema diffs; the SQL is what a migration creates
  indexes: [
    {
      name: 'logged_models_experiment_creation_index',
      expression: `create index logged_models_experiment_creation_index on logged_models (experiment_id, creation_time desc, id) where lifecycle_stage = 'active'`,
    },
    {
      name: 'logged_models_experiment_name_index',
      expression: `create index logged_models_experiment_name_index on logged_models (experiment_id, name) where lifecycle_stage = 'active'`,
    },
  ],
  properties: {
    id: p.string().length(36).primary(),
    experimentId: p
      .manyToOne(ExperimentSchema)
      .mapToPk()
      .fieldName('experiment_id')
      .foreignKeyName('logged_models_experiment_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action'),
    name: p.string().length(500),
    modelType: p.string().length(500).nullable(),
    /** Not checked against the runs table, as in MLflow. */
    sourceRunId: p.string().length(32).nullable(),
    status: p.enum([...LOGGED_MODEL_STATUSES]).default('PENDING'),
    lifecycleStage: p.enum([...LIFECYCLE_STAGES]).default('active'),
    artifactLocation: p.text(),
    creationTime: p.bigint('number'),
    lastUpdatedTime: p.bigint('number'),
  },
});

export type LoggedModel = InferEntity<typeof LoggedModelSchema>;
