import * as adminOps from './operations/admin.ts';
import * as experimentOps from './operations/experiments.ts';
import * as lifecycleOps from './operations/lifecycle.ts';
import * as logBatchOps from './operations/log-batch.ts';
import * as loggedModelOps from './operations/logged-models.ts';
import * as metricOps from './operations/metrics.ts';
import * as resultOps from './operations/result.ts';
import * as runOps from './operations/runs.ts';
import * as searchOps from './operations/search.ts';
import * as traceOps from './operations/traces.ts';

export * from './backoff.ts';
export * from './client.ts';
export * from './errors.ts';
export type {
  DeleteTracesInput,
  ErrorCode,
  LogBatchInput,
  LoggedModelDatasetInput,
  LoggedModelOrderInput,
  LoggedModelStatus,
  MetricSeriesInput,
  RunStatus,
  SpanInput,
  SpanStatusCode,
  ViewType,
} from './gql/graphql.ts';
export * from './operations/admin.ts';
export * from './operations/experiments.ts';
export * from './operations/lifecycle.ts';
export * from './operations/log-batch.ts';
export * from './operations/logged-models.ts';
export * from './operations/metrics.ts';
export * from './operations/result.ts';
export * from './operations/runs.ts';
export * from './operations/search.ts';
export * from './operations/traces.ts';
export * from './validate.ts';
export * from './watch.ts';
export {
  adminOps,
  experimentOps,
  lifecycleOps,
  logBatchOps,
  loggedModelOps,
  metricOps,
  resultOps,
  runOps,
  searchOps,
  traceOps,
};

/**
 * The typed operations, each taking an urql `Client` first: `createExperiment`, `getExperiment`,
 * `getExperimentByName`, `listExperiments`, `listExperimentRuns`, `renameExperiment`,
 * `deleteExperiment`, `restoreExperiment`, `setExperimentTag`, `deleteExperimentTag`,
 * `deleteRun`, `restoreRun`, `createRun`, `updateRun`,
 * `deleteRunTag`, `getRun`, `logBatch`, `getMetricHistory`, `getMetricSummaries`, the
 * logged-model operations (`createLoggedModel`, `finalizeLoggedModel`, `getLoggedModel`,
 * `searchLoggedModelsPage`, `logOutputs`, `logRunInputs`...), the trace operations (`logTrace`,
 * `logSpans`, `getTrace`, `searchTracesPage`, `setTraceTag`, `deleteTraceTag`, `deleteTraces`),
 * the searches (`searchRunsPage`, `searchExperimentsPage`), administration (`listUsers`,
 * `createUser`, `listApiTokens`, `createApiToken`, `revokeApiToken`, `purgeDeleted`), plus
 * `send`, `settle` and `unwrap`.
 */
export const operations = {
  ...experimentOps,
  ...adminOps,
  ...lifecycleOps,
  ...runOps,
  ...logBatchOps,
  ...metricOps,
  ...loggedModelOps,
  ...traceOps,
  ...searchOps,
  ...resultOps,
};
