import { builder } from '../../builder.ts';
import { connectionComplexity } from '../../shared/complexity.ts';
import { pageRequest } from '../../shared/pagination.ts';
import type { Context } from '../../shared/request-context.ts';
import { ExperimentRef, LifecycleStageEnum } from '../experiments/public.ts';
import { ParamRef, TagRef } from '../params-tags/public.ts';
import { RunRef } from '../runs/public.ts';
import type { LOGGED_MODEL_STATUSES, LoggedModel } from './logged-model.entity.ts';
import type { ModelMetric } from './model-links.service.ts';

export const LoggedModelStatusEnum = builder.enumType('LoggedModelStatus', {
  description:
    'Upload status of a logged model (MLflow `LoggedModelStatus`): created PENDING, finalized READY or UPLOAD_FAILED.',
  values: {
    PENDING: { description: 'Created; artifacts may still be uploading (`LOGGED_MODEL_PENDING`).' },
    READY: { description: 'Finalized with its artifacts in place (`LOGGED_MODEL_READY`).' },
    UPLOAD_FAILED: {
      description: 'Finalized after its artifacts failed to upload (`LOGGED_MODEL_UPLOAD_FAILED`).',
    },
  } satisfies Record<(typeof LOGGED_MODEL_STATUSES)[number], { description: string }>,
});

export const LoggedModelRef = builder.loadableNodeRef('LoggedModel', {
  id: { resolve: (m: LoggedModel) => m.id },
  load: (ids: string[], ctx: Context) => ctx.services.loggedModels.findByIds(ids),
  sort: (m) => m.id,
});

const MetricDatasetRef = builder
  .objectRef<{ name: string; digest: string }>('MetricDataset')
  .implement({
    description: 'The dataset a metric point was computed on, by name and digest.',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Dataset name.' }),
      digest: t.exposeString('digest', { description: 'Dataset digest.' }),
    }),
  });

const LoggedModelMetricRef = builder.objectRef<ModelMetric>('LoggedModelMetric').implement({
  description:
    'A metric point linked to a logged model, with the run that logged it and the dataset it was computed on.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Metric name.' }),
    value: t.field({
      type: 'MetricValue',
      description: 'Value; NaN and ±Infinity are kept.',
      resolve: (m) => m.value,
    }),
    step: t.field({
      type: 'Step',
      description: 'Step (beyond ±(2^53-1) as a decimal string).',
      resolve: (m) => m.step,
    }),
    timestamp: t.field({
      type: 'SafeInt',
      description: 'Time of logging, ms since the epoch.',
      resolve: (m) => m.timestamp,
    }),
    runId: t.exposeString('runId', { description: 'Id of the run that logged the point.' }),
    run: t.field({
      type: RunRef,
      nullable: true,
      description: 'The run that logged the point.',
      resolve: (m) => m.runId,
    }),
    dataset: t.field({
      type: MetricDatasetRef,
      nullable: true,
      description: 'The dataset the point was computed on; null when none was given.',
      resolve: (m) =>
        m.datasetName === null || m.datasetDigest === null
          ? null
          : { name: m.datasetName, digest: m.datasetDigest },
    }),
  }),
});

LoggedModelRef.implement({
  description:
    'An MLflow 3 logged model: produced by a run or registered from outside, with params, tags and linked metrics.',
  fields: (t) => ({
    modelId: t.exposeString('id', {
      description: 'MLflow model id: `m-` followed by 32 lowercase hex characters.',
    }),
    experimentId: t.string({
      description: 'Id of the experiment the model belongs to.',
      resolve: (m) => String(m.experimentId),
    }),
    experiment: t.field({
      type: ExperimentRef,
      description: 'The experiment the model belongs to.',
      resolve: (m) => String(m.experimentId),
    }),
    name: t.exposeString('name', { description: 'Model name (not unique).' }),
    modelType: t.exposeString('modelType', {
      nullable: true,
      description: 'Free-form model type, e.g. `agent`.',
    }),
    sourceRunId: t.exposeString('sourceRunId', {
      nullable: true,
      description: 'Id of the run that produced the model, as given at creation (not checked).',
    }),
    sourceRun: t.field({
      type: RunRef,
      nullable: true,
      description:
        'The run that produced the model; null when none was given or it does not exist.',
      resolve: (m) => m.sourceRunId ?? null,
    }),
    status: t.field({
      type: LoggedModelStatusEnum,
      description: 'Upload status.',
      resolve: (m) => m.status,
    }),
    lifecycleStage: t.field({
      type: LifecycleStageEnum,
      description: 'Active or deleted (deleted models are read only with `allowDeleted`).',
      resolve: (m) => m.lifecycleStage,
    }),
    creationTimestamp: t.field({
      type: 'SafeInt',
      description: 'Creation time, ms since the epoch.',
      resolve: (m) => m.creationTime,
    }),
    lastUpdatedTimestamp: t.field({
      type: 'SafeInt',
      description:
        'Last finalize or delete, ms since the epoch (tag and param writes do not bump it, as in MLflow).',
      resolve: (m) => m.lastUpdatedTime,
    }),
    artifactUri: t.exposeString('artifactLocation', {
      description:
        "Where the model's artifacts live: `<experiment artifact location>/models/<model id>/artifacts`.",
    }),
    modelUri: t.string({
      description: 'The model URI clients resolve: `models:/<model id>`.',
      resolve: (m) => `models:/${m.id}`,
    }),
    params: t.loadableList({
      type: ParamRef,
      description: 'Params of the model, sorted by key (immutable once logged).',
      load: (ids: string[], ctx) => ctx.services.loggedModels.paramsByModelIds(ids),
      resolve: (m) => m.id,
    }),
    tags: t.loadableList({
      type: TagRef,
      description: 'Tags of the model, sorted by key.',
      load: (ids: string[], ctx) => ctx.services.loggedModels.tagsByModelIds(ids),
      resolve: (m) => m.id,
    }),
    metrics: t.loadableList({
      type: LoggedModelMetricRef,
      description:
        'Every metric point linked to the model (full history, every run and dataset), by key, then step, timestamp and logging order.',
      load: (ids: string[], ctx) => ctx.services.modelLinks.metricsByModelIds(ids),
      resolve: (m) => m.id,
    }),
  }),
});

builder.queryField('loggedModel', (t) =>
  t.field({
    type: LoggedModelRef,
    nullable: true,
    description:
      'A logged model by its MLflow id; null when absent, or deleted unless `allowDeleted`.',
    args: {
      modelId: t.arg.string({ required: true, description: 'Model id (`m-…`).' }),
      allowDeleted: t.arg.boolean({
        defaultValue: false,
        description: 'Also return the model when it is soft-deleted.',
      }),
    },
    resolve: (_, args, ctx) =>
      ctx.services.loggedModels.findById(args.modelId, args.allowDeleted ?? false),
  }),
);

builder.objectField(ExperimentRef, 'loggedModels', (t) =>
  t.connection(
    {
      type: LoggedModelRef,
      description:
        'Active logged models of this experiment, newest first (as `searchLoggedModels` with this experiment).',
      complexity: connectionComplexity(50),
      args: {
        filter: t.arg.string({ description: 'Filter string, as in `searchLoggedModels`.' }),
      },
      resolve: (e, args, ctx) =>
        ctx.services.search.searchLoggedModels(
          [String(e.id)],
          args,
          pageRequest<unknown[]>(args, { defaultSize: 50 }),
        ),
    },
    { description: 'A page of logged models.' },
    { description: 'A logged model in a page.' },
  ),
);
