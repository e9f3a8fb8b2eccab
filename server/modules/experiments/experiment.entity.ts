import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** Lifecycle of experiments and runs, stored lower case as MLflow does. */
export const LIFECYCLE_STAGES = ['active', 'deleted'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const ExperimentSchema = defineEntity({
  name: 'Experiment',
  tableName: 'experiments',
  // expression indexes compare by name only in schema diffs; the SQL is what a migration creates
  indexes: [
    {
      name: 'experiments_creation_time_index',
      expression: `create index experiments_creation_time_index on experiments (creation_time desc, id)`,
    },
  ],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    name: p.string().length(500).unique(),
    artifactLocation: p.text(),
    lifecycleStage: p.enum([...LIFECYCLE_STAGES]).default('active'),
    creationTime: p.bigint('number'),
    lastUpdateTime: p.bigint('number'),
  },
});

export type Experiment = InferEntity<typeof ExperimentSchema>;
