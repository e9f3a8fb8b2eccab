import type { Db } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import { type Connection, type PageRequest, toConnection } from '../../shared/pagination.ts';
import type { PermissionService } from '../auth/public.ts';
import {
  type Experiment,
  type ExperimentService,
  stagesOf,
  type ViewType,
} from '../experiments/public.ts';
import type { LoggedModel } from '../logged-models/public.ts';
import type { Run } from '../runs/public.ts';
import type { TraceInfo } from '../traces/public.ts';
import { compileExperimentSearch } from './experiment-search.sql.ts';
import { parseFilter, parseOrderBy, parseOrderField } from './filter-parser.ts';
import { type CompiledSearch, checkCursor, cursorValue } from './keyset.ts';
import {
  compileLoggedModelSearch,
  type DatasetScope,
  type ModelOrder,
} from './logged-model-search.sql.ts';
import { compileRunSearch } from './run-search.sql.ts';
import {
  EXPERIMENT_VOCABULARY,
  LOGGED_MODEL_VOCABULARY,
  RUN_VOCABULARY,
  TRACE_VOCABULARY,
} from './search-vocabulary.ts';
import {
  LOGGED_MODEL_SEARCH_TABLES,
  RUN_SEARCH_TABLES,
  type TableStatistics,
  TRACE_SEARCH_TABLES,
} from './table-statistics.ts';
import { compileTraceSearch, type MetadataLink } from './trace-search.sql.ts';

/** Filter and order as the API receives them. */
export interface SearchArgs {
  filter?: string | null;
  orderBy?: readonly string[] | null;
}

/** The arguments of a logged-model search (MLflow `search_logged_models`). */
export interface LoggedModelSearchArgs {
  filter?: string | null;
  datasets?: readonly { datasetName: string; datasetDigest?: string | null }[] | null;
  orderBy?:
    | readonly {
        fieldName: string;
        ascending?: boolean | null;
        datasetName?: string | null;
        datasetDigest?: string | null;
      }[]
    | null;
}

type Row = Record<string, unknown>;

function datasetScopes(args: LoggedModelSearchArgs): DatasetScope[] {
  return (args.datasets ?? []).map((d, i) => {
    if (!d.datasetName) {
      throw new ValidationError(
        `datasets[${i}].datasetName`,
        'Each datasets entry must name a dataset (datasetName)',
      );
    }
    return { name: d.datasetName, digest: d.datasetDigest || null };
  });
}

function modelOrder(args: LoggedModelSearchArgs): ModelOrder[] {
  return (args.orderBy ?? []).map((o, i) => {
    const field = `orderBy[${i}]`;
    if (o.datasetDigest && !o.datasetName) {
      throw new ValidationError(
        `${field}.datasetDigest`,
        'datasetDigest needs datasetName in an order entry',
      );
    }
    return {
      ident: parseOrderField(o.fieldName, LOGGED_MODEL_VOCABULARY, `${field}.fieldName`),
      descending: o.ascending === false,
      dataset: o.datasetName ? { name: o.datasetName, digest: o.datasetDigest || null } : null,
    };
  });
}

/** Search over runs and experiments with MLflow's filter and order grammar. */
export class SearchService {
  constructor(
    private readonly db: Db,
    private readonly experiments: ExperimentService,
    private readonly tableStats: TableStatistics,
    private readonly access: PermissionService,
  ) {}

  private async page<T>(
    compiled: CompiledSearch,
    req: PageRequest<unknown[]>,
  ): Promise<Connection<T>> {
    if (req.cursor) checkCursor(compiled.keys, req.cursor, req.backward ? 'before' : 'after');
    const rows = await this.db.query<Row>(compiled.text, compiled.values);
    const n = compiled.keys.length;
    return toConnection(rows, req, (r) =>
      Array.from({ length: n }, (_, i) => cursorValue(r[`s${i}`])),
    ) as unknown as Connection<T>;
  }

