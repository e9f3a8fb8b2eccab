export type {
  BatchAck,
  DomainErrorFields,
  Experiment as ExperimentData,
  LoggedModelData,
  LoggedModelWithMetrics,
  MetricPoint,
  MetricSummary,
  MetricsUpdate,
  OpResult,
  Page,
  PageArgs,
  RunData,
  RunInfo,
  RunUpdate,
  TraceData,
  TraceInfoData,
  TrackingClientOptions,
  TrackingErrorCode,
  TrackingErrorKind,
  WatchOptions,
} from '@trackql/client';
export {
  ArtifactError,
  createTrackingClient,
  domainError,
  fromCombinedError,
  graphqlUrl,
  InvalidValueError,
  operations,
  TrackingError,
  WatchError,
} from '@trackql/client';
export type { ArtifactInfo, UploadedArtifact } from './artifacts.ts';
export type { DatasetInputShape, DatasetSpec } from './datasets.ts';
export {
  computeDigest,
  datasetFromFile,
  datasetFromRecords,
  datasetFromUrl,
  datasetInput,
} from './datasets.ts';
export type { ActiveModel, ActiveModelSelector } from './fluent/active-model.ts';
export { clearActiveModel, setActiveModel } from './fluent/active-model.ts';
export {
  ACTIVE_MODEL_ENV,
  getActiveModelId,
  LEGACY_ACTIVE_MODEL_ENV,
} from './fluent/active-model-state.ts';
export { ActiveRun } from './fluent/active-run.ts';
export {
  downloadArtifacts,
  getArtifactUri,
  listArtifacts,
  logArtifact,
  logArtifacts,
  logDict,
  logFigure,
  logImage,
  logInput,
  logTable,
  logText,
} from './fluent/artifacts.ts';
export type { LoggingOptions } from './fluent/batch-logger.ts';
export { DEFAULT_LOGGING } from './fluent/batch-logger.ts';
export type { TrackingUriOptions } from './fluent/config.ts';
export {
  configureLogging,
  DEFAULT_TRACKING_URI,
  getClient,
  getLoggingOptions,
  getTrackingUri,
  setTrackingUri,
} from './fluent/config.ts';
export type { Experiment, Run } from './fluent/convert.ts';
export type { CreateExperimentOptions, ExperimentSelector } from './fluent/experiments.ts';
export {
  createExperiment,
  getExperiment,
  getExperimentByName,
  setExperiment,
} from './fluent/experiments.ts';
export type { EndSpanOptions, LiveSpan } from './fluent/live-span.ts';
export type {
  LoggedModel,
  LoggedModelOptions,
  SearchLoggedModelsOptions,
} from './fluent/logged-models.ts';
export {
  createExternalModel,
  deleteLoggedModel,
  deleteLoggedModelTag,
  EXTERNAL_MODEL_TAG,
  finalizeLoggedModel,
  getLoggedModel,
  initializeLoggedModel,
  lastLoggedModel,
  logModelParams,
  logOutputs,
  searchLoggedModels,
  setLoggedModelTags,
} from './fluent/logged-models.ts';
export type { Logged, LogOptions, MetricOptions } from './fluent/logging.ts';
export {
  deleteTag,
  flush,
  logMetric,
  logMetrics,
  logParam,
  logParams,
  setTag,
  setTags,
} from './fluent/logging.ts';
export { logModelFile, readModelFile } from './fluent/model-files.ts';
export type { RunRow, SearchExperimentsOptions, SearchRunsOptions } from './fluent/queries.ts';
export {
  getMetricHistory,
  getRun,
  runsToTable,
  searchExperiments,
  searchRuns,
} from './fluent/queries.ts';
export type { DatasetInputInfo, RunInputs, RunOutputs } from './fluent/run-io.ts';
export type { StartRunOptions } from './fluent/runs.ts';
export { activeRun, endRun, lastActiveRun, startRun, withRun } from './fluent/runs.ts';
export { TAGS as SYSTEM_TAGS } from './fluent/system-tags.ts';
export type { SearchTracesOptions } from './fluent/traces.ts';
export {
  deleteTraces,
  deleteTraceTag,
  getTrace,
  searchTraces,
  setTraceTag,
} from './fluent/traces.ts';
export type { SpanOptions, UpdateTraceOptions } from './fluent/tracing.ts';
export {
  flushTraces,
  getCurrentActiveSpan,
  getLastActiveTraceId,
  startSpan,
  TRACE_METADATA,
  trace,
  updateCurrentTrace,
  withSpan,
} from './fluent/tracing.ts';
export type { FigureInput, ImageInput } from './media/images.ts';
export type { TableData, TableInput } from './media/tables.ts';
export { LOGGED_ARTIFACTS_TAG } from './media/tables.ts';
export type { BatchContent, KeyValues, MetricEntry } from './mlflow-client/batch-input.ts';
export type {
  CreateRunOptions,
  MlflowClientOptions,
  UpdateRunOptions,
} from './mlflow-client/client-base.ts';
export { MlflowClient } from './mlflow-client/mlflow-client.ts';
export type { RunTarget, TransferOptions, TransferProgress } from './transfer.ts';
export { watchMetrics, watchRun } from './watch-node.ts';
