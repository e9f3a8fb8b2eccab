import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { Experiment } from '../experiments/public.ts';
import {
  experimentJson,
  nextToken,
  PROXY_SCHEME,
  searchPage,
  VIEW_TYPES,
} from './entities.json.ts';
import type { RestCall, RestRoute } from './rest.routes.ts';

const SEARCH_MAX_RESULTS = 50_000;
const MAX_SEARCH_DATASETS_EXPERIMENTS = 20;

async function withTags(call: RestCall, exps: readonly Experiment[]) {
  const tags = await call.services.paramsTags.experimentTagsByIds(exps.map((e) => String(e.id)));
  return exps.map((e, i) => experimentJson(e, tags[i]!, call.deps.config));
}

async function search(call: RestCall) {
  const { input, services } = call;
  const page = await services.search.searchExperiments(
    { filter: input.string('filter'), orderBy: input.strings('order_by') },
    input.enum('view_type', VIEW_TYPES) ?? 'ACTIVE_ONLY',
    searchPage(input, { defaultSize: 1000, max: SEARCH_MAX_RESULTS }),
  );
  const experiments = await withTags(
    call,
    page.edges.map((e) => e.node),
  );
  return { experiments, next_page_token: nextToken(page) };
}

/** MLflow's experiment endpoints. */
export const EXPERIMENT_ROUTES: RestRoute[] = [
  {
    method: 'POST',
    path: 'mlflow/experiments/create',
    async handle({ input, services }) {
      const location = input.string('artifact_location');
      const exp = await services.experiments.create({
        name: input.requiredString('name'),
        // the server chooses where proxied artifacts live: a proxied location means the default
        artifactLocation: location?.startsWith(PROXY_SCHEME) ? null : location || null,
        tags: input.keyValues('tags'),
      });
      return { experiment_id: String(exp.id) };
    },
  },
  {
    method: 'GET',
    path: 'mlflow/experiments/get',
    async handle(call) {
      const exp = await call.services.experiments.get(
        call.input.requiredString('experiment_id'),
        'experiment_id',
      );
      return { experiment: (await withTags(call, [exp]))[0] };
    },
  },
  {
    method: 'GET',
    path: 'mlflow/experiments/get-by-name',
    async handle(call) {
      const name = call.input.requiredString('experiment_name');
      const exp = await call.services.experiments.findByName(name);
      if (!exp) {
        throw new NotFoundError(
          'Experiment',
          name,
          `Could not find experiment with name '${name}'`,
        );
      }
      return { experiment: (await withTags(call, [exp]))[0] };
    },
  },
  { method: 'GET', path: 'mlflow/experiments/search', handle: search },
  { method: 'POST', path: 'mlflow/experiments/search', handle: search },
  {
    method: 'POST',
    path: 'mlflow/experiments/update',
    // MLflow: renaming a deleted experiment is INVALID_STATE (500), a taken name BAD_REQUEST
    errors: {
      INVALID_STATE: { code: 'INVALID_STATE', status: 500 },
      RESOURCE_ALREADY_EXISTS: { code: 'BAD_REQUEST', status: 400 },
    },
    async handle({ input, services }) {
      const id = input.requiredString('experiment_id');
      await services.experiments.rename(id, input.requiredString('new_name'));
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/experiments/delete',
    // MLflow: deleting a deleted experiment is RESOURCE_DOES_NOT_EXIST
    errors: { INVALID_STATE: { code: 'RESOURCE_DOES_NOT_EXIST', status: 404 } },
    async handle({ input, services }) {
      await services.experiments.delete(input.requiredString('experiment_id'));
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/experiments/restore',
    // MLflow: restoring an active experiment is RESOURCE_DOES_NOT_EXIST
    errors: { INVALID_STATE: { code: 'RESOURCE_DOES_NOT_EXIST', status: 404 } },
    async handle({ input, services }) {
      await services.experiments.restore(input.requiredString('experiment_id'));
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/experiments/set-experiment-tag',
    async handle({ input, services }) {
      await services.paramsTags.setExperimentTag(
        input.requiredString('experiment_id'),
        input.requiredString('key'),
        input.string('value') ?? '',
      );
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/experiments/delete-experiment-tag',
    async handle({ input, services }) {
      await services.paramsTags.deleteExperimentTag(
        input.requiredString('experiment_id'),
        input.requiredString('key'),
      );
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/experiments/search-datasets',
    async handle({ input, services }) {
      const ids = input.strings('experiment_ids');
      if (ids.length === 0 || ids.length > MAX_SEARCH_DATASETS_EXPERIMENTS) {
        throw new ValidationError(
          'experiment_ids',
          `SearchDatasets takes between 1 and ${MAX_SEARCH_DATASETS_EXPERIMENTS} experiment ids; got ${ids.length}.`,
        );
      }
      const groups = await services.datasets.summariesByExperimentIds(ids);
      return {
        dataset_summaries: groups.flat().map((s) => ({
          experiment_id: s.experimentId,
          name: s.name,
          digest: s.digest,
          ...(s.context === null ? {} : { context: s.context }),
        })),
      };
    },
  },
];
