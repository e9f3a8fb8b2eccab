import type { EntityKind, Identifier } from './filter-ast.ts';
import type { ValueType, Vocabulary } from './vocabulary.ts';

const RUN_PREFIXES: Record<string, EntityKind> = {
  metrics: 'metric',
  metric: 'metric',
  params: 'param',
  param: 'param',
  parameters: 'param',
  parameter: 'param',
  tags: 'tag',
  tag: 'tag',
  attributes: 'attribute',
  attribute: 'attribute',
  attr: 'attribute',
  run: 'attribute',
  datasets: 'dataset',
  dataset: 'dataset',
};

/** Run attributes and their value types (canonical names). */
export const RUN_ATTRIBUTE_TYPES: Record<string, ValueType> = {
  run_id: 'id',
  run_name: 'string',
  status: 'string',
  user_id: 'string',
  artifact_uri: 'string',
  start_time: 'number',
  end_time: 'number',
};

/** The run search vocabulary: MLflow's `runs/search` identifiers plus summary functions. */
export const RUN_VOCABULARY: Vocabulary = {
  prefixes: RUN_PREFIXES,
  attributes: {
    ...Object.fromEntries(Object.keys(RUN_ATTRIBUTE_TYPES).map((k) => [k, k])),
    created: 'start_time',
    Created: 'start_time',
    'run name': 'run_name',
    'Run name': 'run_name',
    'Run Name': 'run_name',
  },
  datasetKeys: ['name', 'digest', 'context'],
  summaries: true,
  typeOf: (ident: Identifier): ValueType => {
    switch (ident.kind) {
      case 'metric':
        return 'number';
      case 'param':
      case 'tag':
        return 'nullable-string';
      case 'dataset':
        return 'dataset';
      default:
        return RUN_ATTRIBUTE_TYPES[ident.key] ?? 'string';
    }
  },
  filterError: () => null,
  orderError: (ident) => (ident.kind === 'dataset' ? 'datasets.* cannot be used in orderBy' : null),
};

/** Experiment attributes and their value types; `experiment_id` is order-only. */
export const EXPERIMENT_ATTRIBUTE_TYPES: Record<string, ValueType> = {
  name: 'string',
  creation_time: 'number',
  last_update_time: 'number',
  experiment_id: 'number',
};

/**
 * The experiment search vocabulary: `name`, times and tags.
 *
 * @remarks Accepts `attributes.` as well as MLflow's `attribute.` (MLflow rejects the plural here).
 */
export const EXPERIMENT_VOCABULARY: Vocabulary = {
  prefixes: { attribute: 'attribute', attributes: 'attribute', tags: 'tag', tag: 'tag' },
  attributes: Object.fromEntries(Object.keys(EXPERIMENT_ATTRIBUTE_TYPES).map((k) => [k, k])),
  datasetKeys: [],
  summaries: false,
  typeOf: (ident) =>
    ident.kind === 'tag' ? 'nullable-string' : (EXPERIMENT_ATTRIBUTE_TYPES[ident.key] ?? 'string'),
  filterError: (ident) =>
    ident.kind === 'attribute' && ident.key === 'experiment_id'
      ? 'experiment_id cannot be filtered on; it can only be ordered by'
      : null,
  orderError: (ident) =>
    ident.kind === 'attribute'
      ? null
      : 'only attributes (name, experiment_id, creation_time, last_update_time) can be ordered by',
};

/** Logged-model attributes (canonical names, MLflow's column names) and their value types. */
export const LOGGED_MODEL_ATTRIBUTE_TYPES: Record<string, ValueType> = {
  model_id: 'id',
  experiment_id: 'id',
  name: 'id',
  artifact_location: 'id',
  status: 'id',
  lifecycle_stage: 'id',
  model_type: 'id',
  source_run_id: 'id',
  status_message: 'id',
  creation_timestamp_ms: 'number',
  last_updated_timestamp_ms: 'number',
};

/**
 * The logged-model search vocabulary (MLflow's `search_logged_models`): attributes (bare or
 * `attributes.`), `metrics.`, `params.`, `tags.`; only these plural prefixes.
 *
 * @remarks Numeric entities (metrics, the two timestamps) take `< <= > >= = !=`; every other one
 * `= != LIKE ILIKE IN NOT IN` (the `id` value type). Only attributes and `metrics.<name>` can be
 * ordered by.
 */
