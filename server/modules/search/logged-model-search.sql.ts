import { ValidationError } from '../../shared/errors.ts';
import { MODEL_COLUMNS } from '../logged-models/public.ts';
import type { Clause, Identifier } from './filter-ast.ts';
import {
  type CompiledSearch,
  compareSql,
  keysetPage,
  Params,
  type SearchPageQuery,
  type SortCast,
  type SortKey,
  withTieBreaks,
} from './keyset.ts';
import { readScopeSql } from './read-scope.sql.ts';

/** A dataset that scopes metric clauses: a name, and optionally a digest (absent = any digest). */
export interface DatasetScope {
  name: string;
  digest: string | null;
}

/** One structured order entry: an attribute or `metrics.<name>`, optionally scoped to a dataset. */
export interface ModelOrder {
  ident: Identifier;
  descending: boolean;
  dataset: DatasetScope | null;
}

/** What a logged-model search selects. */
export interface LoggedModelSearchQuery extends Omit<SearchPageQuery, 'stages' | 'order'> {
  experimentIds: number[];
  datasets: DatasetScope[];
  order: ModelOrder[];
}

interface Column {
  /** Expression for ordering and numeric comparisons. */
  column: string;
  cast: SortCast;
  /** Expression compared with string literals (when it differs from `column`). */
  text?: string;
  nullable?: boolean;
}

const COLUMNS: Record<string, Column> = {
  model_id: { column: 'm.id', cast: 'text' },
  experiment_id: { column: 'm.experiment_id', cast: 'int8', text: 'm.experiment_id::text' },
  name: { column: 'm.name', cast: 'text' },
  artifact_location: { column: 'm.artifact_location', cast: 'text' },
  status: { column: 'm.status', cast: 'text' },
  lifecycle_stage: { column: 'm.lifecycle_stage', cast: 'text' },
  model_type: { column: 'm.model_type', cast: 'text', nullable: true },
  source_run_id: { column: 'm.source_run_id', cast: 'text', nullable: true },
  // never written by MLflow OSS either: always null
  status_message: { column: 'null::text', cast: 'text', nullable: true },
  creation_timestamp_ms: { column: 'm.creation_time', cast: 'int8' },
  last_updated_timestamp_ms: { column: 'm.last_updated_time', cast: 'int8' },
};

/**
 * Status spellings a filter may use, to the stored value. **(quirk)** MLflow's SQL store stores
 * the int and so matches nothing for `status = 'READY'`; we accept the enum name, the proto name
 * and the int, as the spec recommends.
 */
const STATUS_ALIASES: Record<string, string> = {
  PENDING: 'PENDING',
  LOGGED_MODEL_PENDING: 'PENDING',
  '1': 'PENDING',
  READY: 'READY',
  LOGGED_MODEL_READY: 'READY',
  '2': 'READY',
  FAILED: 'UPLOAD_FAILED',
  UPLOAD_FAILED: 'UPLOAD_FAILED',
  LOGGED_MODEL_UPLOAD_FAILED: 'UPLOAD_FAILED',
  '3': 'UPLOAD_FAILED',
};

const QUALIFIED_COLUMNS = MODEL_COLUMNS.split(',')
  .map((c) => `m.${c.trim()}`)
  .join(', ');

const OWNED = { param: 'logged_model_params', tag: 'logged_model_tags' } as const;

class ModelSearchCompiler {
  readonly params = new Params();
  readonly where: string[] = [];
  readonly joins: string[] = [];
  private scopeParam: string | null = null;

  constructor(private readonly datasets: DatasetScope[]) {}

  /**
   * `mm` rows on one of the `datasets` (OR across the list). (quirk, decided) An entry without a
   * digest matches any digest of that name, the documented meaning; MLflow's REST path turns it
   * into `dataset_digest IS NULL`, which matches almost nothing.
   */
  private datasetScope(): string {
    this.scopeParam ??= `${this.params.add(
      this.datasets.map((d) => d.name),
      'text[]',
    )}, ${this.params.add(
      this.datasets.map((d) => d.digest),
      'text[]',
    )}`;
    return `exists (select 1 from unnest(${this.scopeParam}) as ds(n, g)
      where mm.dataset_name = ds.n and (ds.g is null or mm.dataset_digest = ds.g))`;
  }

  private stringValues(c: Clause, values: string[]): string[] {
    if (c.ident.kind !== 'attribute' || c.ident.key !== 'status') return values;
    return values.map((v) => STATUS_ALIASES[v.toUpperCase()] ?? v);
  }

  private stringTest(c: Clause, lhs: string): string {
    if (c.type === 'in') {
      const any = `${lhs} = any(${this.params.add(this.stringValues(c, c.values), 'text[]')})`;
      return c.negated ? `not (${any})` : any;
    }
    if (c.type !== 'compare')
      throw new ValidationError('filter', `Unsupported clause on ${c.ident.text}`);
    const exact = c.op === '=' || c.op === '!=';
    const value = exact ? this.stringValues(c, [String(c.value.value)])[0] : c.value.value;
    return compareSql(lhs, c.op, value, 'text', this.params);
  }

