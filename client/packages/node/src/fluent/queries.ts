import type { ViewType } from '@trackql/client';
import {
  checkKey,
  collectPages,
  type MetricPoint,
  metricOps,
  runOps as ops,
  searchExperimentsPage,
  searchRunsPage,
  TrackingError,
} from '@trackql/client';
import type { Client } from '@urql/core';
import { getClient, logger } from './config.ts';
import { type Experiment, type Run, toExperiment, toRun } from './convert.ts';
import { resolveExperimentId } from './experiments.ts';
import { runInputsOutputs } from './run-io.ts';

// pages stay under the server's complexity limit (lists inside a run count ten times): a whole run
// costs ~944 of the 100,000, so 100 runs (the CLI's and MLflow UI's usual page) fit in one request
const RUN_PAGE = 100;
const EXPERIMENT_PAGE = 200;

/** Fetches a run with its params, tags, latest metrics, inputs and outputs; `null` when there is none. */
export function getRun(runId: string): Promise<Run | null> {
  return getRunWith(getClient(), runId);
}

/** {@link getRun} through `client`, with the run's `inputs` and `outputs`. */
export async function getRunWith(client: Client, runId: string): Promise<Run | null> {
  const [r, io] = await Promise.all([ops.getRun(client, runId), runInputsOutputs(client, runId)]);
  return r ? { ...toRun(r), ...io } : null;
}

/**
 * Every point of one metric of a run (MLflow `MlflowClient.get_metric_history`), by step, then
 * timestamp, then logging order; values as numbers (NaN and ±Infinity included).
 *
 * @remarks Sends what this process queued first, so points logged before the call are in the
 * answer. Rejects with a `RESOURCE_DOES_NOT_EXIST` {@link TrackingError} for an unknown run, and
 * an `InvalidValueError` for a malformed key; a key never logged gives `[]`.
 */
export async function getMetricHistory(runId: string, key: string): Promise<MetricPoint[]> {
  checkKey(key);
  await logger.flush();
  return metricHistoryWith(getClient(), runId, key);
}

/**
 * Every point of one metric of a run through `client`; a `RESOURCE_DOES_NOT_EXIST`
 * {@link TrackingError} for an unknown run, `[]` for a key never logged.
 */
export async function metricHistoryWith(
  client: Client,
  runId: string,
  key: string,
): Promise<MetricPoint[]> {
  checkKey(key);
  const points = await metricOps.getMetricHistory(client, runId, key);
  if (points.length === 0 && (await ops.getRun(client, runId)) === null) {
    throw new TrackingError('domain', `Run with id=${runId} not found`, {
      code: 'RESOURCE_DOES_NOT_EXIST',
      typename: 'NotFoundError',
    });
  }
  return points;
}

/** Options of {@link searchRuns} (MLflow's `search_runs` arguments, camelCased). */
export interface SearchRunsOptions {
  /** Experiments to search; default: the active experiment (see `setExperiment`). */
  experimentIds?: string[];
  /** MLflow filter string, e.g. `"metrics.acc > 0.9 AND params.lr = '0.01'"`. */
  filter?: string;
  /** MLflow order-by clauses, e.g. `['metrics.acc DESC']`; default newest first. */
  orderBy?: string[];
  /** Most runs returned. Default 1000. */
  maxResults?: number;
  /** Lifecycle filter. Default ACTIVE_ONLY. */
  viewType?: ViewType;
}

/**
 * Finds runs with the server's `searchRuns` (MLflow's filter grammar and order-by), paging until
 * `maxResults`, each run with its params, tags and latest metrics.
 *
 * @remarks A bad filter or order rejects with a {@link TrackingError} carrying INVALID_PARAMETER_VALUE.
 */
export async function searchRuns(options: SearchRunsOptions = {}): Promise<Run[]> {
  const ids = options.experimentIds ?? [await resolveExperimentId()];
  return searchRunsWith(getClient(), ids, options);
}

/** {@link searchRuns} through `client` over the given experiments. */
export async function searchRunsWith(
  client: Client,
  experimentIds: string[],
  options: Omit<SearchRunsOptions, 'experimentIds'> = {},
): Promise<Run[]> {
  const args = { filter: options.filter, orderBy: options.orderBy, viewType: options.viewType };
  const runs = await collectPages(options.maxResults ?? 1000, RUN_PAGE, (first, after) =>
    searchRunsPage(client, experimentIds, { ...args, first, after }),
  );
  return runs.map(toRun);
}

/** Options of {@link searchExperiments}. */
export interface SearchExperimentsOptions {
  /** MLflow experiment filter, e.g. `"name LIKE 'fraud%' AND tags.team = 'risk'"`. */
  filter?: string;
  /** Order-by clauses on `name`, `experiment_id`, `creation_time`, `last_update_time`. */
  orderBy?: string[];
  /** Most experiments returned. Default 1000. */
  maxResults?: number;
  /** Lifecycle filter. Default ACTIVE_ONLY. */
  viewType?: ViewType;
}

/** Finds experiments with the server's `searchExperiments`, paging until `maxResults`. */
export function searchExperiments(options: SearchExperimentsOptions = {}): Promise<Experiment[]> {
  return searchExperimentsWith(getClient(), options);
}

/** {@link searchExperiments} through `client`. */
export async function searchExperimentsWith(
  client: Client,
  options: SearchExperimentsOptions = {},
): Promise<Experiment[]> {
  const args = { filter: options.filter, orderBy: options.orderBy, viewType: options.viewType };
  const found = await collectPages(options.maxResults ?? 1000, EXPERIMENT_PAGE, (first, after) =>
    searchExperimentsPage(client, { ...args, first, after }),
  );
  return found.map(toExperiment);
}

/** A row of {@link runsToTable}: run attributes plus `params.<key>`, `metrics.<key>`, `tags.<key>`. */
export type RunRow = Record<string, string | number | null>;

/**
 * Flattens runs into table rows, MLflow's `search_runs` DataFrame: `runId`, `experimentId`,
 * `runName`, `status`, `startTime`, `endTime`, `artifactUri`, `userId`, then one column per
 * `metrics.<key>`, `params.<key>` and `tags.<key>` across all runs (null where a run lacks it).
 */
export function runsToTable(runs: readonly Run[]): RunRow[] {
  const columns = new Set<string>();
  const rows = runs.map((r) => {
    const row: RunRow = {
      runId: r.info.runId,
      experimentId: r.info.experimentId,
      runName: r.info.name,
      status: r.info.status,
      startTime: r.info.startTime,
      endTime: r.info.endTime ?? null,
      artifactUri: r.info.artifactUri,
      userId: r.info.userId,
    };
    for (const [prefix, data] of [
      ['metrics', r.data.metrics],
      ['params', r.data.params],
      ['tags', r.data.tags],
    ] as const) {
      for (const [k, v] of Object.entries(data)) {
        row[`${prefix}.${k}`] = v;
        columns.add(`${prefix}.${k}`);
      }
    }
    return row;
  });
  const sorted = [...columns].sort();
  for (const row of rows) for (const c of sorted) row[c] ??= null;
  return rows;
}
