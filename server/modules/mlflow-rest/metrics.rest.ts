import { ValidationError } from '../../shared/errors.ts';
import { JsonListStream } from '../../shared/http-json.ts';
import { LIMITS } from '../../shared/limits.ts';
import { decodeCursor } from '../../shared/pagination.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import type { HistoryKey, SeriesData } from '../metrics/public.ts';
import { metricJson } from './entities.json.ts';
import type { RestRoute } from './rest.routes.ts';
import { runIdOf } from './runs.rest.ts';
import type { RestInput } from './wire.ts';

const MAX_BULK_RUNS = 100;
const MAX_RESULTS_PER_RUN = 2500;
const MAX_HISTORY_BULK_RESULTS = 25_000;

/** `run_ids` of a bulk request: 1 to 100 of them. */
function bulkRunIds(input: RestInput, name: string): string[] {
  const ids = input.strings(name);
  if (ids.length === 0)
    throw new ValidationError(name, `GetMetricHistoryBulk requires at least one run_id.`);
  if (ids.length > MAX_BULK_RUNS) {
    throw new ValidationError(
      name,
      `GetMetricHistoryBulk requests may contain at most ${MAX_BULK_RUNS} run IDs. Got ${ids.length}.`,
    );
  }
  return ids;
}

/**
 * MLflow's row sampling (`get-history-bulk-interval`, newer MLflow): at most `max` points spread
 * evenly over the history, always keeping the first and the last.
 */
export function samplePoints(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const picks = new Set<number>();
  for (let i = 0; i < max - 1; i++) picks.add(Math.floor((i * (n - 1)) / (max - 1)));
  picks.add(n - 1);
  return [...picks].sort((a, b) => a - b);
}

/** The points of `s` at the indexes `at`, as MLflow's metric objects of run `runId`. */
function pointsJson(key: string, s: SeriesData, at: readonly number[], runId: string) {
  return at.map((i) => ({
    ...metricJson({ key, step: s.steps[i]!, timestamp: s.timestamps[i]!, value: s.values[i]! }),
    run_id: runId,
  }));
}

/**
 * The first `size` points of a run's history of `key` past `cursor` as MLflow's metric objects
 * (with `run_id` when given), and the token of the next page if any: a keyset page, reading only
 * the segments it draws from, of at most the GraphQL connection's largest page.
 */
async function historyPage(
  services: Services,
  runId: string,
  key: string,
  size: number,
  cursor: HistoryKey | null,
  withRunId?: string,
) {
  const limit = Math.min(size, LIMITS.maxHistoryPageSize);
  const req = { limit, cursor, backward: false };
  const page = await services.metrics.history(runId, key, {}, req, 'page_token');
  return {
    metrics: page.edges.map(({ node }) =>
      withRunId === undefined ? metricJson(node) : { ...metricJson(node), run_id: withRunId },
    ),
    next: (page.pageInfo.hasNextPage && page.pageInfo.endCursor) || undefined,
  };
}

/** Points per page of a whole history sent in one response (see {@link restOfHistory}). */
const WHOLE_HISTORY_CHUNK = 25_000;

/** The pages of a whole history, from `first` on, each read when the last has been sent. */
async function* restOfHistory(
  services: Services,
  runId: string,
  key: string,
  first: Awaited<ReturnType<typeof historyPage>>,
): AsyncGenerator<readonly unknown[]> {
  let page = first;
  yield page.metrics;
  while (page.next) {
    const cursor = decodeCursor<HistoryKey>(page.next, 'page_token');
    page = await historyPage(services, runId, key, WHOLE_HISTORY_CHUNK, cursor);
    yield page.metrics;
  }
}

/** MLflow's metric history endpoints. */
export const METRIC_ROUTES: RestRoute[] = [
  {
    method: 'GET',
    path: 'mlflow/metrics/get-history',
    async handle({ input, services }) {
      const runId = runIdOf(input);
      const key = input.requiredString('metric_key');
      const size = input.int64('max_results');
      // absent (or 0, protobuf's default): the whole history, as MLflow documents it
      if (!size) {
        // streamed in keyset pages: memory stays that of one page however long the history
        const first = await historyPage(services, runId, key, WHOLE_HISTORY_CHUNK, null);
        if (first.metrics.length === 0) return {};
        return new JsonListStream('metrics', restOfHistory(services, runId, key, first));
      }
      if (size < 0) throw new ValidationError('max_results', 'max_results must be positive.');
      // the token is a metricHistory cursor: exact while points are appended, and paging through
      // a history reads it about once
      const token = input.string('page_token');
      const cursor = token ? decodeCursor<HistoryKey>(token, 'page_token') : null;
      const page = await historyPage(services, runId, key, size, cursor);
      return { metrics: page.metrics, next_page_token: page.next };
    },
  },
  {
    method: 'GET',
    path: 'mlflow/metrics/get-history-bulk-interval',
    async handle({ input, services }) {
      const runIds = bulkRunIds(input, 'run_ids');
      const key = input.requiredString('metric_key');
      const max = input.int64('max_results') ?? MAX_RESULTS_PER_RUN;
      if (max < 1 || max > MAX_RESULTS_PER_RUN) {
        throw new ValidationError(
          'max_results',
          `max_results must be between 1 and ${MAX_RESULTS_PER_RUN}; got ${max}.`,
        );
      }
      const start = input.step('start_step');
      const end = input.step('end_step');
      if ((start === undefined) !== (end === undefined)) {
        throw new ValidationError('start_step', 'start_step and end_step must be given together.');
      }
      if (start !== undefined && end !== undefined && start > end) {
        throw new ValidationError(
          'start_step',
          `start_step (${start}) is after end_step (${end}).`,
        );
      }
      const metrics = [];
      for (const runId of runIds) {
        const s = await services.metrics.series(runId, key, { minStep: start, maxStep: end });
        metrics.push(...pointsJson(key, s, samplePoints(s.steps.length, max), runId));
      }
      return { metrics };
    },
  },
  {
    method: 'GET',
    path: 'mlflow/metrics/get-history-bulk',
    async handle({ input, services }) {
      const runIds = bulkRunIds(input, 'run_id');
      const key = input.requiredString('metric_key');
      const max = Math.min(
        input.int64('max_results') ?? MAX_HISTORY_BULK_RESULTS,
        MAX_HISTORY_BULK_RESULTS,
      );
      const metrics = [];
      for (const runId of [...new Set(runIds)].sort()) {
        if (metrics.length >= max) break;
        metrics.push(
          ...(await historyPage(services, runId, key, max - metrics.length, null, runId)).metrics,
        );
      }
      return { metrics };
    },
  },
];
