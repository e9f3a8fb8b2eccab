import type { Experiment as GqlExperiment, RunData, RunInfo } from '@trackql/client';
import { checkKey, checkRecord, checkTagValue, type TagValue } from '@trackql/client';
import type { RunInputs, RunOutputs } from './run-io.ts';

/** An experiment, with tags as a record (MLflow's `Experiment`). */
export interface Experiment {
  experimentId: string;
  name: string;
  artifactLocation: string;
  lifecycleStage: GqlExperiment['lifecycleStage'];
  creationTime: number;
  lastUpdateTime: number;
  tags: Record<string, string>;
}

/** A run: `info` plus logged `data` as records (MLflow's `Run`). */
export interface Run {
  info: RunInfo;
  data: {
    /** Latest value of each metric key (MLflow's rule). */
    metrics: Record<string, number>;
    params: Record<string, string>;
    tags: Record<string, string>;
  };
  /** Datasets and models the run used; filled by `getRun` and `lastActiveRun` (not by searches). */
  inputs?: RunInputs;
  /** Models the run produced; filled by `getRun` and `lastActiveRun` (not by searches). */
  outputs?: RunOutputs;
}

/** Turns a list of key/value pairs into a record. */
export function toRecord(pairs: readonly { key: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) out[p.key] = p.value;
  return out;
}

/**
 * Turns a record of params or tags into key/value pairs, values stringified as MLflow does.
 *
 * @throws {@link InvalidValueError} for a malformed key or a value that is not a string, number,
 * boolean or bigint (`field` names the record in the message).
 */
export function toPairs(
  record: Record<string, TagValue> = {},
  field = 'tags',
): { key: string; value: string }[] {
  checkRecord(record, field);
  return Object.entries(record).map(([key, value]) => ({
    key: checkKey(key, `${field} key`),
    value: checkTagValue(value, `${field}.${key}`),
  }));
}

/** Converts a generated experiment to the fluent shape. */
export function toExperiment(e: GqlExperiment): Experiment {
  return { ...e, tags: toRecord(e.tags) };
}

/** Converts a generated run (with data) to the fluent shape. */
export function toRun(r: RunData): Run {
  const { params, tags, latestMetrics, ...info } = r;
  const metrics: Record<string, number> = {};
  for (const m of latestMetrics) metrics[m.key] = Number(m.value);
  return { info, data: { metrics, params: toRecord(params), tags: toRecord(tags) } };
}
