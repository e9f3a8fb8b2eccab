import { ValidationError } from '../../shared/errors.ts';
import { isRunIdShape } from '../../shared/ids.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { Step } from '../../shared/scalars.ts';
import { validateKey, validateLength, validateTimestamp } from '../../shared/validation.ts';
import type { ModelMetricPoints } from '../logged-models/public.ts';
import { type MetricSeries, type PreparedMetrics, prepareMetrics } from '../metrics/public.ts';
import { type KeyValue, normaliseParams, normaliseTags } from '../params-tags/public.ts';

/** One key's points in a logBatch request; steps default to 0 and timestamps to now. */
export interface MetricSeriesInput {
  key: string;
  values: number[];
  /** Numbers, or bigints beyond ±(2^53-1) (see `Step`). */
  steps?: Step[] | null;
  timestamps?: number[] | null;
  /** A logged model the points are also linked to (written to its metrics too). */
  modelId?: string | null;
  /** Dataset the points were computed on; name and digest go together. */
  datasetName?: string | null;
  datasetDigest?: string | null;
}

/** The write primitive's input: metrics, params and tags for one run. */
export interface LogBatchInput {
  runId: string;
  metrics?: MetricSeriesInput[] | null;
  params?: KeyValue[] | null;
  tags?: KeyValue[] | null;
  /** A client-chosen key; a batch with a key already seen for this run is not written again. */
  idempotencyKey?: string | null;
}

/** A batch that passed validation, ready to write. */
export interface ValidBatch {
  runId: string;
  metrics: PreparedMetrics;
  params: KeyValue[];
  tags: KeyValue[];
  idempotencyKey: string | null;
  /** Points linked to logged models; null when no series names a model (the common case). */
  modelMetrics: ModelMetricPoints | null;
}

function seriesOf(s: MetricSeriesInput, i: number, now: number): MetricSeries {
  const field = `metrics[${i}]`;
  validateKey(s.key, `${field}.key`);
  const n = s.values.length;
  for (const [name, list] of [
    ['steps', s.steps],
    ['timestamps', s.timestamps],
  ] as const) {
    if (list != null && list.length !== n) {
      throw new ValidationError(
        `${field}.${name}`,
        `${field}.${name} has ${list.length} entries but ${field}.values has ${n}`,
      );
    }
  }
  validateDataset(s, field);
  const timestamps = s.timestamps ?? new Array<number>(n).fill(now);
  for (let j = 0; j < n; j++) validateTimestamp(timestamps[j]!, `${field}.timestamps[${j}]`);
  return {
    key: s.key,
    values: s.values,
    steps: s.steps ?? new Array<number>(n).fill(0),
    timestamps,
  };
}

/**
 * A metric's dataset: name and digest both or neither (MLflow's Metric entity rule). Dataset
 * fields without a model are accepted and not stored: run metric history keeps no dataset.
 */
function validateDataset(s: MetricSeriesInput, field: string): void {
  if (s.datasetName == null && s.datasetDigest == null) return;
  if (!s.datasetName || !s.datasetDigest) {
    throw new ValidationError(
      `${field}.${s.datasetName ? 'datasetDigest' : 'datasetName'}`,
      'datasetName and datasetDigest must be given together',
    );
  }
  validateLength(s.datasetName, 500, `${field}.datasetName`);
  validateLength(s.datasetDigest, 36, `${field}.datasetDigest`);
}

/** The points of the series that name a model, as rows for the model metrics table. */
function modelPoints(series: readonly MetricSeriesInput[], prepared: readonly MetricSeries[]) {
  let out: ModelMetricPoints | null = null;
  series.forEach((s, i) => {
    if (s.modelId == null) return;
    if (s.modelId === '')
      throw new ValidationError(`metrics[${i}].modelId`, 'modelId must not be empty');
    out ??= {
      modelIds: [],
      keys: [],
      values: [],
      timestamps: [],
      steps: [],
      datasetNames: [],
      datasetDigests: [],
    };
    const p = prepared[i]!;
    for (let j = 0; j < p.values.length; j++) {
      out.modelIds.push(s.modelId);
      out.keys.push(p.key);
      out.values.push(p.values[j]!);
      out.timestamps.push(p.timestamps[j]!);
      out.steps.push(p.steps[j]!);
      out.datasetNames.push(s.datasetName ?? null);
      out.datasetDigests.push(s.datasetDigest ?? null);
    }
  });
  return out;
}

function countLimits(points: number, params: number, tags: number): void {
  const over = (what: string, max: number, got: number) =>
    new ValidationError(
      what,
      `A batch logging request can contain at most ${max} ${what}. Got ${got} ${what}.`,
    );
  if (points > LIMITS.maxMetricsPerBatch) throw over('metrics', LIMITS.maxMetricsPerBatch, points);
  if (params > LIMITS.maxParamsPerBatch) throw over('params', LIMITS.maxParamsPerBatch, params);
  if (tags > LIMITS.maxTagsPerBatch) throw over('tags', LIMITS.maxTagsPerBatch, tags);
  const total = points + params + tags;
  if (total > LIMITS.maxEntitiesPerBatch) {
    throw new ValidationError(
      'metrics',
      `A batch logging request can contain at most ${LIMITS.maxEntitiesPerBatch} metrics, params and tags in total. Got ${total}.`,
    );
  }
}

/**
 * Validates a batch by MLflow's rules before anything is written.
 *
 * @remarks Param values past 6000 and tag values past 8000 code points are truncated (MLflow's
 * default); duplicate param keys in one request are rejected even with equal values (MLflow does so).
 */
export function validateBatch(input: LogBatchInput, now = Date.now()): ValidBatch {
  if (!isRunIdShape(input.runId))
    throw new ValidationError('runId', `Invalid run id '${input.runId}'`);
  const series = input.metrics ?? [];
  const points = series.reduce((n, s) => n + s.values.length, 0);
  countLimits(points, input.params?.length ?? 0, input.tags?.length ?? 0);
  const valid = series.map((s, i) => seriesOf(s, i, now));
  const metrics = prepareMetrics(valid);
  const params = normaliseParams(input.params ?? []);
  const tags = normaliseTags(input.tags ?? []);
  const key = input.idempotencyKey ?? null;
  if (key !== null) {
    if (key === '') throw new ValidationError('idempotencyKey', 'idempotencyKey must not be empty');
    validateLength(key, LIMITS.maxIdempotencyKeyLength, 'idempotencyKey');
  }
  return {
    runId: input.runId,
    metrics,
    params,
    tags,
    idempotencyKey: key,
    modelMetrics: modelPoints(series, valid),
  };
}
