import { builder } from '../../builder.ts';
import { connectionComplexity } from '../../shared/complexity.ts';
import { pageRequest } from '../../shared/pagination.ts';
import { ExperimentRef, ViewTypeEnum } from '../experiments/public.ts';
import { RunRef } from '../runs/public.ts';

const FILTER_DESCRIPTION =
  "MLflow filter string, e.g. `metrics.acc > 0.5 AND params.lr = '0.01'`: clauses joined by AND; prefixes `attributes.` `metrics.` `params.` `tags.` `datasets.` (and aliases); keys may be quoted with backquotes or double quotes; summaries as `min(metrics.loss) < 0.2` (min, max, first, last, count, last_step). A bad filter fails with INVALID_PARAMETER_VALUE naming the character offset.";
const ORDER_DESCRIPTION =
  'Order entries such as `metrics.acc DESC`, `params.lr`, `tags.team ASC`, `start_time`, `min(metrics.loss)`. Missing values sort last in both directions; ties end with start_time DESC, then run id.';

builder.queryFields((t) => ({
  searchRuns: t.connection(
    {
      type: RunRef,
      description:
        'Runs of the given experiments that match a filter, in the requested order (MLflow search-runs). Errors in the filter or order come back as GraphQL errors with `extensions.code` INVALID_PARAMETER_VALUE.',
      complexity: connectionComplexity(),
      args: {
        experimentIds: t.arg.stringList({
          required: true,
          description: 'Experiments to search; an empty list matches no runs.',
        }),
        filter: t.arg.string({ description: FILTER_DESCRIPTION }),
        orderBy: t.arg.stringList({ description: ORDER_DESCRIPTION }),
        runViewType: t.arg({
          type: ViewTypeEnum,
          defaultValue: 'ACTIVE_ONLY',
          description: 'Lifecycle filter on runs.',
        }),
      },
      resolve: (_, args, ctx) =>
        ctx.services.search.searchRuns(
          args.experimentIds,
          args,
          args.runViewType ?? 'ACTIVE_ONLY',
          pageRequest<unknown[]>(args),
        ),
    },
    { name: 'SearchRunsConnection', description: 'A page of matching runs.' },
    { name: 'SearchRunsEdge', description: 'A matching run in a page.' },
  ),
  searchExperiments: t.connection(
    {
      type: ExperimentRef,
      description:
        'Experiments that match a filter, in the requested order (MLflow search-experiments). Default order: creation time descending, then id.',
      complexity: connectionComplexity(),
      args: {
        filter: t.arg.string({
          description:
            "Filter over `name`, `creation_time`, `last_update_time` (bare or `attribute.`/`attributes.`) and `tags.<key>`, e.g. `name LIKE 'vision-%' AND tags.team = 'a'`.",
        }),
        orderBy: t.arg.stringList({
          description:
            'Order entries over `name`, `experiment_id`, `creation_time`, `last_update_time`, each optionally ASC or DESC.',
        }),
        viewType: t.arg({
          type: ViewTypeEnum,
          defaultValue: 'ACTIVE_ONLY',
          description: 'Lifecycle filter on experiments.',
        }),
      },
      resolve: (_, args, ctx) =>
        ctx.services.search.searchExperiments(
          args,
          args.viewType ?? 'ACTIVE_ONLY',
          pageRequest<unknown[]>(args),
        ),
    },
    { name: 'SearchExperimentsConnection', description: 'A page of matching experiments.' },
    { name: 'SearchExperimentsEdge', description: 'A matching experiment in a page.' },
  ),
}));
