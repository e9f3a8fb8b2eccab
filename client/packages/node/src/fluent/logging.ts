import {
  checkKey,
  checkMetricValue,
  checkRecord,
  checkStep,
  checkTagValue,
  checkTimestamp,
  deleteRunTag,
  domainError,
  type StepInput,
  type TagValue,
  type WireStep,
} from '@trackql/client';
import type { DatasetSpec } from '../datasets.ts';
import { getActiveModelId } from './active-model-state.ts';
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
  /** Step: a safe integer, or a `bigint` within ±(2^53-1); default 0. */
  step?: StepInput;
  /** Time in ms since the epoch (non-negative integer); default now. */
  timestamp?: number | bigint;
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
function linkOf(run: ActiveRun, step: WireStep, o: MetricOptions | undefined): string | null {
  const output = typeof step === 'number' ? run.outputsByStep?.get(step) : undefined;
  return o?.modelId ?? getActiveModelId() ?? output ?? null;
}

function queue(
  run: ActiveRun,
  key: string,
  value: number,
  step: WireStep,
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
 * @throws {@link InvalidValueError} (before anything is queued) for a key that breaks MLflow's
 * rules, a value that is not a number, a step that is not an integer within ±(2^53-1), or a
 * timestamp that is not a non-negative integer.
 */
export function logMetric(
  key: string,
  value: number,
  stepOrOptions?: StepInput | MetricOptions,
): Logged {
  checkKey(key);
  checkMetricValue(value);
  if (typeof stepOrOptions === 'object' && stepOrOptions !== null) {
    const o = stepOrOptions;
    const step = o.step === undefined ? 0 : checkStep(o.step);
    const timestamp = o.timestamp === undefined ? Date.now() : checkTimestamp(o.timestamp);
    const run = target();
    const modelId = linkOf(run, step, o);
    queue(run, key, value, step, timestamp, modelId, o.dataset);
    ensureRunInputs(run, modelId, o.dataset);
    return settle(run, o);
  }
  const step = stepOrOptions === undefined ? 0 : checkStep(stepOrOptions);
  const run = target();
  const modelId = linkOf(run, step, undefined);
  if (modelId === null) logger.metric(run.sink, key, value, step, Date.now());
  else {
    queue(run, key, value, step, Date.now(), modelId, undefined);
    ensureRunInputs(run, modelId, undefined);
  }
  return settle(run, undefined);
}

/**
 * Logs several metrics at one step and timestamp to the active run.
 *
 * @throws {@link InvalidValueError} when any key, value, the step or the timestamp is invalid;
 * nothing of the call is queued then.
 */
export function logMetrics(
  metrics: Record<string, number>,
  stepOrOptions?: StepInput | MetricOptions,
): Logged {
  checkRecord(metrics, 'metrics');
  for (const key in metrics) {
    checkKey(key, 'metrics key');
    checkMetricValue(metrics[key], `metrics.${key}`);
  }
  const o = typeof stepOrOptions === 'object' && stepOrOptions !== null ? stepOrOptions : undefined;
  const rawStep = o ? o.step : stepOrOptions;
  const step = rawStep === undefined ? 0 : checkStep(rawStep);
  const timestamp = o?.timestamp === undefined ? Date.now() : checkTimestamp(o.timestamp);
  const run = target();
  const modelId = linkOf(run, step, o);
  for (const key in metrics) {
    queue(run, key, metrics[key]!, step, timestamp, modelId, o?.dataset);
  }
  ensureRunInputs(run, modelId, o?.dataset);
  return settle(run, o);
}

function checkedPairs(record: Record<string, TagValue>, field: string): [string, string][] {
  checkRecord(record, `${field}s`);
  const out: [string, string][] = [];
  for (const key in record) {
    out.push([checkKey(key, `${field} key`), checkTagValue(record[key], `${field}s.${key}`)]);
  }
  return out;
}

/**
 * Logs one param to the active run, stored as `String(value)`.
 *
 * @remarks Params are immutable: logging another value for a key rejects the batch, and the
 * error surfaces on `flush()`, `endRun()` and `onError`.
 * @throws {@link InvalidValueError} for a malformed key, or a value that is not a string, number,
 * boolean or bigint.
 */
export function logParam(key: string, value: TagValue, options?: LogOptions): Logged {
  const v = checkTagValue(value);
  checkKey(key);
  const run = target();
  run.sink.param(key, v);
  logger.touched(run.sink);
  return settle(run, options);
}

/** Logs several params to the active run (checked as {@link logParam} does, all before any is queued). */
export function logParams(params: Record<string, TagValue>, options?: LogOptions): Logged {
  const pairs = checkedPairs(params, 'param');
  const run = target();
  for (const [key, value] of pairs) run.sink.param(key, value);
  logger.touched(run.sink);
  return settle(run, options);
}

/**
 * Sets a tag on the active run, stored as `String(value)`; setting `mlflow.runName` renames it.
 *
 * @throws {@link InvalidValueError} for a malformed key, or a value that is not a string, number,
 * boolean or bigint.
 */
export function setTag(key: string, value: TagValue, options?: LogOptions): Logged {
  const v = checkTagValue(value);
  checkKey(key);
  const run = target();
  run.sink.tags.set(key, v);
  logger.touched(run.sink);
  return settle(run, options);
}

/** Sets several tags on the active run (checked as {@link setTag} does, all before any is queued). */
export function setTags(tags: Record<string, TagValue>, options?: LogOptions): Logged {
  const pairs = checkedPairs(tags, 'tag');
  const run = target();
  for (const [key, value] of pairs) run.sink.tags.set(key, value);
  logger.touched(run.sink);
  return settle(run, options);
}

/**
 * Deletes a tag of the active run, after everything queued for it has been sent.
 *
 * @remarks Rejects with a `RESOURCE_DOES_NOT_EXIST` `TrackingError` when the tag is absent.
 */
export async function deleteTag(key: string): Promise<void> {
  checkKey(key);
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
