import type { TagValue } from '@trackql/client';
import { domainError, experimentOps as ops, TrackingError, unwrap } from '@trackql/client';
import { getClient } from './config.ts';
import { type Experiment, toExperiment, toPairs } from './convert.ts';

let activeExperimentId: string | null = null;

/** Options of {@link createExperiment}. */
export interface CreateExperimentOptions {
  artifactLocation?: string;
  tags?: Record<string, TagValue>;
}

/**
 * Creates an experiment and returns its id.
 *
 * @remarks Throws a `TrackingError` with code `RESOURCE_ALREADY_EXISTS` when the name is taken.
 */
export async function createExperiment(
  name: string,
  options: CreateExperimentOptions = {},
): Promise<string> {
  const res = await ops.createExperiment(getClient(), {
    name,
    artifactLocation: options.artifactLocation,
    tags: toPairs(options.tags),
  });
  return unwrap(res).experimentId;
}

/** Fetches an experiment by id; `null` when there is none. */
export async function getExperiment(experimentId: string): Promise<Experiment | null> {
  const e = await ops.getExperiment(getClient(), experimentId);
  return e ? toExperiment(e) : null;
}

/** Fetches an experiment by name; `null` when there is none. */
export async function getExperimentByName(name: string): Promise<Experiment | null> {
  const e = await ops.getExperimentByName(getClient(), name);
  return e ? toExperiment(e) : null;
}

/** Which experiment {@link setExperiment} selects: exactly one of name or id. */
export type ExperimentSelector = string | { name: string } | { experimentId: string };

async function getOrCreate(name: string): Promise<Experiment> {
  const found = await getExperimentByName(name);
  if (found) return found;
  const res = await ops.createExperiment(getClient(), { name });
  if (res.ok) return toExperiment(res.value);
  if (res.error.code === 'RESOURCE_ALREADY_EXISTS') {
    // another process created it between our read and our write: read it again
    const again = await getExperimentByName(name);
    if (again) return again;
  }
  throw domainError(res.error);
}

/**
 * Sets the active experiment by name (created when absent) or by id (must exist); new runs go there.
 *
 * @remarks A deleted experiment is refused (`INVALID_STATE`). Exports `MLFLOW_EXPERIMENT_ID` so
 * child processes inherit it, as MLflow does.
 */
export async function setExperiment(selector: ExperimentSelector): Promise<Experiment> {
  let exp: Experiment | null;
  if (typeof selector === 'string') exp = await getOrCreate(selector);
  else if ('name' in selector) exp = await getOrCreate(selector.name);
  else {
    exp = await getExperiment(selector.experimentId);
    if (!exp) {
      throw new TrackingError('domain', `No experiment with id ${selector.experimentId}`, {
        code: 'RESOURCE_DOES_NOT_EXIST',
      });
    }
  }
  if (exp.lifecycleStage === 'DELETED') {
    throw new TrackingError('domain', `Cannot set a deleted experiment '${exp.name}' as active`, {
      code: 'INVALID_STATE',
    });
  }
  activeExperimentId = exp.experimentId;
  process.env.MLFLOW_EXPERIMENT_ID = exp.experimentId;
  return exp;
}

/**
 * The experiment for a new run: the active one, else env `MLFLOW_EXPERIMENT_NAME` (created when
 * absent) or `MLFLOW_EXPERIMENT_ID`, else "0" (Default).
 */
export async function resolveExperimentId(): Promise<string> {
  if (activeExperimentId !== null) return activeExperimentId;
  const name = process.env.MLFLOW_EXPERIMENT_NAME;
  const id = process.env.MLFLOW_EXPERIMENT_ID;
  if (name) {
    const exp = await getOrCreate(name);
    if (id && id !== exp.experimentId) {
      throw new TrackingError(
        'domain',
        `MLFLOW_EXPERIMENT_NAME '${name}' (id ${exp.experimentId}) and MLFLOW_EXPERIMENT_ID '${id}' disagree`,
        { code: 'INVALID_PARAMETER_VALUE' },
      );
    }
    return exp.experimentId;
  }
  return id || '0';
}