  /**
   * A page of the runs of `experimentIds` matching `filter`, in `orderBy` order.
   *
   * @remarks Order: each `orderBy` entry with missing values last in both directions (for metrics:
   * values, then NaN, then missing), then `start_time DESC`, then `run_id ASC`. Cursors hold the
   * sort-key values of the row (keyset), so pages stay exact while runs are added.
   * @throws ValidationError for a bad filter, order, experiment id or cursor.
   */
  async searchRuns(
    experimentIds: readonly string[],
    args: SearchArgs,
    view: ViewType,
    req: PageRequest<unknown[]>,
  ): Promise<Connection<Run>> {
    const ids = experimentIds.map((id, i) => this.experiments.parseId(id, `experimentIds[${i}]`));
    const compiled = compileRunSearch({
      readable: await this.access.readScope(),
      experimentIds: ids,
      stages: stagesOf(view),
      filter: parseFilter(args.filter, RUN_VOCABULARY),
      order: parseOrderBy(args.orderBy, RUN_VOCABULARY),
      limit: req.limit,
      cursor: req.cursor,
      backward: req.backward,
    });
    await this.tableStats.beforeSearch(RUN_SEARCH_TABLES);
    return this.page<Run>(compiled, req);
  }

  /**
   * A page of experiments matching `filter`, in `orderBy` order.
   *
   * @remarks Default order `creation_time DESC, experiment_id ASC`.
   * @throws ValidationError for a bad filter, order or cursor.
   */
  async searchExperiments(
    args: SearchArgs,
    view: ViewType,
    req: PageRequest<unknown[]>,
  ): Promise<Connection<Experiment>> {
    const compiled = compileExperimentSearch({
      readable: await this.access.readScope(),
      stages: stagesOf(view),
      filter: parseFilter(args.filter, EXPERIMENT_VOCABULARY),
      order: parseOrderBy(args.orderBy, EXPERIMENT_VOCABULARY),
      limit: req.limit,
      cursor: req.cursor,
      backward: req.backward,
    });
    return this.page<Experiment>(compiled, req);
  }

  /**
   * A page of the active logged models of `experimentIds` (MLflow `search_logged_models`).
   *
   * @remarks Grammar: clauses joined by AND over attributes (bare or `attributes.`, with MLflow's
   * aliases), `metrics.`, `params.`, `tags.`. Metric clauses match any row of the metric, scoped
   * to `datasets` when given (an entry without a digest matches any digest). Order entries are
   * attributes or `metrics.<name>` (latest row, on the entry's dataset); missing values last;
   * ties by `creation_timestamp DESC`, then `model_id`. Keyset cursors.
   * @throws ValidationError for a bad filter, dataset, order entry, experiment id or cursor.
   */
  async searchLoggedModels(
    experimentIds: readonly string[],
    args: LoggedModelSearchArgs,
    req: PageRequest<unknown[]>,
  ): Promise<Connection<LoggedModel>> {
    const ids = experimentIds.map((id, i) => this.experiments.parseId(id, `experimentIds[${i}]`));
    const compiled = compileLoggedModelSearch({
      readable: await this.access.readScope(),
      experimentIds: ids,
      filter: parseFilter(args.filter, LOGGED_MODEL_VOCABULARY),
      datasets: datasetScopes(args),
      order: modelOrder(args),
      limit: req.limit,
      cursor: req.cursor,
      backward: req.backward,
    });
    await this.tableStats.beforeSearch(LOGGED_MODEL_SEARCH_TABLES);
    return this.page<LoggedModel>(compiled, req);
  }

  /**
   * A page of traces (MLflow `search_traces`) of `experimentIds` (null: every experiment), with
   * the metadata entry `link` when given (`LoggedModel.traces`, `Run.traces`).
   *
   * @remarks Grammar and order: see {@link compileTraceSearch}. Default order `timestamp_ms DESC`,
   * then `request_id ASC`. (quirk, decided) MLflow pages with an offset token returned on every
   * full page; we use keyset cursors, so pages stay exact while traces are added, and
   * `hasNextPage` is false on the last page.
   * @throws ValidationError for a bad filter, order, experiment id or cursor.
   */
  async searchTraces(
    experimentIds: readonly string[] | null,
    args: SearchArgs,
    req: PageRequest<unknown[]>,
    link: MetadataLink | null = null,
  ): Promise<Connection<TraceInfo>> {
    const ids =
      experimentIds?.map((id, i) => this.experiments.parseId(id, `experimentIds[${i}]`)) ?? null;
    const compiled = compileTraceSearch({
      readable: await this.access.readScope(),
      experimentIds: ids,
      link,
      filter: parseFilter(args.filter, TRACE_VOCABULARY),
      order: parseOrderBy(args.orderBy, TRACE_VOCABULARY),
      limit: req.limit,
      cursor: req.cursor,
      backward: req.backward,
    });
    await this.tableStats.beforeSearch(TRACE_SEARCH_TABLES);
    return this.page<TraceInfo>(compiled, req);
  }
}
