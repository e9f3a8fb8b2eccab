import type { DeleteTracesInput } from '@trackql/client';
import { collectPages, traceOps as ops, unwrap } from '@trackql/client';
import type { Client } from '@urql/core';
import { getClient } from './config.ts';
import { resolveExperimentId } from './experiments.ts';

const SEARCH_PAGE = 100;

/** A trace by id with its spans (root first, then by start time); null when absent. */
export function getTrace(traceId: string): Promise<ops.TraceData | null> {
  return ops.getTrace(getClient(), traceId);
}

/** Options of {@link searchTraces}. */
export interface SearchTracesOptions {
  /** Default: the current experiment. */
  experimentIds?: string[];
  /** MLflow's trace filter grammar, e.g. `status = 'ERROR' AND tags.team = 'a'`. */
  filter?: string;
  orderBy?: string[];
  /** Default: all matching traces, fetched 100 at a time. */
  maxResults?: number;
  /** Only traces of this logged model (metadata `mlflow.modelId`), ANDed with `filter`. */
  modelId?: string;
  /** Only traces of this run (metadata `mlflow.sourceRun`), ANDed with `filter`. */
  runId?: string;
}

/**
 * Searches traces (MLflow `search_traces`), following pages up to `maxResults`.
 *
 * @remarks `modelId` and `runId` become ``metadata.`mlflow.modelId` = '…'`` and
 * ``metadata.`mlflow.sourceRun` = '…'`` clauses.
 */
export async function searchTraces(
  options: SearchTracesOptions = {},
): Promise<ops.TraceInfoData[]> {
  const experimentIds = options.experimentIds ?? [await resolveExperimentId()];
  return searchTracesWith(getClient(), experimentIds, options);
}

/** {@link searchTraces} through `client` over the given experiments. */
export function searchTracesWith(
  client: Client,
  experimentIds: string[],
  options: Omit<SearchTracesOptions, 'experimentIds'> = {},
): Promise<ops.TraceInfoData[]> {
  const clauses = [options.filter].filter((f): f is string => !!f);
  if (options.modelId) clauses.push(`metadata.\`mlflow.modelId\` = '${options.modelId}'`);
  if (options.runId) clauses.push(`metadata.\`mlflow.sourceRun\` = '${options.runId}'`);
  const filter = clauses.join(' AND ') || null;
  return collectPages(options.maxResults ?? Number.POSITIVE_INFINITY, SEARCH_PAGE, (first, after) =>
    ops.searchTracesPage(client, {
      experimentIds,
      filter,
      orderBy: options.orderBy ?? null,
      first,
      after,
    }),
  );
}

/** Sets a tag of a trace (MLflow `set_trace_tag`). */
export async function setTraceTag(traceId: string, key: string, value: string): Promise<void> {
  unwrap(await ops.setTraceTag(getClient(), { traceId, key, value }));
}

/** Deletes a tag of a trace (MLflow `delete_trace_tag`); a missing key throws. */
export async function deleteTraceTag(traceId: string, key: string): Promise<void> {
  unwrap(await ops.deleteTraceTag(getClient(), traceId, key));
}

/**
 * Deletes traces of an experiment by id (sent 100 at a time) or up to a time; returns how many.
 */
export function deleteTraces(input: DeleteTracesInput): Promise<number> {
  return deleteTracesWith(getClient(), input);
}

/** {@link deleteTraces} through `client`. */
export async function deleteTracesWith(client: Client, input: DeleteTracesInput): Promise<number> {
  if (!input.traceIds) return unwrap(await ops.deleteTraces(client, input));
  let deleted = 0;
  for (let i = 0; i < input.traceIds.length || i === 0; i += 100) {
    const traceIds = input.traceIds.slice(i, i + 100);
    deleted += unwrap(await ops.deleteTraces(client, { ...input, traceIds }));
  }
  return deleted;
}
