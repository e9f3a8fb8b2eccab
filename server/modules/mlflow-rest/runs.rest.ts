import { JsonListStream } from '../../shared/http-json.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import { RUN_STATUSES, type Run } from '../runs/public.ts';
import { nextToken, runInfoJson, runsJson, searchPage, VIEW_TYPES } from './entities.json.ts';
import type { RestCall, RestRoute } from './rest.routes.ts';
import { missing, type RestInput } from './wire.ts';

/** `run_id`, or the deprecated `run_uuid` MLflow still accepts in its place. */
export function runIdOf(input: RestInput): string {
  const id = input.string('run_id') || input.string('run_uuid');
  if (!id) throw missing('run_id');
  return id;
}

const SEARCH_MAX_RESULTS = 50_000;

async function search({ input, services }: RestCall) {
  const experimentIds = input.strings('experiment_ids');
  const req = searchPage(input, { defaultSize: 1000, max: SEARCH_MAX_RESULTS });
  // MLflow: no experiments, no runs
  if (experimentIds.length === 0) return {};
  const page = await services.search.searchRuns(
    experimentIds,
    { filter: input.string('filter'), orderBy: input.strings('order_by') },
    input.enum('run_view_type', VIEW_TYPES) ?? 'ACTIVE_ONLY',
    req,
  );
  const runs = page.edges.map((e) => e.node);
  const first = await runsJson(services, runs.slice(0, SEARCH_CHUNK));
  if (runs.length <= SEARCH_CHUNK) return { runs: first, next_page_token: nextToken(page) };
  // a large page (MLflow's pandas search asks 10,000 runs at a time) streams a chunk at a time
  return new JsonListStream('runs', searchChunks(services, runs, first), {
    next_page_token: nextToken(page),
  });
}

/**
 * Runs per chunk of a large search page: each chunk's params, tags, metrics and inputs are read
 * when the previous chunk has been sent, so a page's memory is one chunk's.
 */
const SEARCH_CHUNK = 1000;

async function* searchChunks(services: Services, runs: readonly Run[], first: unknown[]) {
  yield first;
  for (let at = SEARCH_CHUNK; at < runs.length; at += SEARCH_CHUNK) {
    yield await runsJson(services, runs.slice(at, at + SEARCH_CHUNK));
  }
}

/** MLflow's run lifecycle endpoints: create, update, delete, restore, get, search. */
export const RUN_ROUTES: RestRoute[] = [
  {
    method: 'POST',
    path: 'mlflow/runs/create',
    async handle({ input, services }) {
      const run = await services.runs.create({
        experimentId: input.string('experiment_id') || '0',
        userId: input.string('user_id'),
        runName: input.string('run_name') || null,
        startTime: input.int64('start_time'),
        tags: input.keyValues('tags'),
      });
      return { run: (await runsJson(services, [run]))[0] };
    },
  },
  {
    method: 'POST',
    path: 'mlflow/runs/update',
    async handle({ input, services }) {
      const run = await services.runs.update(runIdOf(input), {
        status: input.enum('status', RUN_STATUSES),
        endTime: input.int64('end_time'),
        runName: input.string('run_name') || null,
      });
      return { run_info: runInfoJson(run) };
    },
  },
  {
    method: 'POST',
    path: 'mlflow/runs/delete',
    async handle({ input, services }) {
      await services.runs.delete(runIdOf(input));
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/runs/restore',
    async handle({ input, services }) {
      await services.runs.restore(runIdOf(input));
      return {};
    },
  },
  {
    method: 'GET',
    path: 'mlflow/runs/get',
    async handle({ input, services }) {
      const run = await services.runs.get(runIdOf(input));
      return { run: (await runsJson(services, [run], true))[0] };
    },
  },
  { method: 'POST', path: 'mlflow/runs/search', handle: search },
];
