import { ValidationError } from '../../shared/errors.ts';
import { decodeMetrics, writeBatch } from './log-batch.rest.ts';
import type { RestRoute } from './rest.routes.ts';
import { runIdOf } from './runs.rest.ts';

/** Tag where MLflow keeps the JSON list of models logged with the legacy log-model endpoint. */
const LOG_MODEL_HISTORY_TAG = 'mlflow.log-model.history';

/**
 * The history tag's next value: `model` appended to the JSON list in `current`; a value that is
 * not a JSON list (hand-edited) starts a new history, as MLflow would overwrite it.
 */
function appendModel(model: unknown) {
  return (current: string | null): string => {
    let history: unknown[] = [];
    try {
      const parsed: unknown = current ? JSON.parse(current) : [];
      if (Array.isArray(parsed)) history = parsed;
    } catch {
      // not JSON: a new history
    }
    return JSON.stringify([...history, model]);
  };
}

/** MLflow's run write endpoints, all through the services' write primitives. */
export const RUN_WRITE_ROUTES: RestRoute[] = [
  {
    method: 'POST',
    path: 'mlflow/runs/log-batch',
    async handle({ input, services }) {
      const runId = runIdOf(input);
      const series = decodeMetrics(input.raw('metrics'));
      await writeBatch(services, {
        runId,
        metrics: series,
        params: input.keyValues('params'),
        tags: input.keyValues('tags'),
      });
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/runs/log-metric',
    async handle({ input, services }) {
      const runId = runIdOf(input);
      const metric: Record<string, unknown> = {};
      for (const name of ['key', 'value', 'timestamp', 'step', 'model_id']) {
        metric[name] = input.raw(name);
      }
      metric.dataset_name = input.raw('dataset_name');
      metric.dataset_digest = input.raw('dataset_digest');
      // field paths in errors name the request's own fields
      let series: ReturnType<typeof decodeMetrics>;
      try {
        series = decodeMetrics([metric]);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const field = err.field.replace(/^metrics\[0\]\./, '');
        throw new ValidationError(field, err.message.replaceAll('metrics[0].', ''));
      }
      await writeBatch(services, {
        runId,
        metrics: series,
        params: [],
        tags: [],
      });
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/runs/log-parameter',
    async handle({ input, services }) {
      await services.logBatch.log({
        runId: runIdOf(input),
        params: [{ key: input.requiredString('key'), value: input.string('value') ?? '' }],
      });
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/runs/set-tag',
    async handle({ input, services }) {
      await services.logBatch.log({
        runId: runIdOf(input),
        tags: [{ key: input.requiredString('key'), value: input.string('value') ?? '' }],
      });
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/runs/delete-tag',
    async handle({ input, services }) {
      await services.paramsTags.deleteRunTag(runIdOf(input), input.requiredString('key'));
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/runs/log-inputs',
    async handle({ input, services }) {
      const datasets = input.objects('datasets').map((d) => {
        const ds = d.object('dataset');
        if (!ds)
          throw new ValidationError(
            d.field('dataset'),
            `Missing value for '${d.field('dataset')}'.`,
          );
        return {
          dataset: {
            name: ds.requiredString('name'),
            digest: ds.requiredString('digest'),
            sourceType: ds.requiredString('source_type'),
            source: ds.requiredString('source'),
            schema: ds.string('schema') ?? null,
            profile: ds.string('profile') ?? null,
          },
          tags: d.keyValues('tags'),
        };
      });
      const models = input.objects('models').map((m) => m.requiredString('model_id'));
      await services.datasets.logInputs(runIdOf(input), datasets, models);
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/runs/outputs',
    async handle({ input, services }) {
      const runId = runIdOf(input);
      const models = input.objects('models').map((m) => ({
        modelId: m.requiredString('model_id'),
        step: m.int64('step') ?? 0,
      }));
      await services.modelLinks.logOutputs(runId, models);
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/runs/log-model',
    async handle({ input, services }) {
      const runId = runIdOf(input);
      const text = input.requiredString('model_json');
      let model: unknown;
      try {
        model = JSON.parse(text);
      } catch {
        throw new ValidationError('model_json', "'model_json' is not valid JSON.");
      }
      const fields = ['artifact_path', 'flavors', 'utc_time_created', 'run_id'];
      const absent = fields.filter((f) => (model as Record<string, unknown> | null)?.[f] == null);
      if (typeof model !== 'object' || model === null || absent.length > 0) {
        throw new ValidationError(
          'model_json',
          `Model json is missing mandatory fields: ${JSON.stringify(absent)}`,
        );
      }
      await services.logBatch.log(
        { runId },
        { key: LOG_MODEL_HISTORY_TAG, next: appendModel(model) },
      );
      return {};
    },
  },
];
