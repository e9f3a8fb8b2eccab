import {
  type DeleteTracesInput,
  type LoggedModelStatus,
  loggedModelOps,
  type TagValue,
  TrackingError,
  traceOps,
  unwrap,
} from '@trackql/client';
import * as artifacts from '../artifacts.ts';
import * as datasets from '../datasets.ts';
import { toPairs } from '../fluent/convert.ts';
import {
  createModelWith,
  type LoggedModel,
  type LoggedModelOptions,
  logModelParamsWith,
  type SearchLoggedModelsOptions,
  searchLoggedModelsWith,
  toModel,
} from '../fluent/logged-models.ts';
import { deleteTracesWith, type SearchTracesOptions, searchTracesWith } from '../fluent/traces.ts';
import { type FigureInput, type ImageInput, logFigure, logImage } from '../media/images.ts';
import { logTable, type TableInput } from '../media/tables.ts';
import type { TransferOptions } from '../transfer.ts';
import { MlflowClientBase } from './client-base.ts';

/**
 * A client for every operation of a trackql server, shaped like MLflow's `MlflowClient`: no
 * active run, every call names its run or experiment and resolves once the server has committed
 * it (the fluent API batches in the background instead).
 *
 * @remarks Built on the typed operations of `@trackql/client` (its urql client is `client`); input
 * is checked by MLflow's rules before anything is sent (`InvalidValueError`); every failure is a
 * `TrackingError`. Writes are retried after network errors and 5xx with full-jitter backoff.
 * @example
 * ```ts
 * const client = new MlflowClient({ trackingUri: 'http://127.0.0.1:4000' });
 * const experimentId = await client.createExperiment('fraud');
 * const run = await client.createRun(experimentId, { runName: 'baseline' });
 * await client.logMetric(run.info.runId, 'loss', 0.25, { step: 1 });
 * await client.setTerminated(run.info.runId);
 * ```
 */
export class MlflowClient extends MlflowClientBase {
  // ---- logged models ----

  /** Creates a PENDING logged model in an experiment (MLflow `create_logged_model`). */
  createLoggedModel(
    experimentId: string,
    options: Omit<LoggedModelOptions, 'experimentId'> = {},
  ): Promise<LoggedModel> {
    return createModelWith(this.client, { ...options, experimentId });
  }

  /** A model with its metrics; RESOURCE_DOES_NOT_EXIST when absent (or deleted, unless `allowDeleted`). */
  async getLoggedModel(
    modelId: string,
    options: { allowDeleted?: boolean } = {},
  ): Promise<LoggedModel> {
    const m = await loggedModelOps.getLoggedModel(this.client, modelId, options.allowDeleted);
    if (!m) {
      throw new TrackingError('domain', `Logged model with id=${modelId} not found`, {
        code: 'RESOURCE_DOES_NOT_EXIST',
        typename: 'NotFoundError',
      });
    }
    return toModel(m);
  }

  /** Logged models of the given experiments, following pages up to `maxResults`. */
  searchLoggedModels(
    experimentIds: string[],
    options: Omit<SearchLoggedModelsOptions, 'experimentIds'> = {},
  ): Promise<LoggedModel[]> {
    return searchLoggedModelsWith(this.client, experimentIds, options);
  }

  /** Sets a model's final status, READY or UPLOAD_FAILED. */
  async finalizeLoggedModel(
    modelId: string,
    status: Exclude<LoggedModelStatus, 'PENDING'>,
  ): Promise<LoggedModel> {
    return toModel(unwrap(await loggedModelOps.finalizeLoggedModel(this.client, modelId, status)));
  }

  /** Soft-deletes a model. */
  async deleteLoggedModel(modelId: string): Promise<void> {
    unwrap(await loggedModelOps.deleteLoggedModel(this.client, modelId));
  }

  /** Sets (upserts) tags of a model, values stringified. */
  async setLoggedModelTags(modelId: string, tags: Record<string, TagValue>): Promise<LoggedModel> {
    return toModel(
      unwrap(await loggedModelOps.setLoggedModelTags(this.client, modelId, toPairs(tags))),
    );
  }

  /** Deletes a tag of a model; a missing key is RESOURCE_DOES_NOT_EXIST. */
  async deleteLoggedModelTag(modelId: string, key: string): Promise<LoggedModel> {
    return toModel(unwrap(await loggedModelOps.deleteLoggedModelTag(this.client, modelId, key)));
  }

  /** Logs params of a model (immutable), 100 per request (MLflow `log_model_params`). */
  async logModelParams(modelId: string, params: Record<string, TagValue>): Promise<void> {
    await logModelParamsWith(this.client, modelId, toPairs(params, 'params'));
  }

