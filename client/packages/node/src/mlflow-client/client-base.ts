import { randomUUID } from 'node:crypto';
import {
  type BackoffOptions,
  type BatchEndpoint,
  createTrackingClient,
  domainError,
  experimentOps,
  graphqlUrl,
  lifecycleOps,
  type MetricPoint,
  type RunStatus,
  retry,
  runOps,
  type StepInput,
  sendLogBatch,
  type TagValue,
  TrackingError,
  unwrap,
} from '@trackql/client';
import type { Client } from '@urql/core';
import { DEFAULT_TRACKING_URI } from '../fluent/config.ts';
import { type Experiment, type Run, toExperiment, toPairs } from '../fluent/convert.ts';
import type { CreateExperimentOptions } from '../fluent/experiments.ts';
import {
  getRunWith,
  metricHistoryWith,
  type SearchExperimentsOptions,
  type SearchRunsOptions,
  searchExperimentsWith,
  searchRunsWith,
} from '../fluent/queries.ts';
import { httpPost } from '../http-post.ts';
import type { RunTarget } from '../transfer.ts';
import { type BatchContent, batchInputs } from './batch-input.ts';

/** Options of {@link MlflowClient}. */
export interface MlflowClientOptions {
  /** Server URL (base or `/graphql`); default env `MLFLOW_TRACKING_URI`, else `http://127.0.0.1:4000/graphql`. */
  trackingUri?: string;
  /** Bearer token; default env `MLFLOW_TRACKING_TOKEN`. */
  token?: string;
  /** A `fetch` implementation (tests, proxies). */
  fetch?: typeof fetch;
  /** Retries of a write after network errors and 5xx (default 3, full-jitter backoff). */
  retries?: number;
}

/** Options of {@link MlflowClient.createRun} (MLflow `create_run` arguments). */
export interface CreateRunOptions {
  runName?: string;
  /** ms since the epoch; default now. */
  startTime?: number;
  tags?: Record<string, TagValue>;
}

/** Options of {@link MlflowClient.updateRun}. */
export interface UpdateRunOptions {
  status?: RunStatus;
  endTime?: number;
  runName?: string;
}

const notFound = (what: string) =>
  new TrackingError('domain', `${what} not found`, {
    code: 'RESOURCE_DOES_NOT_EXIST',
    typename: 'NotFoundError',
  });

/**
 * The connection, experiment, run and logging half of {@link MlflowClient}; see there.
 */
export class MlflowClientBase {
  /** The GraphQL endpoint this client talks to. */
  readonly trackingUri: string;
  /** The urql client behind the typed operations (`operations.*` take it first). */
  readonly client: Client;
  protected readonly token: string | undefined;
  protected readonly fetchImpl: typeof fetch | undefined;
  protected readonly backoff: BackoffOptions;
  private readonly endpoint: BatchEndpoint;

  /** @throws `InvalidValueError` for a tracking URI the client cannot use (`file:`, `sqlite:`, `databricks`...). */
  constructor(options: MlflowClientOptions = {}) {
    this.trackingUri = graphqlUrl(
      options.trackingUri ?? process.env.MLFLOW_TRACKING_URI ?? DEFAULT_TRACKING_URI,
    );
    this.token = options.token ?? process.env.MLFLOW_TRACKING_TOKEN;
    this.fetchImpl = options.fetch;
    this.backoff = { retries: options.retries ?? 3, baseMs: 100, maxMs: 5000 };
    this.client = createTrackingClient({
      url: this.trackingUri,
      token: this.token,
      fetch: this.fetchImpl,
    });
    this.endpoint = {
      url: this.trackingUri,
      token: this.token,
      fetch: this.fetchImpl,
      post: httpPost,
    };
  }

  /** Where artifact and dataset requests for `runId` go. */
  protected target(runId: string): RunTarget {
    return {
      url: this.trackingUri,
      runId,
      headers: this.token ? { authorization: `Bearer ${this.token}` } : undefined,
      fetch: this.fetchImpl,
    };
  }

  // ---- experiments ----

  /** Creates an experiment and returns its id; a taken name is RESOURCE_ALREADY_EXISTS. */
  async createExperiment(name: string, options: CreateExperimentOptions = {}): Promise<string> {
    const res = await experimentOps.createExperiment(this.client, {
      name,
      artifactLocation: options.artifactLocation,
      tags: toPairs(options.tags),
    });
    return unwrap(res).experimentId;
  }

  /** An experiment by id (deleted ones too); RESOURCE_DOES_NOT_EXIST when absent, as in MLflow. */
  async getExperiment(experimentId: string): Promise<Experiment> {
    const e = await experimentOps.getExperiment(this.client, experimentId);
    if (!e) throw notFound(`Experiment with id=${experimentId}`);
    return toExperiment(e);
  }

  /** An experiment by exact name; `null` when there is none (MLflow `get_experiment_by_name`). */
  async getExperimentByName(name: string): Promise<Experiment | null> {
    const e = await experimentOps.getExperimentByName(this.client, name);
    return e ? toExperiment(e) : null;
  }

  /** Experiments matching an MLflow experiment filter, paging until `maxResults` (default 1000). */
  searchExperiments(options: SearchExperimentsOptions = {}): Promise<Experiment[]> {
    return searchExperimentsWith(this.client, options);
  }

