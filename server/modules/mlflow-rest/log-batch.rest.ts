import { createHash } from 'node:crypto';
import { ValidationError } from '../../shared/errors.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import type { MetricSeriesInput } from '../log-batch/public.ts';
import type { KeyValue } from '../params-tags/public.ts';
import { asDouble, asInt64, asString, missing } from './wire.ts';

/** A batch decoded from MLflow's wire form, metrics grouped into series. */
export interface WireBatch {
  runId: string;
  /** Distinct points grouped into series, in order of first appearance (see decodeMetrics). */
  metrics: MetricSeriesInput[];
  params: KeyValue[];
  tags: KeyValue[];
}

function optionalString(o: Record<string, unknown>, name: string, field: string) {
  const v = o[name];
  return v === undefined || v === null || v === '' ? null : asString(v, `${field}.${name}`);
}

/** A series being filled, with what tells a new point from an exact duplicate cheaply. */
interface Filling {
  series: MetricSeriesInput;
  lastStep: number;
  lastTimestamp: number;
  /** Every point's `value, timestamp, step`, built only once the points stop ascending. */
  seen: Set<string> | null;
}

const pointKey = (value: number, timestamp: number, step: number) =>
  `${value}\u0000${timestamp}\u0000${step}`;

/** Adds a point unless the series already has it (same value, timestamp and step). */
function addPoint(f: Filling, value: number, timestamp: number, step: number): void {
  const s = f.series;
  if (
    f.seen === null &&
    (step > f.lastStep || (step === f.lastStep && timestamp > f.lastTimestamp))
  ) {
    // ascending by (step, timestamp): cannot repeat an earlier point
    f.lastStep = step;
    f.lastTimestamp = timestamp;
  } else {
    if (f.seen === null) {
      f.seen = new Set();
      for (let i = 0; i < s.values.length; i++) {
        f.seen.add(pointKey(s.values[i]!, s.timestamps![i]!, s.steps![i]!));
      }
    }
    const key = pointKey(value, timestamp, step);
    if (f.seen.has(key)) return;
    f.seen.add(key);
  }
  s.values.push(value);
  s.steps!.push(step);
  s.timestamps!.push(timestamp);
}

/**
 * Groups MLflow `Metric` messages into series per (key, model, dataset), dropping exact duplicates
 * (same key, value, timestamp, step, model and dataset) as MLflow does.
 *
 * @remarks Reads the parsed JSON directly (no per-point wrapper objects): this is the REST ingest
 * hot path. Consecutive points of one series skip the grouping lookup, and points ascending by
 * (step, timestamp), as training loops log them, skip the duplicate set. Each metric needs `key`,
 * `value` and `timestamp`; `step` defaults to 0.
 */
export function decodeMetrics(raw: unknown, field = 'metrics'): MetricSeriesInput[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new ValidationError(field, `'${field}' must be a list.`);
  const groups = new Map<string, Filling>();
  let last: Filling | null = null;
  let lastId = '';
  for (let i = 0; i < raw.length; i++) {
    const m: unknown = raw[i];
    const at = `${field}[${i}]`;
    if (m === null || typeof m !== 'object' || Array.isArray(m)) {
      throw new ValidationError(at, `'${at}' must be an object.`);
    }
    const o = m as Record<string, unknown>;
    if (o.key === undefined || o.key === null || o.key === '') throw missing(`${at}.key`);
    const key = asString(o.key, `${at}.key`);
    if (o.value === undefined || o.value === null) throw missing(`${at}.value`);
    const value = asDouble(o.value, `${at}.value`);
    if (o.timestamp === undefined || o.timestamp === null) throw missing(`${at}.timestamp`);
    const timestamp = asInt64(o.timestamp, `${at}.timestamp`);
    const step = o.step === undefined || o.step === null ? 0 : asInt64(o.step, `${at}.step`);
    const modelId = optionalString(o, 'model_id', at);
    const datasetName = optionalString(o, 'dataset_name', at);
    const datasetDigest = optionalString(o, 'dataset_digest', at);
    const id = `${key}\u0000${modelId ?? ''}\u0000${datasetName ?? ''}\u0000${datasetDigest ?? ''}`;
    let f: Filling | undefined = last !== null && id === lastId ? last : groups.get(id);
    if (f === undefined) {
      f = {
        series: { key, values: [], steps: [], timestamps: [], modelId, datasetName, datasetDigest },
        lastStep: Number.NEGATIVE_INFINITY,
        lastTimestamp: Number.NEGATIVE_INFINITY,
        seen: null,
      };
      groups.set(id, f);
    }
    last = f;
    lastId = id;
    addPoint(f, value, timestamp, step);
  }
  return Array.from(groups.values(), (f) => f.series);
}

/** The bytes of a list of numbers, for hashing (exact for doubles and safe integers). */
function numberBytes(list: readonly number[]): Uint8Array {
  return new Uint8Array(Float64Array.from(list).buffer);
}

/**
 * The idempotency key of a REST batch: a hash of the run id and of its distinct points, so a
 * retried request (MLflow's clients resend without a key) is a replay.
 *
 * @remarks Two requests with the same points (in the same order) are one write, which is MLflow's
 * rule for exact duplicate metrics. Null when there are no points (params and tags are idempotent
 * by themselves).
 */
export function retryKey(runId: string, series: readonly MetricSeriesInput[]): string | null {
  if (series.length === 0) return null;
  const hash = createHash('sha256').update(runId);
  for (const s of series) {
    const n = s.values.length;
    hash.update(
      `\n${s.key}\u0000${s.modelId ?? ''}\u0000${s.datasetName ?? ''}\u0000${s.datasetDigest ?? ''}\u0000${n}\n`,
    );
    hash.update(numberBytes(s.values));
    hash.update(numberBytes(s.steps ?? []));
    hash.update(numberBytes(s.timestamps ?? []));
  }
  return `mlflow-rest:${hash.digest().toString('base64url')}`;
}

/**
 * Writes a decoded batch through the one write primitive, safe to retry.
 *
 * @remarks All of it is one atomic logBatch. When its points were written before (a retry, or an
 * exact duplicate), the replay writes nothing; its params and tags are then written again on
 * their own (an idempotent upsert), so a tag set back to an earlier value is not lost.
 */
export async function writeBatch(services: Services, batch: WireBatch): Promise<void> {
  const { runId, metrics, params, tags } = batch;
  const ack = await services.logBatch.log({
    runId,
    metrics,
    params,
    tags,
    idempotencyKey: retryKey(runId, metrics),
  });
  if (ack.replayed && (params.length > 0 || tags.length > 0)) {
    await services.logBatch.log({ runId, params, tags });
  }
}
