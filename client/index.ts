import * as experimentOperations from './operations/experiments.ts';
import * as logBatchOperations from './operations/log-batch.ts';
import * as loggedModelOperations from './operations/logged-models.ts';
import * as metricOperations from './operations/metrics.ts';
import * as resultHelpers from './operations/result.ts';
import * as runOperations from './operations/runs.ts';
import * as traceOperations from './operations/traces.ts';

export type { ArtifactInfo, UploadedArtifact } from './artifacts.ts';
export type { TrackingClientOptions } from './client.ts';
export { createTrackingClient, graphqlUrl } from './client.ts';
export type { DatasetInputShape, DatasetSpec } from './datasets.ts';
export {
  computeDigest,
  datasetFromFile,
  datasetFromRecords,
  datasetFromUrl,
  datasetInput,
} from './datasets.ts';
export type { DomainErrorFields, TrackingErrorCode, TrackingErrorKind } from './errors.ts';
export {
  ArtifactError,
  domainError,
  fromCombinedError,
  InvalidValueError,
  TrackingError,
  WatchError,
} from './errors.ts';
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
  logInput,
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
export type { RunRow, SearchExperimentsOptions, SearchRunsOptions } from './fluent/queries.ts';
export { getRun, runsToTable, searchExperiments, searchRuns } from './fluent/queries.ts';
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
export type { Experiment as ExperimentData, Page, PageArgs } from './operations/experiments.ts';
export type { BatchAck } from './operations/log-batch.ts';
export type { LoggedModelData, LoggedModelWithMetrics } from './operations/logged-models.ts';
export type { MetricPoint, MetricSummary } from './operations/metrics.ts';
export type { OpResult } from './operations/result.ts';
export type { RunData, RunInfo } from './operations/runs.ts';
export type { TraceData, TraceInfoData } from './operations/traces.ts';
export type { RunTarget, TransferOptions, TransferProgress } from './transfer.ts';

/**
 * The typed operations under the fluent API, each taking an urql `Client` first:
 * `createExperiment`, `getExperiment`, `getExperimentByName`, `listExperiments`,
 * `listExperimentRuns`, `createRun`, `updateRun`, `deleteRunTag`, `getRun`, `logBatch`,
 * `getMetricHistory`, `getMetricSummaries`, the logged-model operations (`createLoggedModel`,
 * `finalizeLoggedModel`, `getLoggedModel`, `searchLoggedModelsPage`, `logOutputs`,
 * `logRunInputs`...), the trace operations (`logTrace`, `logSpans`, `getTrace`,
 * `searchTracesPage`, `setTraceTag`, `deleteTraceTag`, `deleteTraces`), plus `send`, `settle` and
 * `unwrap`.
 */
export const operations = {
  ...experimentOperations,
  ...runOperations,
  ...logBatchOperations,
  ...metricOperations,
  ...loggedModelOperations,
  ...traceOperations,
  ...resultHelpers,
};
export type { MetricsUpdate, RunUpdate, WatchOptions } from './watch.ts';
export { watchMetrics, watchRun } from './watch-node.ts';
