import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { LIFECYCLE_STAGES } from '../experiments/experiment.entity.ts';

/** Upload status of a logged model (MLflow `LoggedModelStatus` without UNSPECIFIED). */
export const LOGGED_MODEL_STATUSES = ['PENDING', 'READY', 'UPLOAD_FAILED'] as const;
export type LoggedModelStatus = (typeof LOGGED_MODEL_STATUSES)[number];

/** An MLflow 3 logged model: `m-` + 32 hex, owned by an experiment, soft-deleted like runs. */
export const LoggedModelSchema = defineEntity({
  name: 'LoggedModel',
  tableName: 'logged_models',
  properties: {
    id: p.string().length(36).primary(),
    experimentId: p.bigint('number'),
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
