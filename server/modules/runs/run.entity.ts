import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { ExperimentSchema, LIFECYCLE_STAGES } from '../experiments/public.ts';

export const RUN_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RunSchema = defineEntity({
  name: 'Run',
  tableName: 'runs',
  // expression indexes compare by name only in schema diffs; the SQL is what a migration creates
  indexes: [
    {
      name: 'runs_experiment_start_index',
      expression: `create index runs_experiment_start_index on runs (experiment_id, start_time desc, id)`,
    },
    {
      name: 'runs_parent_index',
      expression: `create index runs_parent_index on runs (parent_run_id) where parent_run_id is not null`,
    },
  ],
  properties: {
    id: p.string().length(32).primary(),
    experimentId: p
      .manyToOne(ExperimentSchema)
      .mapToPk()
      .fieldName('experiment_id')
      .foreignKeyName('runs_experiment_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action'),
    name: p.string().length(250),
    userId: p.string().length(256).default(''),
    status: p.enum([...RUN_STATUSES]),
    startTime: p.bigint('number'),
    endTime: p.bigint('number').nullable(),
    lifecycleStage: p.enum([...LIFECYCLE_STAGES]).default('active'),
    deletedTime: p.bigint('number').nullable(),
    artifactUri: p.text(),
    /** Mirror of the `mlflow.parentRunId` tag, kept so children are found by index. */
    parentRunId: p.string().length(32).nullable(),
    /** Number of the last committed logBatch of this run (per-run sequence). */
    lastSeq: p.bigint('number').default(0),
  },
});

export type Run = InferEntity<typeof RunSchema>;
