import { TrackingError } from '../errors.ts';
import type { ViewType } from '../gql/graphql.ts';
import { listExperimentRuns, listExperiments } from '../operations/experiments.ts';
import * as ops from '../operations/runs.ts';
import { getClient } from './config.ts';
import { type Experiment, type Run, toExperiment, toRun } from './convert.ts';
import { resolveExperimentId } from './experiments.ts';

// pages stay under the server's complexity limit (lists inside a run count ten times)
const RUN_PAGE = 50;
const EXPERIMENT_PAGE = 200;

/** Fetches a run with its params, tags and latest metrics; `null` when there is none. */
export async function getRun(runId: string): Promise<Run | null> {
  const r = await ops.getRun(getClient(), runId);
  return r ? toRun(r) : null;
}

/** Options of {@link searchRuns} (MLflow's `search_runs` arguments, camelCased). */
export interface SearchRunsOptions {
  /** Experiments to list; default: the active experiment (see `setExperiment`). */
  experimentIds?: string[];
  /** MLflow filter string; reserved until the server's `searchRuns` is available. */
  filter?: string;
  /** MLflow order-by clauses; reserved until the server's `searchRuns` is available. */
  orderBy?: string[];
  /** Most runs returned. Default 1000. */
  maxResults?: number;
  /** Lifecycle filter. Default ACTIVE_ONLY. */
  viewType?: ViewType;
}

function noServerSearch(what: string): TrackingError {
  return new TrackingError(
    'domain',
    `${what} needs the server's search API, which this server does not offer yet; filter the returned runs in code`,
    { code: 'INVALID_PARAMETER_VALUE', typename: 'ValidationError', field: what },
  );
}

/**
 * Lists runs of one or more experiments, newest first (start time, then run id), with their data.
 *
 * @remarks Pages through `Experiment.runs` until `maxResults`. `filter` and `orderBy` are rejected
 * until the server's search lands; use {@link runsToTable} or `Array.filter` on the result meanwhile.
 */
export async function searchRuns(options: SearchRunsOptions = {}): Promise<Run[]> {
  if (options.filter) throw noServerSearch('filter');
  if (options.orderBy?.length) throw noServerSearch('orderBy');
  const max = options.maxResults ?? 1000;
  const ids = options.experimentIds ?? [await resolveExperimentId()];
  const runs: Run[] = [];
  for (const experimentId of ids) {
    let after: string | null = null;
    while (runs.length < max) {
      const page = await listExperimentRuns(getClient(), experimentId, {
        viewType: options.viewType,
        first: Math.min(RUN_PAGE, max - runs.length),
        after,
      });
      if (!page) break;
      runs.push(...page.items.map(toRun));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
  }
  runs.sort(
    (a, b) => b.info.startTime - a.info.startTime || (a.info.runId < b.info.runId ? -1 : 1),
  );
  return runs.slice(0, max);
}

/** Options of {@link searchExperiments}. */
export interface SearchExperimentsOptions {
  /** MLflow filter string; reserved until the server's `searchExperiments` is available. */
  filter?: string;
  /** MLflow order-by clauses; reserved until the server's `searchExperiments` is available. */
  orderBy?: string[];
  /** Most experiments returned. Default 1000. */
  maxResults?: number;
  /** Lifecycle filter. Default ACTIVE_ONLY. */
  viewType?: ViewType;
}

/** Lists experiments in id order, paging through the server's `experiments` connection. */
export async function searchExperiments(
  options: SearchExperimentsOptions = {},
): Promise<Experiment[]> {
  if (options.filter) throw noServerSearch('filter');
  if (options.orderBy?.length) throw noServerSearch('orderBy');
  const max = options.maxResults ?? 1000;
  const out: Experiment[] = [];
  let after: string | null = null;
  while (out.length < max) {
    const page = await listExperiments(getClient(), {
      viewType: options.viewType,
      first: Math.min(EXPERIMENT_PAGE, max - out.length),
      after,
    });
    out.push(...page.items.map(toExperiment));
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  return out;
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
