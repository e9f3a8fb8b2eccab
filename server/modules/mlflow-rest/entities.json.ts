import type { Config } from '../../config.ts';
import { ValidationError } from '../../shared/errors.ts';
import { type Connection, pageRequest } from '../../shared/pagination.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import type { RunInput } from '../datasets/public.ts';
import type { Experiment } from '../experiments/public.ts';
import type { ModelInput, ModelOutput } from '../logged-models/public.ts';
import type { MetricPoint } from '../metrics/public.ts';
import type { KeyValue } from '../params-tags/public.ts';
import type { Run } from '../runs/public.ts';
import { compact, type RestInput, wireDouble } from './wire.ts';

/** Scheme of the artifact URIs the server proxies (`mlflow server --serve-artifacts`). */
export const PROXY_SCHEME = 'mlflow-artifacts:';

/** The URI clients see for a run's artifacts: proxied through this server, whatever the store. */
export function runArtifactUri(run: Pick<Run, 'id' | 'experimentId'>): string {
  return `${PROXY_SCHEME}/${run.experimentId}/${run.id}/artifacts`;
}

/**
 * The location clients see for an experiment: the server's default root is shown as
 * `mlflow-artifacts:/<id>`; a location chosen at creation is shown as it is.
 */
export function experimentLocation(exp: Experiment, config: Pick<Config, 'artifactRoot'>): string {
  const own = `${config.artifactRoot.replace(/\/+$/, '')}/${exp.id}`;
  return exp.artifactLocation === own ? `${PROXY_SCHEME}/${exp.id}` : exp.artifactLocation;
}

/** `{key, value}` pairs as MLflow writes them. */
export function keyValues(list: readonly KeyValue[]): { key: string; value: string }[] {
  return list.map((t) => ({ key: t.key, value: t.value }));
}

/** MLflow's `Experiment` message. */
export function experimentJson(
  exp: Experiment,
  tags: readonly KeyValue[],
  config: Pick<Config, 'artifactRoot'>,
) {
  return compact({
    experiment_id: String(exp.id),
    name: exp.name,
    artifact_location: experimentLocation(exp, config),
    lifecycle_stage: exp.lifecycleStage,
    last_update_time: exp.lastUpdateTime,
    creation_time: exp.creationTime,
    tags: keyValues(tags),
  });
}

/** MLflow's `RunInfo` message. */
export function runInfoJson(run: Run) {
  return compact({
    run_uuid: run.id,
    run_id: run.id,
    run_name: run.name,
    experiment_id: String(run.experimentId),
    user_id: run.userId,
    status: run.status,
    start_time: run.startTime,
    end_time: run.endTime || undefined,
    artifact_uri: runArtifactUri(run),
    lifecycle_stage: run.lifecycleStage,
  });
}

/** Everything a `Run` message holds besides its info. */
interface RunParts {
  params: KeyValue[];
  tags: KeyValue[];
  metrics: MetricPoint[];
  inputs: RunInput[];
  outputs: ModelOutput[];
  /** Only `runs/get` reports model inputs (MLflow). */
  modelInputs: ModelInput[] | null;
}

/** A metric point as MLflow's `Metric` message. */
export function metricJson(m: MetricPoint) {
  return { key: m.key, value: wireDouble(m.value), timestamp: m.timestamp, step: m.step };
}

function runJson(run: Run, p: RunParts) {
  return {
    info: runInfoJson(run),
    data: compact({
      metrics: p.metrics.map(metricJson),
      params: keyValues(p.params),
      tags: keyValues(p.tags),
    }),
    inputs: compact({
      dataset_inputs: p.inputs.map((i) =>
        compact({
          tags: keyValues(i.tags),
          dataset: compact({
            name: i.dataset.name,
            digest: i.dataset.digest,
            source_type: i.dataset.sourceType,
            source: i.dataset.source,
            schema: i.dataset.schema,
            profile: i.dataset.profile,
          }),
        }),
      ),
      model_inputs: p.modelInputs?.map((m) => ({ model_id: m.modelId })),
    }),
    // MLflow sends `outputs` only when the run has some
    ...(p.outputs.length === 0
      ? {}
      : {
          outputs: { model_outputs: p.outputs.map((m) => ({ model_id: m.modelId, step: m.step })) },
        }),
  };
}

/**
 * Whole `Run` messages for `runs`, with their latest metrics, params, tags, dataset inputs and
 * model outputs (and model inputs when asked): a fixed number of queries, whatever the count.
 */
export async function runsJson(services: Services, runs: readonly Run[], withModelInputs = false) {
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  const [params, tags, metrics, inputs, outputs, modelInputs] = await Promise.all([
    services.paramsTags.paramsByRunIds(ids),
    services.paramsTags.tagsByRunIds(ids),
    services.metrics.latestByRunIds(ids),
    services.datasets.inputsByRunIds(ids),
    services.modelLinks.outputsByRunIds(ids),
    withModelInputs ? services.modelLinks.inputsByRunIds(ids) : null,
  ]);
  return runs.map((run, i) =>
    runJson(run, {
      params: params[i]!,
      tags: tags[i]!,
      metrics: metrics[i]!,
      inputs: inputs[i]!,
      outputs: outputs[i]!,
      modelInputs: modelInputs?.[i] ?? null,
    }),
  );
}

/** MLflow's `ViewType`, by name or number. */
export const VIEW_TYPES = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'] as const;

/**
 * A search page request from `max_results` and `page_token`: the token is this server's keyset
 * cursor (opaque to clients, as MLflow's offset token is).
 */
export function searchPage(
  input: RestInput,
  { defaultSize, max }: { defaultSize: number; max: number },
) {
  const size = input.int64('max_results') ?? defaultSize;
  if (size < 1 || size > max) {
    throw new ValidationError(
      'max_results',
      `Invalid value ${size} for parameter 'max_results' supplied. It must be at most ${max} and at least 1.`,
    );
  }
  try {
    return pageRequest<unknown[]>(
      { first: size, after: input.string('page_token') || null },
      {
        max,
      },
    );
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError('page_token', err.message);
    throw err;
  }
}

/** `next_page_token` of a page: only when more rows follow. */
export function nextToken(page: Connection<unknown>): string | undefined {
  return page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
}
