import { builder } from '../../builder.ts';
import { connectionComplexity } from '../../shared/complexity.ts';
import { pageRequest } from '../../shared/pagination.ts';
import { LoggedModelRef } from '../logged-models/public.ts';

/** Page size of a logged-model search when `first` is not given (MLflow's proto default). */
const DEFAULT_MODEL_PAGE = 50;

export const LoggedModelDatasetInput = builder.inputType('LoggedModelDatasetInput', {
  description: 'A dataset that scopes the metric clauses of a logged-model search.',
  fields: (f) => ({
    datasetName: f.string({ required: true, description: 'Dataset name (required).' }),
    datasetDigest: f.string({
      description: 'Dataset digest; absent means any digest of that name.',
    }),
  }),
});

export const LoggedModelOrderInput = builder.inputType('LoggedModelOrderInput', {
  description: 'One order entry of a logged-model search.',
  fields: (f) => ({
    fieldName: f.string({
      required: true,
      description:
        'An attribute (`name`, `creation_time`, `last_updated_timestamp`, `status`, `model_type`, ...) or `metrics.<name>` (its latest row: highest timestamp, then step).',
    }),
    ascending: f.boolean({ defaultValue: true, description: 'Ascending (default) or descending.' }),
    datasetName: f.string({
      description: 'For `metrics.<name>`: only rows of this dataset count.',
    }),
    datasetDigest: f.string({
      description: 'For `metrics.<name>`: only rows of this digest count (needs datasetName).',
    }),
  }),
});

const FILTER_DESCRIPTION =
  "MLflow filter string, e.g. `metrics.rmse < 0.5 AND params.alpha = '0.1' AND tags.release IN ('v1', 'v2')`: clauses joined by AND only; `attributes.` (or bare) `metrics.` `params.` `tags.` (plural prefixes only); keys may be backquoted. Attributes: model_id, experiment_id, name, artifact_location, status (READY, LOGGED_MODEL_READY or 2...), lifecycle_stage, model_type, source_run_id, status_message, and the numbers creation_timestamp_ms (creation_time, creation_timestamp) and last_updated_timestamp_ms (last_updated_timestamp). Numbers take `< <= > >= = !=`, everything else `= != LIKE ILIKE IN NOT IN`. A metric clause matches when any row of that metric does.";

builder.queryField('searchLoggedModels', (t) =>
  t.connection(
    {
      type: LoggedModelRef,
      description:
        'Active logged models of the given experiments that match a filter, in the requested order (MLflow search_logged_models); newest first by default. Missing values sort last in both directions; ties end with creation time descending, then model id. Errors in the filter, datasets or order come back as GraphQL errors with `extensions.code` INVALID_PARAMETER_VALUE.',
      complexity: connectionComplexity(DEFAULT_MODEL_PAGE),
      args: {
        experimentIds: t.arg.stringList({
          required: true,
          description: 'Experiments to search; an empty list matches no models.',
        }),
        filter: t.arg.string({ description: FILTER_DESCRIPTION }),
        datasets: t.arg({
          type: [LoggedModelDatasetInput],
          description:
            'Scope metric clauses to rows of these datasets (any of them); without a metric clause, keep models with a metric row on one of them.',
        }),
        orderBy: t.arg({
          type: [LoggedModelOrderInput],
          description: 'Order entries, applied in turn.',
        }),
      },
      resolve: (_, args, ctx) =>
        ctx.services.search.searchLoggedModels(
          args.experimentIds,
          args,
          pageRequest<unknown[]>(args, { defaultSize: DEFAULT_MODEL_PAGE }),
        ),
    },
    { name: 'SearchLoggedModelsConnection', description: 'A page of matching logged models.' },
    { name: 'SearchLoggedModelsEdge', description: 'A matching logged model in a page.' },
  ),
);
