import type { TagValue } from '@trackql/client';
import { domainError, logBatch, runOps as ops, TrackingError, unwrap } from '@trackql/client';
import { getClient } from './config.ts';
import { toPairs } from './convert.ts';
import { resolveExperimentId } from './experiments.ts';
import { contextTags, TAGS } from './system-tags.ts';

/** Options of `startRun` and `withRun` (MLflow's `start_run` arguments, camelCased). */
export interface StartRunOptions {
  runName?: string;
  /** Start the run under the active run (tag `mlflow.parentRunId`). */
  nested?: boolean;
  /** Defaults to the active experiment (see `setExperiment`), env vars, then "0". */
  experimentId?: string;
  tags?: Record<string, TagValue>;
  /** Stored as the `mlflow.note.content` tag. */
  description?: string;
  /** Resume this run instead of creating one (status back to RUNNING); env `MLFLOW_RUN_ID` too. */
  runId?: string;
}

/** Resumes an existing run: status back to RUNNING, optional new name, extra tags. */
async function resume(runId: string, options: StartRunOptions): Promise<ops.RunInfo> {
  const client = getClient();
  const existing = await ops.getRun(client, runId);
  if (!existing) {
    throw new TrackingError('domain', `Run with id=${runId} not found`, {
      code: 'RESOURCE_DOES_NOT_EXIST',
      typename: 'NotFoundError',
    });
  }
  if (existing.lifecycleStage === 'DELETED') {
    throw new TrackingError('domain', `Cannot start run with ID ${runId} because it is deleted`, {
      code: 'INVALID_STATE',
      typename: 'InvalidStateError',
    });
  }
  const info = unwrap(
    await ops.updateRun(client, { runId, status: 'RUNNING', runName: options.runName }),
  );
  const tags = toPairs(options.tags);
  if (options.description !== undefined) tags.push({ key: TAGS.note, value: options.description });
  if (tags.length > 0) {
    const ack = await logBatch(client, { runId, tags });
    if (!ack.ok) throw domainError(ack.error);
  }
  return info;
}

/**
 * Creates (or resumes) the run described by `options` on the server, with MLflow's system tags.
 *
 * @remarks `parentRunId` is the run to nest under. `MLFLOW_RUN_ID` is consumed (removed from the
 * environment) when it is used, as MLflow does.
 */
export async function createOrResume(
  options: StartRunOptions,
  parentRunId: string | null,
): Promise<ops.RunInfo> {
  const envRunId = process.env.MLFLOW_RUN_ID;
  const resumeId = options.runId ?? envRunId;
  if (resumeId) {
    if (!options.runId) delete process.env.MLFLOW_RUN_ID;
    return resume(resumeId, options);
  }
  const tags: Record<string, string> = contextTags();
  for (const { key, value } of toPairs(options.tags)) tags[key] = value;
  if (parentRunId) tags[TAGS.parentRunId] = parentRunId;
  if (options.runName !== undefined) tags[TAGS.runName] = options.runName;
  if (options.description !== undefined) tags[TAGS.note] = options.description;
  const res = await ops.createRun(getClient(), {
    experimentId: options.experimentId ?? (await resolveExperimentId()),
    runName: options.runName,
    userId: tags[TAGS.user],
    startTime: Date.now(),
    tags: toPairs(tags),
  });
  return unwrap(res);
}