  clause(c: Clause): void {
    const { ident } = c;
    if (ident.kind === 'attribute') {
      const col = COLUMNS[ident.key]!;
      if (col.cast === 'int8' && !col.text) {
        if (c.type !== 'compare')
          throw new ValidationError('filter', `Unsupported clause on ${ident.text}`);
        this.where.push(compareSql(col.column, c.op, c.value.value, 'int8', this.params));
      } else this.where.push(this.stringTest(c, col.text ?? col.column));
      return;
    }
    if (ident.kind === 'metric') {
      // any row of the metric (any step, run, timestamp) that meets the condition; NaN never does
      if (c.type !== 'compare')
        throw new ValidationError('filter', `Unsupported clause on ${ident.text}`);
      const scope = this.datasets.length > 0 ? ` and ${this.datasetScope()}` : '';
      this.where.push(
        `exists (select 1 from logged_model_metrics mm where mm.model_id = m.id and mm.key = ${this.params.add(ident.key, 'text')} and ${compareSql(`nullif(mm.value, 'NaN'::float8)`, c.op, c.value.value, 'float8', this.params)}${scope})`,
      );
      return;
    }
    const table = OWNED[ident.kind as keyof typeof OWNED];
    this.where.push(
      `exists (select 1 from ${table} kv where kv.model_id = m.id and kv.key = ${this.params.add(ident.key, 'text')} and ${this.stringTest(c, 'kv.value')})`,
    );
  }

  /** Models with at least one metric row on one of the datasets (datasets given, no metric clause). */
  anyMetricOnDatasets(): void {
    this.where.push(
      `exists (select 1 from logged_model_metrics mm where mm.model_id = m.id and ${this.datasetScope()})`,
    );
  }

  sortKeys(order: ModelOrder[]): SortKey[] {
    const keys: SortKey[] = [];
    for (const { ident, descending, dataset } of order) {
      if (ident.kind === 'attribute') {
        const col = COLUMNS[ident.key]!;
        keys.push({
          expr: col.column,
          cast: col.cast,
          desc: descending,
          nullable: col.nullable ?? false,
        });
        continue;
      }
      // the latest row of the metric (highest timestamp, then step) among the entry's dataset
      const alias = `o${this.joins.length}`;
      const scope = dataset
        ? ` and mm.dataset_name = ${this.params.add(dataset.name, 'text')}${
            dataset.digest === null
              ? ''
              : ` and mm.dataset_digest = ${this.params.add(dataset.digest, 'text')}`
          }`
        : '';
      this.joins.push(
        `left join lateral (select nullif(mm.value, 'NaN'::float8) as v from logged_model_metrics mm
          where mm.model_id = m.id and mm.key = ${this.params.add(ident.key, 'text')}${scope}
          order by mm.timestamp desc, mm.step desc, mm.id desc limit 1) ${alias} on true`,
      );
      keys.push({ expr: `${alias}.v`, cast: 'float8', desc: descending, nullable: true });
    }
    return withTieBreaks(
      keys,
      { expr: 'm.creation_time', cast: 'int8', desc: true, nullable: false },
      { expr: 'm.id', cast: 'text', desc: false, nullable: false },
    );
  }
}

/**
 * Compiles a logged-model search into one SQL statement with bound values.
 *
 * @remarks Deleted models are always left out. Metric clauses keep a model when **any** of its
 * metric rows for the key meets the condition (restricted to `datasets` when given); with
 * `datasets` and no metric clause, a model needs one metric row on one of them. Metric order uses
 * the latest row (timestamp, then step) on the entry's dataset. Missing values sort last in both
 * directions; ties end with `creation_timestamp DESC` (unless ordered by) and `model_id ASC`, so
 * the order is total and keyset cursors stay exact while models are added.
 */
export function compileLoggedModelSearch(q: LoggedModelSearchQuery): CompiledSearch {
  const c = new ModelSearchCompiler(q.datasets);
  for (const clause of q.filter.clauses) c.clause(clause);
  if (q.datasets.length > 0 && !q.filter.clauses.some((x) => x.ident.kind === 'metric')) {
    c.anyMetricOnDatasets();
  }
  const keys = c.sortKeys(q.order);
  const where = [
    q.experimentIds.length === 1
      ? `m.experiment_id = ${c.params.add(q.experimentIds[0], 'int8')}`
      : `m.experiment_id = any(${c.params.add(q.experimentIds, 'int8[]')})`,
    `m.lifecycle_stage = 'active'`,
    ...readScopeSql(q.readable, 'm.experiment_id', c.params, 'm.id'),
    ...c.where,
  ];
  return keysetPage(
    QUALIFIED_COLUMNS,
    ['logged_models m', ...c.joins].join('\n'),
    where,
    keys,
    q,
    c.params,
  );
}
