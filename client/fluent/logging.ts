import type { DatasetSpec } from '../datasets.ts';
import { domainError } from '../errors.ts';
import { deleteRunTag } from '../operations/runs.ts';
import { getActiveModelId } from './active-model.ts';
import type { ActiveRun } from './active-run.ts';
import { getClient, logger } from './config.ts';
import { currentState } from './context.ts';
import { ensureRunInputs } from './run-inputs.ts';
import { autoStartRun } from './runs.ts';

/** Per-call options of the logging functions. */
export interface LogOptions {
  /** Wait for the server to commit this call (overrides `configureLogging({ synchronous })`). */
  synchronous?: boolean;
}

/** Options of {@link logMetric} and {@link logMetrics}. */
export interface MetricOptions extends LogOptions {
  /** Step (int64 within ±2^53); default 0. */
  step?: number;
  /** Time in ms since the epoch; default now. */
  timestamp?: number;
  /**
   * The logged model the point is linked to. Default: the active model (`setActiveModel`,
   * `MLFLOW_ACTIVE_MODEL_ID`), else the model this run output at the same step (`logOutputs`).
   */
  modelId?: string;
  /** The dataset the point was computed on; logged as a run input when the run lacks it. */
  dataset?: DatasetSpec;
}

/** A logging call's result: nothing when queued, a promise in synchronous mode. */
export type Logged = undefined | Promise<void>;

function target(): ActiveRun {
  const state = currentState();
  return state.stack[state.stack.length - 1] ?? autoStartRun(state);
}

/**
 * The model a point of `step` is linked to (MLflow's rules, in order): the explicit `modelId`, the
 * active model, the first model the run output at that step (through this process); else null.
 *
 * @remarks One model per point, also where MLflow's `log_metrics` fans out to every output of the
 * step: each link writes the point to the run too, and our run history keeps every point, so a
 * fan-out would duplicate it there.
 */
function linkOf(run: ActiveRun, step: number, o: MetricOptions | undefined): string | null {
  return o?.modelId ?? getActiveModelId() ?? run.outputsByStep?.get(step) ?? null;
}

function queue(
  run: ActiveRun,
  key: string,
  value: number,
  step: number,
  timestamp: number,
  modelId: string | null,
  dataset: DatasetSpec | undefined,
): void {
  if (modelId === null) logger.metric(run.sink, key, value, step, timestamp);
  else {
    logger.metric(run.sink, key, value, step, timestamp, {
      modelId,
      datasetName: dataset?.name ?? null,
      datasetDigest: dataset?.digest ?? null,
    });
  }
}

function settle(run: ActiveRun, options: LogOptions | undefined): Logged {
  if (options?.synchronous ?? logger.options.synchronous) return logger.flush(run.sink);
  return undefined;
}

/**
 * Logs one metric point to the active run (started if there is none); returns at once.
 *
 * @remarks The point is queued and sent in a batch; `flush()` or `endRun()` wait for it. Pass the
 * step as a number (no allocation per call) or an options object. NaN and ±Infinity are kept. The
 * point is also linked to a logged model (see {@link MetricOptions.modelId}); a model the run
 * does not list yet, and `dataset`, are logged as run inputs first.
 */
export function logMetric(
  key: string,
  value: number,
  stepOrOptions?: number | MetricOptions,
): Logged {
  const run = target();
  if (typeof stepOrOptions === 'object') {
    const o = stepOrOptions;
    const step = o.step ?? 0;
    const modelId = linkOf(run, step, o);
    queue(run, key, value, step, o.timestamp ?? Date.now(), modelId, o.dataset);
    ensureRunInputs(run, modelId, o.dataset);
    return settle(run, o);
  }
  const step = stepOrOptions ?? 0;
  const modelId = linkOf(run, step, undefined);
  if (modelId === null) logger.metric(run.sink, key, value, step, Date.now());
  else {
    queue(run, key, value, step, Date.now(), modelId, undefined);
    ensureRunInputs(run, modelId, undefined);
  }
  return settle(run, undefined);
}

/** Logs several metrics at one step and timestamp to the active run. */
export function logMetrics(
  metrics: Record<string, number>,
  stepOrOptions?: number | MetricOptions,
): Logged {
  const run = target();
  const o = typeof stepOrOptions === 'object' ? stepOrOptions : undefined;
  const step = (typeof stepOrOptions === 'number' ? stepOrOptions : o?.step) ?? 0;
  const timestamp = o?.timestamp ?? Date.now();
  const modelId = linkOf(run, step, o);
  for (const key in metrics) {
    queue(run, key, metrics[key]!, step, timestamp, modelId, o?.dataset);
  }
  ensureRunInputs(run, modelId, o?.dataset);
  return settle(run, o);
}

/**
 * Logs one param (stringified) to the active run.
 *
 * @remarks Params are immutable: logging another value for a key rejects the batch, and the
 * error surfaces on `flush()`, `endRun()` and `onError`.
 */
export function logParam(key: string, value: unknown, options?: LogOptions): Logged {
  const run = target();
  run.sink.param(key, String(value));
  logger.touched(run.sink);
  return settle(run, options);
}

/** Logs several params to the active run. */
export function logParams(params: Record<string, unknown>, options?: LogOptions): Logged {
  const run = target();
  for (const key in params) run.sink.param(key, String(params[key]));
  logger.touched(run.sink);
  return settle(run, options);
}

/** Sets a tag (stringified) on the active run; setting `mlflow.runName` renames it. */
export function setTag(key: string, value: unknown, options?: LogOptions): Logged {
  const run = target();
  run.sink.tags.set(key, String(value));
  logger.touched(run.sink);
  return settle(run, options);
}

/** Sets several tags on the active run. */
export function setTags(tags: Record<string, unknown>, options?: LogOptions): Logged {
  const run = target();
  for (const key in tags) run.sink.tags.set(key, String(tags[key]));
  logger.touched(run.sink);
  return settle(run, options);
}

/**
 * Deletes a tag of the active run, after everything queued for it has been sent.
 *
 * @remarks Rejects with a `RESOURCE_DOES_NOT_EXIST` `TrackingError` when the tag is absent.
 */
export async function deleteTag(key: string): Promise<void> {
  const run = target();
  await run.ready;
  await logger.flush(run.sink);
  const res = await deleteRunTag(getClient(), run.runId, key);
  if (!res.ok) throw domainError(res.error);
}

/**
 * Sends everything queued by the logging functions, for every run, and waits for the server.
 *
 * @remarks Rejects with the first error among the flushed batches (the rest in its `related`).
 */
export function flush(): Promise<void> {
  return logger.flush();
}
