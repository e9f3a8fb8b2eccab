import type {
  LoggedModelDatasetInput,
  LoggedModelOrderInput,
  LoggedModelStatus,
  TagValue,
} from '@trackql/client';
import { collectPages, loggedModelOps as ops, TrackingError, unwrap } from '@trackql/client';
import type { Client } from '@urql/core';
import { getActiveModelId } from './active-model-state.ts';
import { getClient } from './config.ts';
import { toPairs, toRecord } from './convert.ts';
import { resolveExperimentId } from './experiments.ts';
import { activeRun } from './runs.ts';
import { contextTags } from './system-tags.ts';

/** The tag marking a model registered from outside, without MLflow-format artifacts. */
export const EXTERNAL_MODEL_TAG = 'mlflow.model.isExternal';

/** Params per request (MLflow's REST client sends them 100 at a time). */
const PARAMS_PER_CALL = 100;
const SEARCH_PAGE = 100;

/** A logged model with params and tags as records (MLflow's `LoggedModel`). */
export interface LoggedModel {
  modelId: string;
  experimentId: string;
  name: string;
  modelType: string | null;
  sourceRunId: string | null;
  status: LoggedModelStatus;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  artifactUri: string;
  /** `models:/<modelId>`. */
  modelUri: string;
  params: Record<string, string>;
  tags: Record<string, string>;
  /** Every linked metric point; only {@link getLoggedModel} and {@link lastLoggedModel} fill it. */
  metrics?: ops.LoggedModelWithMetrics['metrics'];
}

/** Converts a generated model to the record-based shape. */
export function toModel(m: ops.LoggedModelData | ops.LoggedModelWithMetrics): LoggedModel {
  const { params, tags, lifecycleStage: _, ...rest } = m;
  return { ...rest, params: toRecord(params), tags: toRecord(tags) };
}

// MLflow keeps this per thread; a process-wide value is what a Node program sees
let lastModelId: string | null = null;

/** Options of {@link initializeLoggedModel} and {@link createExternalModel}. */
export interface LoggedModelOptions {
  name?: string;
  /** Default: the active run. */
  sourceRunId?: string;
  /** Default: the active run's experiment, else the current experiment. */
  experimentId?: string;
  modelType?: string;
  tags?: Record<string, TagValue>;
  params?: Record<string, TagValue>;
}

/**
 * Creates a PENDING logged model (MLflow `initialize_logged_model`) and remembers it as the last
 * logged model.
 *
 * @remarks Context tags (`mlflow.user`, `mlflow.source.*`, git commit) are added under the
 * caller's; params are stringified and sent 100 per request.
 */
export async function initializeLoggedModel(
  options: LoggedModelOptions = {},
): Promise<LoggedModel> {
  const run = activeRun();
  if (run) await run.ready;
  const model = await createModelWith(getClient(), {
    ...options,
    experimentId:
      options.experimentId ?? (run ? run.info.experimentId : await resolveExperimentId()),
    sourceRunId: options.sourceRunId ?? run?.runId,
    tags: { ...contextTags(), ...options.tags },
  });
  lastModelId = model.modelId;
  return model;
}

/**
 * Creates a PENDING model through `client` with exactly the given tags and params (params sent
 * 100 per request); the `experimentId` is required.
 */
export async function createModelWith(
  client: Client,
  options: LoggedModelOptions & { experimentId: string },
): Promise<LoggedModel> {
  const params = toPairs(options.params, 'params');
  const res = await ops.createLoggedModel(client, {
    experimentId: options.experimentId,
    name: options.name,
    modelType: options.modelType,
    sourceRunId: options.sourceRunId,
    tags: toPairs(options.tags),
    params: params.slice(0, PARAMS_PER_CALL),
  });
  const model = unwrap(res);
  if (params.length <= PARAMS_PER_CALL) return toModel(model);
  return toModel(await logModelParamsWith(client, model.modelId, params.slice(PARAMS_PER_CALL)));
}

/** Logs params of a model through `client`, 100 per request; returns the model afterwards. */
export async function logModelParamsWith(
  client: Client,
  modelId: string,
  pairs: { key: string; value: string }[],
): Promise<ops.LoggedModelData> {
  let model: ops.LoggedModelData | null = null;
  for (let i = 0; i < pairs.length || i === 0; i += PARAMS_PER_CALL) {
    const chunk = pairs.slice(i, i + PARAMS_PER_CALL);
    model = unwrap(await ops.logLoggedModelParams(client, modelId, chunk));
  }
  return model as ops.LoggedModelData;
}

/**
 * Creates a model for something logged outside MLflow (MLflow `create_external_model`): tagged
 * `mlflow.model.isExternal` = "true" and finalized READY at once.
 *
 * @remarks MLflow also uploads a stub `MLmodel` file; this client writes no artifact.
 */
export async function createExternalModel(options: LoggedModelOptions = {}): Promise<LoggedModel> {
  const created = await initializeLoggedModel({
    ...options,
    tags: { ...options.tags, [EXTERNAL_MODEL_TAG]: 'true' },
  });
  return finalizeLoggedModel(created.modelId, 'READY');
}

/** Sets a model's final status, READY or UPLOAD_FAILED (MLflow `finalize_logged_model`). */
export async function finalizeLoggedModel(
  modelId: string,
  status: Exclude<LoggedModelStatus, 'PENDING'>,
): Promise<LoggedModel> {
  return toModel(unwrap(await ops.finalizeLoggedModel(getClient(), modelId, status)));
}

