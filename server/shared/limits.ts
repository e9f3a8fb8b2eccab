/** MLflow-compatible limits (`mlflow/utils/validation.py`). Lengths count Unicode code points. */
export const LIMITS = {
  maxEntityKeyLength: 250,
  maxParamValueLength: 6000,
  maxTagValueLength: 8000,
  maxExperimentNameLength: 500,
  maxExperimentTagKeyLength: 250,
  maxExperimentTagValueLength: 5000,
  maxMetricsPerBatch: 1000,
  maxParamsPerBatch: 100,
  maxTagsPerBatch: 100,
  maxEntitiesPerBatch: 1000,
  maxArtifactLocationLength: 2048,
  maxRunNameLength: 250,
  maxLoggedModelNameLength: 500,
  maxModelTypeLength: 500,
  maxIdempotencyKeyLength: 200,
  /** Request and response previews of a trace (MLflow's OSS client limit; the last 3 become `...`). */
  maxTracePreviewLength: 1000,
  /** Spans per logTrace or logSpans call (larger traces arrive in several logSpans batches). */
  maxSpansPerRequest: 1000,
  /** Trace ids per deleteTraces call (MLflow's client sends at most 100). */
  maxTraceIdsPerDelete: 100,
  /** Trace ids per link-to-run call (MLflow's limit). */
  maxTraceIdsPerLink: 100,
  /** Batch-get trace ids per call (MLflow's client sends 10 at a time). */
  maxTraceIdsPerBatchGet: 100,
  /** Largest page of a trace search (MLflow's `max_results` cap). */
  maxTracePageSize: 500,
  /** Largest page any connection returns. */
  maxPageSize: 1000,
  /** Largest page of a metric history connection. */
  maxHistoryPageSize: 100_000,
  /** Most points one `metricSeries` returns (a longer range is refused: page it by steps). */
  maxSeriesPoints: 1_000_000,
  defaultPageSize: 100,
} as const;
