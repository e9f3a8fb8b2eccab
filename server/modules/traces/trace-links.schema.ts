import { builder } from '../../builder.ts';
import { connectionComplexity } from '../../shared/complexity.ts';
import { LIMITS } from '../../shared/limits.ts';
import { pageRequest } from '../../shared/pagination.ts';
import { ExperimentRef } from '../experiments/public.ts';
import { LoggedModelRef } from '../logged-models/public.ts';
import { RunRef } from '../runs/public.ts';
import { TraceRef } from './trace.schema.ts';
import { TRACE_KEYS } from './trace-rows.sql.ts';

const FILTER_DESCRIPTION =
  "MLflow trace filter, e.g. `status = 'OK' AND execution_time_ms > 100 AND tags.`mlflow.traceName` LIKE 'chat%'`: clauses joined by AND. Attributes (bare or `attribute.`/`attributes.`/`trace.`): timestamp_ms (timestamp), execution_time_ms (execution_time), end_time_ms (end_time) take `= != < <= > >=`; status, request_id, client_request_id, name (tag mlflow.traceName), run_id (metadata mlflow.sourceRun) take `= != IN NOT IN LIKE ILIKE RLIKE`; text (any span's content) takes `LIKE ILIKE`. `tag.`/`tags.<key>` and `metadata.`/`request_metadata.<key>` take `= != LIKE ILIKE RLIKE IS NULL IS NOT NULL`. `span.name`, `span.type`, `span.status`, `span.attributes.<key>` take `= != IN NOT IN LIKE ILIKE RLIKE` and `span.content` `LIKE ILIKE` (a trace matches when any span does). Keys may be backquoted. A bad filter fails with INVALID_PARAMETER_VALUE.";
const ORDER_DESCRIPTION =
  'Order entries such as `timestamp_ms DESC`, `attributes.execution_time_ms ASC`, `tags.x`, `metadata.y`; attributes experiment_id, timestamp_ms, execution_time_ms, end_time_ms, status, request_id, name, run_id. Missing values sort last; ties end with timestamp_ms DESC, then request_id.';
const DEFAULT_TRACE_PAGE = LIMITS.defaultPageSize;

const pageOf = (args: {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}) =>
  pageRequest<unknown[]>(args, { max: LIMITS.maxTracePageSize, defaultSize: DEFAULT_TRACE_PAGE });

builder.queryField('searchTraces', (t) =>
  t.connection(
    {
      type: TraceRef,
      description:
        'Traces of the given experiments that match a filter, in the requested order (MLflow search_traces); newest first by default. Pages of at most 500. Errors in the filter or order come back as GraphQL errors with `extensions.code` INVALID_PARAMETER_VALUE.',
      complexity: connectionComplexity(DEFAULT_TRACE_PAGE),
      args: {
        experimentIds: t.arg.stringList({
          required: true,
          description: 'Experiments to search; an empty list matches no traces.',
        }),
        filter: t.arg.string({ description: FILTER_DESCRIPTION }),
        orderBy: t.arg.stringList({ description: ORDER_DESCRIPTION }),
      },
      resolve: (_, args, ctx) =>
        ctx.services.search.searchTraces(args.experimentIds, args, pageOf(args)),
    },
    { name: 'SearchTracesConnection', description: 'A page of matching traces.' },
    { name: 'SearchTracesEdge', description: 'A matching trace in a page.' },
  ),
);

const linkArgs = {
  filter: { description: 'Filter string, as in `searchTraces`.' },
  orderBy: { description: 'Order entries, as in `searchTraces`.' },
};

builder.objectField(ExperimentRef, 'traces', (t) =>
  t.connection(
    {
      type: TraceRef,
      description:
        'Traces of this experiment, newest first (as `searchTraces` with this experiment).',
      complexity: connectionComplexity(DEFAULT_TRACE_PAGE),
      args: {
        filter: t.arg.string(linkArgs.filter),
        orderBy: t.arg.stringList(linkArgs.orderBy),
      },
      resolve: (e, args, ctx) =>
        ctx.services.search.searchTraces([String(e.id)], args, pageOf(args)),
    },
    { description: 'A page of traces.' },
    { description: 'A trace in a page.' },
  ),
);

builder.objectField(LoggedModelRef, 'traces', (t) =>
  t.connection(
    {
      type: TraceRef,
      description:
        'Traces linked to this model (metadata `mlflow.modelId`, set from the active model), in any experiment; newest first.',
      complexity: connectionComplexity(DEFAULT_TRACE_PAGE),
      args: {
        filter: t.arg.string(linkArgs.filter),
        orderBy: t.arg.stringList(linkArgs.orderBy),
      },
      resolve: (m, args, ctx) =>
        ctx.services.search.searchTraces(null, args, pageOf(args), {
          key: TRACE_KEYS.modelId,
          value: m.id,
        }),
    },
    { description: 'A page of traces linked to a model.' },
    { description: 'A trace linked to a model.' },
  ),
);

builder.objectField(RunRef, 'traces', (t) =>
  t.connection(
    {
      type: TraceRef,
      description:
        'Traces produced while this run was active (metadata `mlflow.sourceRun`), in any experiment; newest first.',
      complexity: connectionComplexity(DEFAULT_TRACE_PAGE),
      args: {
        filter: t.arg.string(linkArgs.filter),
        orderBy: t.arg.stringList(linkArgs.orderBy),
      },
      resolve: (r, args, ctx) =>
        ctx.services.search.searchTraces(null, args, pageOf(args), {
          key: TRACE_KEYS.sourceRun,
          value: r.id,
        }),
    },
    { description: 'A page of traces of a run.' },
    { description: 'A trace of a run.' },
  ),
);
