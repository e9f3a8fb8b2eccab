import { createHash } from 'node:crypto';
import { ValidationError } from '../../shared/errors.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import type { MetricSeriesInput } from '../log-batch/public.ts';
import type { KeyValue } from '../params-tags/public.ts';
import { asDouble, asInt64, asStep, asString, missing } from './wire.ts';

/** A batch decoded from MLflow's wire form, metrics grouped into series. */
export interface WireBatch {
  runId: string;
  metrics: MetricSeriesInput[];
  params: KeyValue[];
  tags: KeyValue[];
  /** Canonical content of the distinct points, hashed into the retry key. */
  canonical: string;
}

function optionalString(o: Record<string, unknown>, name: string, field: string) {
  const v = o[name];
  return v === undefined || v === null || v === '' ? null : asString(v, `${field}.${name}`);
}

/**
 * Groups MLflow `Metric` messages into series per (key, model, dataset), dropping exact duplicates
 * (same key, value, timestamp, step, model and dataset) as MLflow does.
 *
 * @remarks Reads the parsed JSON directly (no per-point wrapper objects): this is the REST ingest
 * hot path. Each metric needs `key`, `value` and `timestamp`; `step` defaults to 0.
 */
export function decodeMetrics(
  raw: unknown,
  field = 'metrics',
): { series: MetricSeriesInput[]; canonical: string } {
  if (raw === undefined || raw === null) return { series: [], canonical: '' };
  if (!Array.isArray(raw)) throw new ValidationError(field, `'${field}' must be a list.`);
  const series = new Map<string, MetricSeriesInput>();
  const seen = new Set<string>();
  const lines: string[] = [];
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
    const step = o.step === undefined || o.step === null ? 0 : asStep(o.step, `${at}.step`);
    const modelId = optionalString(o, 'model_id', at);
    const datasetName = optionalString(o, 'dataset_name', at);
    const datasetDigest = optionalString(o, 'dataset_digest', at);
    const group = `${key}\u0000${modelId ?? ''}\u0000${datasetName ?? ''}\u0000${datasetDigest ?? ''}`;
    const line = `${group}\u0000${value}\u0000${timestamp}\u0000${step}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
    let s = series.get(group);
    if (!s) {
      s = { key, values: [], steps: [], timestamps: [], modelId, datasetName, datasetDigest };
      series.set(group, s);
    }
    s.values.push(value);
    s.steps!.push(step);
    s.timestamps!.push(timestamp);
  }
  return { series: [...series.values()], canonical: lines.join('\n') };
}

/**
 * The idempotency key of a REST batch: a hash of the run id and the canonical content of its
 * points, so a retried request (MLflow's clients resend without a key) is a replay.
 *
 * @remarks Two requests with the same points are one write, which is MLflow's rule for exact
 * duplicate metrics. Null when there are no points (params and tags are idempotent by themselves).
 */
export function retryKey(runId: string, canonical: string): string | null {
  if (canonical === '') return null;
  const digest = createHash('sha256').update(runId).update('\n').update(canonical).digest();
  return `mlflow-rest:${digest.toString('base64url')}`;
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
    idempotencyKey: retryKey(runId, batch.canonical),
  });
  if (ack.replayed && (params.length > 0 || tags.length > 0)) {
    await services.logBatch.log({ runId, params, tags });
  }
}
