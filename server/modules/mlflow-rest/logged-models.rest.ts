import { NotFoundError } from '../../shared/errors.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import { normaliseArtifactPath } from '../artifacts/public.ts';
import type { LoggedModel, LoggedModelStatus } from '../logged-models/public.ts';
import { type ArtifactOwner, listAll, pageAfter } from './artifacts.rest.ts';
import { keyValues, nextToken, PROXY_SCHEME, searchPage } from './entities.json.ts';
import type { RestRoute } from './rest.routes.ts';
import { compact, wireDouble } from './wire.ts';

/** MLflow's `LoggedModelStatus` names, numbered 1, 2, 3 (0 is UNSPECIFIED). */
const WIRE_STATUSES = [
  'LOGGED_MODEL_PENDING',
  'LOGGED_MODEL_READY',
  'LOGGED_MODEL_UPLOAD_FAILED',
] as const;
const STATUS_OF: Record<(typeof WIRE_STATUSES)[number], LoggedModelStatus> = {
  LOGGED_MODEL_PENDING: 'PENDING',
  LOGGED_MODEL_READY: 'READY',
  LOGGED_MODEL_UPLOAD_FAILED: 'UPLOAD_FAILED',
};

/** The URI clients see for a logged model's files (proxied, like runs'). */
export function modelArtifactUri(m: Pick<LoggedModel, 'id' | 'experimentId'>): string {
  return `${PROXY_SCHEME}/${m.experimentId}/models/${m.id}/artifacts`;
}

/** Whole `LoggedModel` messages (info with tags, data with params and metrics), 3 queries. */
async function modelsJson(services: Services, models: readonly LoggedModel[]) {
  if (models.length === 0) return [];
  const ids = models.map((m) => m.id);
  const [tags, params, metrics] = await Promise.all([
    services.loggedModels.tagsByModelIds(ids),
    services.loggedModels.paramsByModelIds(ids),
    services.modelLinks.metricsByModelIds(ids),
  ]);
  return models.map((m, i) => ({
    info: compact({
      model_id: m.id,
      experiment_id: String(m.experimentId),
      name: m.name,
      creation_timestamp_ms: m.creationTime,
      last_updated_timestamp_ms: m.lastUpdatedTime,
      artifact_uri: modelArtifactUri(m),
      status: `LOGGED_MODEL_${m.status}`,
      model_type: m.modelType,
      source_run_id: m.sourceRunId,
      tags: keyValues(tags[i]!),
    }),
    data: compact({
      params: keyValues(params[i]!),
      metrics: metrics[i]!.map((x) =>
        compact({
          key: x.key,
          value: wireDouble(x.value),
          timestamp: x.timestamp,
          step: x.step,
          dataset_name: x.datasetName,
          dataset_digest: x.datasetDigest,
          model_id: x.modelId,
          run_id: x.runId,
        }),
      ),
    }),
  }));
}

async function active(services: Services, id: string, allowDeleted = false): Promise<LoggedModel> {
  const model = await services.loggedModels.findById(id, allowDeleted);
  if (!model) throw new NotFoundError('LoggedModel', id, `Logged model with ID '${id}' not found.`);
  return model;
}

/** A logged model's files as an artifact owner (for `mlflow-artifacts:/<exp>/models/<id>/...`). */
export async function modelOwner(
  services: Services,
  experimentId: string,
  modelId: string,
): Promise<ArtifactOwner> {
  const model = await services.loggedModels.findById(modelId, true);
  if (!model || String(model.experimentId) !== experimentId) {
    throw new NotFoundError('LoggedModel', modelId, `Logged model with ID '${modelId}' not found.`);
  }
  return ownerOfModel(services, model);
}

function ownerOfModel(services: Services, model: LoggedModel): ArtifactOwner {
  const svc = services.modelArtifacts;
  return {
    list: (dir) => listAll((after) => svc.list(model, dir, pageAfter(after))),
    stat: (path) => svc.stat(model, path),
    open: (file, range) => svc.open(model, file, range),
    upload: (path, body) => svc.upload(model, path, body),
    delete: (path) => svc.delete(model, path),
  };
}