export const LOGGED_MODEL_VOCABULARY: Vocabulary = {
  prefixes: { attributes: 'attribute', metrics: 'metric', params: 'param', tags: 'tag' },
  attributes: {
    ...Object.fromEntries(Object.keys(LOGGED_MODEL_ATTRIBUTE_TYPES).map((k) => [k, k])),
    creation_time: 'creation_timestamp_ms',
    creation_timestamp: 'creation_timestamp_ms',
    last_updated_timestamp: 'last_updated_timestamp_ms',
  },
  datasetKeys: [],
  summaries: false,
  typeOf: (ident) => {
    if (ident.kind === 'metric') return 'number';
    if (ident.kind === 'attribute') return LOGGED_MODEL_ATTRIBUTE_TYPES[ident.key] ?? 'id';
    return 'id';
  },
  filterError: () => null,
  orderError: (ident) =>
    ident.kind === 'attribute' || ident.kind === 'metric'
      ? null
      : `only attributes and metrics.<name> can be ordered by, not ${ident.text}`,
};

/** Trace attributes (canonical names) and their value types; `experiment_id` is order-only. */
export const TRACE_ATTRIBUTE_TYPES: Record<string, ValueType> = {
  timestamp_ms: 'number',
  execution_time_ms: 'number',
  end_time_ms: 'number',
  status: 'trace-string',
  request_id: 'trace-string',
  client_request_id: 'trace-string',
  name: 'trace-string',
  run_id: 'trace-string',
  text: 'text',
  experiment_id: 'number',
};

const TRACE_ORDERABLE = new Set([
  'experiment_id',
  'timestamp_ms',
  'execution_time_ms',
  'end_time_ms',
  'status',
  'request_id',
  'name',
  'run_id',
]);

const SPAN_KEYS = ['name', 'type', 'status', 'content'];

/**
 * The trace search vocabulary (MLflow's `search_traces`): attributes (bare, `attribute.`,
 * `attributes.`, `trace.`), `tag.`/`tags.`, `metadata.`/`request_metadata.`, and `span.name`,
 * `span.type`, `span.status`, `span.attributes.<key>`, `span.content`.
 *
 * @remarks Numbers take `= != < <= > >=`; string attributes and span fields `= != IN NOT IN LIKE
 * ILIKE RLIKE`; tags and metadata `= != LIKE ILIKE RLIKE IS NULL IS NOT NULL`; `text` and
 * `span.content` `LIKE ILIKE`. Attributes, tags and metadata can be ordered by, spans cannot.
 */
export const TRACE_VOCABULARY: Vocabulary = {
  prefixes: {
    attribute: 'attribute',
    attributes: 'attribute',
    trace: 'attribute',
    tag: 'tag',
    tags: 'tag',
    metadata: 'metadata',
    request_metadata: 'metadata',
    span: 'span',
  },
  attributes: {
    ...Object.fromEntries(Object.keys(TRACE_ATTRIBUTE_TYPES).map((k) => [k, k])),
    timestamp: 'timestamp_ms',
    execution_time: 'execution_time_ms',
    end_time: 'end_time_ms',
  },
  datasetKeys: [],
  summaries: false,
  typeOf: (ident) => {
    if (ident.kind === 'attribute') return TRACE_ATTRIBUTE_TYPES[ident.key] ?? 'trace-string';
    if (ident.kind === 'span') return ident.key === 'content' ? 'text' : 'trace-string';
    return 'trace-key';
  },
  filterError: (ident) => {
    if (ident.kind === 'attribute' && ident.key === 'experiment_id')
      return 'experiment_id cannot be filtered on; it can only be ordered by';
    if (
      ident.kind === 'span' &&
      !SPAN_KEYS.includes(ident.key) &&
      !(ident.key.startsWith('attributes.') && ident.key.length > 'attributes.'.length)
    ) {
      return `unknown span field '${ident.key}' (expected one of: ${SPAN_KEYS.join(', ')}, attributes.<key>)`;
    }
    return null;
  },
  orderError: (ident) => {
    if (ident.kind === 'tag' || ident.kind === 'metadata') return null;
    if (ident.kind === 'attribute' && TRACE_ORDERABLE.has(ident.key)) return null;
    return `only ${[...TRACE_ORDERABLE].join(', ')}, tags.<key> and metadata.<key> can be ordered by, not ${ident.text}`;
  },
};
