import { ValidationError } from '../../shared/errors.ts';
import { parseStep, type Step } from '../../shared/scalars.ts';
import type { SeriesData } from '../metrics/public.ts';
import type { RestRoute } from './rest.routes.ts';
import { runIdOf } from './runs.rest.ts';
import { type RestInput, wireDouble } from './wire.ts';

const MAX_BULK_RUNS = 100;
const MAX_RESULTS_PER_RUN = 2500;
const MAX_HISTORY_BULK_RESULTS = 25_000;

/**
 * Where a get-history page starts: a step and how many points at that step came before.
 *
 * @remarks The token is opaque to clients (MLflow's is an offset); ours stays exact while points
 * are appended with larger steps.
 */
function historyPosition(token: string | undefined): [Step | null, number] {
  if (!token) return [null, 0];
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const step = Array.isArray(v) ? parseStep(v[0]) : undefined;
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      step !== undefined &&
      Number.isSafeInteger(v[1]) &&
      v[1] >= 0
    ) {
      return [step, v[1] as number];
    }
  } catch {
    // falls through to the error below
  }
  throw new ValidationError('page_token', `Invalid page_token '${token}'.`);
}

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

function pointsJson(key: string, s: SeriesData, at: readonly number[] | null, runId?: string) {
  const n = at ? at.length : s.steps.length;
  const out = new Array(n);
  for (let j = 0; j < n; j++) {
    const i = at ? at[j]! : j;
    out[j] = {
      key,
      value: wireDouble(s.values[i]!),
      timestamp: s.timestamps[i]!,
      step: s.steps[i]!,
      ...(runId === undefined ? {} : { run_id: runId }),
    };
  }
  return out;
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
        const series = await services.metrics.series(runId, key, {});
        return { metrics: pointsJson(key, series, null) };
      }
      if (size < 0) throw new ValidationError('max_results', 'max_results must be positive.');
      const [fromStep, skip] = historyPosition(input.string('page_token'));
      // the points from the token's step on (reads what is left, no per-point cursors), then the
      // page: the first `skip` points at `fromStep` were on earlier pages
      const s = await services.metrics.series(runId, key, { minStep: fromStep });
      let from = 0;
      while (from < skip && from < s.steps.length && s.steps[from] === fromStep) from++;
      const to = Math.min(s.steps.length, from + size);
      const at = Array.from({ length: to - from }, (_, i) => from + i);
      let next: string | undefined;
      if (to < s.steps.length && to > 0) {
        const lastStep = s.steps[to - 1]!;
        let same = 0;
        for (let i = to - 1; i >= 0 && s.steps[i] === lastStep; i--) same++;
        const at = typeof lastStep === 'bigint' ? String(lastStep) : lastStep;
        next = Buffer.from(JSON.stringify([at, same])).toString('base64url');
      }
      return { metrics: pointsJson(key, s, at), next_page_token: next };
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
        const s = await services.metrics.series(runId, key, {});
        metrics.push(...pointsJson(key, s, null, runId).slice(0, max - metrics.length));
      }
      return { metrics };
    },
  },
];