/** MLflow 3's logged-model endpoints. */
export const LOGGED_MODEL_ROUTES: RestRoute[] = [
  {
    method: 'POST',
    path: 'mlflow/logged-models',
    async handle({ input, services }) {
      const model = await services.loggedModels.create({
        experimentId: input.requiredString('experiment_id'),
        name: input.string('name') || null,
        modelType: input.string('model_type') || null,
        sourceRunId: input.string('source_run_id') || null,
        params: input.keyValues('params'),
        tags: input.keyValues('tags'),
      });
      return { model: (await modelsJson(services, [model]))[0] };
    },
  },
  {
    method: 'POST',
    path: 'mlflow/logged-models/search',
    async handle({ input, services }) {
      const page = await services.search.searchLoggedModels(
        input.strings('experiment_ids'),
        {
          filter: input.string('filter'),
          datasets: input.objects('datasets').map((d) => ({
            datasetName: d.requiredString('dataset_name'),
            datasetDigest: d.string('dataset_digest') ?? null,
          })),
          orderBy: input.objects('order_by').map((o) => ({
            fieldName: o.requiredString('field_name'),
            ascending: o.bool('ascending') ?? true,
            datasetName: o.string('dataset_name') ?? null,
            datasetDigest: o.string('dataset_digest') ?? null,
          })),
        },
        searchPage(input, { defaultSize: 50, max: 1000 }),
      );
      const models = await modelsJson(
        services,
        page.edges.map((e) => e.node),
      );
      return { models, next_page_token: nextToken(page) };
    },
  },
  {
    method: 'GET',
    path: 'mlflow/logged-models/:model_id',
    async handle({ input, params, services }) {
      const model = await active(services, params.model_id!, input.bool('allow_deleted') ?? false);
      return { model: (await modelsJson(services, [model]))[0] };
    },
  },
  {
    method: 'PATCH',
    path: 'mlflow/logged-models/:model_id',
    async handle({ input, params, services }) {
      const status = input.enum('status', WIRE_STATUSES);
      const model = await services.loggedModels.finalize(
        params.model_id!,
        status ? STATUS_OF[status] : 'PENDING',
      );
      return { model: (await modelsJson(services, [model]))[0] };
    },
  },
  {
    method: 'DELETE',
    path: 'mlflow/logged-models/:model_id',
    async handle({ params, services }) {
      await services.loggedModels.delete(params.model_id!);
      return {};
    },
  },
  {
    method: 'PATCH',
    path: 'mlflow/logged-models/:model_id/tags',
    async handle({ input, params, services }) {
      await services.loggedModels.setTags(params.model_id!, input.keyValues('tags'));
      return {};
    },
  },
  {
    method: 'DELETE',
    path: 'mlflow/logged-models/:model_id/tags/:tag_key',
    async handle({ params, services }) {
      await services.loggedModels.deleteTag(params.model_id!, params.tag_key!);
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/logged-models/:model_id/params',
    async handle({ input, params, services }) {
      await services.loggedModels.logParams(params.model_id!, input.keyValues('params'));
      return {};
    },
  },
  {
    method: 'GET',
    path: 'mlflow/logged-models/:model_id/artifacts/directories',
    async handle({ input, params, services }) {
      const model = await active(services, params.model_id!, true);
      const dir = normaliseArtifactPath(input.string('artifact_directory_path') ?? '', {
        allowRoot: true,
      });
      const entries = await ownerOfModel(services, model).list(dir);
      return {
        root_uri: modelArtifactUri(model),
        files: entries.map((e) => ({
          path: e.path,
          is_dir: e.isDir,
          ...(e.isDir ? {} : { file_size: e.size }),
        })),
      };
    },
  },
];