  /** Renames an active experiment. */
  async renameExperiment(experimentId: string, newName: string): Promise<Experiment> {
    return toExperiment(
      unwrap(await lifecycleOps.renameExperiment(this.client, experimentId, newName)),
    );
  }

  /** Marks an experiment and its runs deleted (`trackql gc` removes them for good later). */
  async deleteExperiment(experimentId: string): Promise<void> {
    unwrap(await lifecycleOps.deleteExperiment(this.client, experimentId));
  }

  /** Restores a deleted experiment with the runs its deletion marked. */
  async restoreExperiment(experimentId: string): Promise<void> {
    unwrap(await lifecycleOps.restoreExperiment(this.client, experimentId));
  }

  /** Sets a tag of an experiment, stored as `String(value)`. */
  async setExperimentTag(experimentId: string, key: string, value: TagValue): Promise<void> {
    const [pair] = toPairs({ [key]: value });
    unwrap(await lifecycleOps.setExperimentTag(this.client, experimentId, pair!.key, pair!.value));
  }

  /** Deletes a tag of an experiment; a missing key is RESOURCE_DOES_NOT_EXIST. */
  async deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    unwrap(await lifecycleOps.deleteExperimentTag(this.client, experimentId, key));
  }

  // ---- runs ----

  /** Creates a RUNNING run in an experiment (MLflow `create_run`); returns it with empty data. */
  async createRun(experimentId: string, options: CreateRunOptions = {}): Promise<Run> {
    const info = unwrap(
      await runOps.createRun(this.client, {
        experimentId,
        runName: options.runName,
        startTime: options.startTime,
        tags: toPairs(options.tags),
      }),
    );
    return { info, data: { metrics: {}, params: {}, tags: {} } };
  }

  /** A run with its params, tags, latest metrics, inputs and outputs; RESOURCE_DOES_NOT_EXIST when absent. */
  async getRun(runId: string): Promise<Run> {
    const r = await getRunWith(this.client, runId);
    if (!r) throw notFound(`Run with id=${runId}`);
    return r;
  }

  /** Runs of the given experiments matching an MLflow filter, in `orderBy` order. */
  searchRuns(
    experimentIds: string[],
    options: Omit<SearchRunsOptions, 'experimentIds'> = {},
  ): Promise<Run[]> {
    return searchRunsWith(this.client, experimentIds, options);
  }

  /** Updates status, end time and/or name of a run (MLflow `update_run`). */
  async updateRun(runId: string, options: UpdateRunOptions): Promise<void> {
    unwrap(await runOps.updateRun(this.client, { runId, ...options }));
  }

  /** Ends a run: status (default FINISHED) and end time (default now) (MLflow `set_terminated`). */
  setTerminated(
    runId: string,
    status: RunStatus = 'FINISHED',
    endTime = Date.now(),
  ): Promise<void> {
    return this.updateRun(runId, { status, endTime });
  }

  /** Marks a run deleted. */
  async deleteRun(runId: string): Promise<void> {
    unwrap(await lifecycleOps.deleteRun(this.client, runId));
  }

  /** Restores a deleted run. */
  async restoreRun(runId: string): Promise<void> {
    unwrap(await lifecycleOps.restoreRun(this.client, runId));
  }

  // ---- logging (synchronous: each call resolves once the server has committed it) ----

  /**
   * Logs metrics, params and tags to a run (MLflow `log_batch`), checked first by MLflow's rules.
   *
   * @remarks Cut into requests within the server's limits (params and tags apart from the
   * metrics); each request carries an idempotency key, so its retries never write twice.
   * @throws `InvalidValueError` before anything is sent; a `TrackingError` with the server's code.
   */
  async logBatch(runId: string, content: BatchContent): Promise<void> {
    for (const input of batchInputs(runId, content)) {
      input.idempotencyKey = randomUUID();
      const res = await retry(() => sendLogBatch(this.endpoint, input), this.backoff);
      if (!res.ok) throw domainError(res.error);
    }
  }

  /** Logs one metric point (MLflow `log_metric`); step defaults to 0, timestamp to now. */
  logMetric(
    runId: string,
    key: string,
    value: number,
    options: { step?: StepInput; timestamp?: number | bigint } = {},
  ): Promise<void> {
    return this.logBatch(runId, { metrics: [{ key, value, ...options }] });
  }

  /** Logs one param; another value for a logged key is INVALID_PARAMETER_VALUE. */
  logParam(runId: string, key: string, value: TagValue): Promise<void> {
    return this.logBatch(runId, { params: [{ key, value }] });
  }

  /** Sets one run tag; `mlflow.runName` renames the run. */
  setTag(runId: string, key: string, value: TagValue): Promise<void> {
    return this.logBatch(runId, { tags: [{ key, value }] });
  }

  /** Deletes a run tag; a missing key is RESOURCE_DOES_NOT_EXIST. */
  async deleteTag(runId: string, key: string): Promise<void> {
    unwrap(await runOps.deleteRunTag(this.client, runId, key));
  }

  /** Every point of one metric of a run, by step (MLflow `get_metric_history`). */
  getMetricHistory(runId: string, key: string): Promise<MetricPoint[]> {
    return metricHistoryWith(this.client, runId, key);
  }
}