  /** Records models as outputs of a run, each at a step (MLflow `log_outputs`). */
  async logOutputs(runId: string, models: { modelId: string; step?: number }[]): Promise<void> {
    unwrap(await loggedModelOps.logOutputs(this.client, runId, models));
  }

  // ---- datasets ----

  /**
   * Records datasets as inputs of a run (MLflow `log_inputs`), e.g.
   * `[{ dataset: datasetFromRecords(rows, { name: 'train' }), context: 'training' }]`.
   */
  logInputs(
    runId: string,
    inputs: { dataset: datasets.DatasetSpec; context?: string; tags?: Record<string, string> }[],
  ): Promise<void> {
    return datasets.logInputs(
      this.target(runId),
      inputs.map((i) => datasets.datasetInput(i.dataset, i)),
    );
  }

  // ---- traces ----

  /** A trace with its spans; null when absent. */
  getTrace(traceId: string): Promise<traceOps.TraceData | null> {
    return traceOps.getTrace(this.client, traceId);
  }

  /** Traces of the given experiments (MLflow's trace filter grammar), following pages. */
  searchTraces(
    experimentIds: string[],
    options: Omit<SearchTracesOptions, 'experimentIds'> = {},
  ): Promise<traceOps.TraceInfoData[]> {
    return searchTracesWith(this.client, experimentIds, options);
  }

  /** Sets a tag of a trace. */
  async setTraceTag(traceId: string, key: string, value: string): Promise<void> {
    unwrap(await traceOps.setTraceTag(this.client, { traceId, key, value }));
  }

  /** Deletes a tag of a trace; a missing key is RESOURCE_DOES_NOT_EXIST. */
  async deleteTraceTag(traceId: string, key: string): Promise<void> {
    unwrap(await traceOps.deleteTraceTag(this.client, traceId, key));
  }

  /** Deletes traces of an experiment by id or up to a time; returns how many. */
  deleteTraces(input: DeleteTracesInput): Promise<number> {
    return deleteTracesWith(this.client, input);
  }

  // ---- artifacts ----

  /** Uploads a local file to a run's artifacts, below `artifactPath` (MLflow `log_artifact`). */
  logArtifact(runId: string, localPath: string, artifactPath?: string, opts?: TransferOptions) {
    return artifacts.logArtifact(this.target(runId), localPath, artifactPath, opts);
  }

  /** Uploads a local folder's files to a run's artifacts (MLflow `log_artifacts`). */
  logArtifacts(runId: string, localDir: string, artifactPath?: string, opts?: TransferOptions) {
    return artifacts.logArtifacts(this.target(runId), localDir, artifactPath, opts);
  }

  /** Stores text as an artifact file (MLflow `log_text`). */
  logText(runId: string, text: string, artifactFile: string) {
    return artifacts.logText(this.target(runId), text, artifactFile);
  }

  /** Stores an object as a JSON or YAML artifact file (MLflow `log_dict`). */
  logDict(runId: string, dict: Record<string, unknown>, artifactFile: string) {
    return artifacts.logDict(this.target(runId), dict, artifactFile);
  }

  /** Immediate children of a run's artifact folder (default the root) (MLflow `list_artifacts`). */
  listArtifacts(runId: string, artifactPath = '') {
    return artifacts.listArtifacts(this.target(runId), artifactPath);
  }

  /** Downloads an artifact file or folder to `dest`; returns the local path (MLflow `download_artifacts`). */
  downloadArtifacts(runId: string, artifactPath: string, dest: string, opts?: TransferOptions) {
    return artifacts.downloadArtifacts(this.target(runId), artifactPath, dest, opts);
  }

  /** The URI of a run's artifact root, or of `artifactPath` below it. */
  getArtifactUri(runId: string, artifactPath?: string) {
    return artifacts.getArtifactUri(this.target(runId), artifactPath);
  }

  // ---- media ----

  /** Stores PNG/JPEG bytes or an SVG string as `artifactFile` (MLflow `log_image`). */
  logImage(runId: string, image: ImageInput, artifactFile: string) {
    return logImage(this.target(runId), image, artifactFile);
  }

  /** Stores a Plotly figure or Vega-Lite spec (`.json`) or a rendered image (MLflow `log_figure`). */
  logFigure(runId: string, figure: FigureInput, artifactFile: string) {
    return logFigure(this.target(runId), figure, artifactFile);
  }

  /** Logs or appends to a `{ columns, data }` JSON table (MLflow `log_table`). */
  logTable(runId: string, data: TableInput, artifactFile: string) {
    return logTable(this.target(runId), data, artifactFile);
  }
}