/** Fetches a model with its metrics; `null` when absent (or deleted, unless `allowDeleted`). */
export async function getLoggedModel(
  modelId: string,
  options: { allowDeleted?: boolean } = {},
): Promise<LoggedModel | null> {
  const m = await ops.getLoggedModel(getClient(), modelId, options.allowDeleted);
  return m ? toModel(m) : null;
}

/** Soft-deletes a model (MLflow `delete_logged_model`). */
export async function deleteLoggedModel(modelId: string): Promise<void> {
  unwrap(await ops.deleteLoggedModel(getClient(), modelId));
}

/** Sets (upserts) tags of a model, values stringified (MLflow `set_logged_model_tags`). */
export async function setLoggedModelTags(
  modelId: string,
  tags: Record<string, TagValue>,
): Promise<LoggedModel> {
  return toModel(unwrap(await ops.setLoggedModelTags(getClient(), modelId, toPairs(tags))));
}

/** Deletes a tag of a model; rejects with RESOURCE_DOES_NOT_EXIST when it is absent. */
export async function deleteLoggedModelTag(modelId: string, key: string): Promise<LoggedModel> {
  return toModel(unwrap(await ops.deleteLoggedModelTag(getClient(), modelId, key)));
}

/**
 * Logs params of a model, default the active model (MLflow `log_model_params`), 100 per request.
 *
 * @remarks Params are immutable: another value for a logged key rejects with
 * INVALID_PARAMETER_VALUE. Without `modelId` and an active model it rejects with
 * INVALID_PARAMETER_VALUE.
 */
export async function logModelParams(
  params: Record<string, TagValue>,
  modelId: string | null = getActiveModelId(),
): Promise<void> {
  if (!modelId) {
    throw new TrackingError('domain', 'No modelId was given and no model is active', {
      code: 'INVALID_PARAMETER_VALUE',
    });
  }
  await logModelParamsWith(getClient(), modelId, toPairs(params, 'params'));
}

/** Options of {@link searchLoggedModels} (MLflow's `search_logged_models` arguments, camelCased). */
export interface SearchLoggedModelsOptions {
  /** Default: the current experiment. */
  experimentIds?: string[];
  /** MLflow filter, e.g. `"metrics.rmse < 0.5 AND params.alpha = '0.1'"`. */
  filter?: string;
  /** Scope metric clauses to these datasets. */
  datasets?: LoggedModelDatasetInput[];
  /** Order entries, e.g. `[{ fieldName: 'metrics.rmse', ascending: true }]`; default newest first. */
  orderBy?: LoggedModelOrderInput[];
  /** Most models returned; default all. */
  maxResults?: number;
}

/**
 * Finds logged models, following pages until `maxResults` or the end (MLflow's fluent
 * `search_logged_models` does the same).
 *
 * @remarks A bad filter rejects with a TrackingError carrying INVALID_PARAMETER_VALUE.
 */
export async function searchLoggedModels(
  options: SearchLoggedModelsOptions = {},
): Promise<LoggedModel[]> {
  const ids = options.experimentIds ?? [await resolveExperimentId()];
  return searchLoggedModelsWith(getClient(), ids, options);
}

/** {@link searchLoggedModels} through `client` over the given experiments. */
export async function searchLoggedModelsWith(
  client: Client,
  experimentIds: string[],
  options: Omit<SearchLoggedModelsOptions, 'experimentIds'> = {},
): Promise<LoggedModel[]> {
  const { filter, datasets, orderBy } = options;
  const found = await collectPages(
    options.maxResults ?? Number.POSITIVE_INFINITY,
    SEARCH_PAGE,
    (first, after) =>
      ops.searchLoggedModelsPage(client, experimentIds, {
        filter,
        datasets,
        orderBy,
        first,
        after,
      }),
  );
  return found.map(toModel);
}

/**
 * The model most recently created by {@link initializeLoggedModel} or {@link createExternalModel}
 * in this process, fetched afresh with its metrics; `null` when there is none.
 */
export async function lastLoggedModel(): Promise<LoggedModel | null> {
  return lastModelId ? getLoggedModel(lastModelId, { allowDeleted: true }) : null;
}

/**
 * Records models as outputs of the active run (or `runId`), each at a step (MLflow `log_outputs`).
 *
 * @remarks Points of the active run logged later at one of these steps, with no model given and
 * none active, are linked to the first model output at that step (MLflow's rule 3).
 */
export async function logOutputs(
  models: { modelId: string; step?: number }[],
  runId?: string,
): Promise<void> {
  const run = runId === undefined ? activeRun() : undefined;
  if (run) await run.ready;
  const target = runId ?? run?.runId;
  if (!target) {
    throw new TrackingError('domain', 'logOutputs needs an active run or a runId', {
      code: 'INVALID_PARAMETER_VALUE',
    });
  }
  unwrap(await ops.logOutputs(getClient(), target, models));
  if (!run) return;
  run.outputsByStep ??= new Map();
  for (const m of models) {
    const step = m.step ?? 0;
    if (!run.outputsByStep.has(step)) run.outputsByStep.set(step, m.modelId);
    run.knownInputs.add(m.modelId);
  }
}
