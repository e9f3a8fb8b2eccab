import {
  checkKey,
  checkMetricValue,
  checkRecord,
  checkStep,
  checkTagValue,
  checkTimestamp,
  InvalidValueError,
  type LogBatchInput,
  type StepInput,
  type TagValue,
} from '@trackql/client';
import { cutBatches } from '../fluent/batches.ts';
import { RunSink } from '../fluent/run-sink.ts';

/** One metric point of {@link MlflowClient.logBatch} (MLflow's `Metric` entity). */
export interface MetricEntry {
  key: string;
  value: number;
  /** Default 0. */
  step?: StepInput;
  /** ms since the epoch; default now. */
  timestamp?: number | bigint;
}

/** Params or tags: a record, or MLflow-style `{ key, value }` entities. */
export type KeyValues = Record<string, TagValue> | readonly { key: string; value: TagValue }[];

/** What {@link MlflowClient.logBatch} logs. */
export interface BatchContent {
  metrics?: readonly MetricEntry[];
  params?: KeyValues;
  tags?: KeyValues;
}

function pairsOf(kv: KeyValues | undefined, field: string): [string, string][] {
  if (kv === undefined) return [];
  const entries: [string, unknown][] = Array.isArray(kv)
    ? kv.map((e: { key: string; value: unknown }) => [e?.key, e?.value])
    : Object.entries(checkRecord<TagValue>(kv, field));
  return entries.map(([key, value], i) => [
    checkKey(key, `${field}[${i}].key`),
    checkTagValue(value, `${field}.${String(key)}`),
  ]);
}

/**
 * Checks everything a `logBatch` call carries (MLflow's rules, as the fluent API does) and cuts it
 * into `logBatch` inputs within the server's limits.
 *
 * @remarks Params and tags travel in batches of their own, before the metrics, so a param the
 * server refuses costs no points; within each part the order is kept.
 * @throws {@link InvalidValueError} before anything is sent, `field` naming the bad entry.
 */
export function batchInputs(runId: string, content: BatchContent): LogBatchInput[] {
  if (typeof runId !== 'string' || runId === '') {
    throw new InvalidValueError('runId', 'runId must be a non-empty string');
  }
  const sink = new RunSink(runId);
  const now = Date.now();
  const metrics = content.metrics ?? [];
  if (!Array.isArray(metrics)) {
    throw new InvalidValueError('metrics', 'metrics must be an array of { key, value, step }');
  }
  metrics.forEach((m: MetricEntry, i) => {
    const key = checkKey(m?.key, `metrics[${i}].key`);
    const value = checkMetricValue(m.value, `metrics[${i}].value`);
    const step = m.step === undefined ? 0 : checkStep(m.step, `metrics[${i}].step`);
    const ts =
      m.timestamp === undefined ? now : checkTimestamp(m.timestamp, `metrics[${i}].timestamp`);
    sink.metric(key, value, step, ts);
  });
  for (const [key, value] of pairsOf(content.params, 'params')) sink.param(key, value);
  for (const [key, value] of pairsOf(content.tags, 'tags')) sink.tags.set(key, value);
  return cutBatches(sink, runId, Number.POSITIVE_INFINITY);
}
