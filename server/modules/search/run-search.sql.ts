import { ValidationError } from '../../shared/errors.ts';
import { type DatasetClause, datasetFilterSql } from '../datasets/public.ts';
import { RUN_COLUMNS } from '../runs/public.ts';
import type { Clause, CompareClause, Identifier, OrderClause } from './filter-ast.ts';
import {
  type CompiledSearch,
  compareSql,
  keysetPage,
  Params,
  type SearchPageQuery,
  type SortKey,
} from './keyset.ts';
import { readScopeSql } from './read-scope.sql.ts';

/** What a run search selects: experiments, then lifecycle stages, filter, order and the page. */
export interface RunSearchQuery extends SearchPageQuery {
  experimentIds: number[];
}

const RUN_ATTRIBUTE_COLUMNS: Record<string, { column: string; cast: 'text' | 'int8' }> = {
  run_id: { column: 'r.id', cast: 'text' },
  run_name: { column: 'r.name', cast: 'text' },
  status: { column: 'r.status', cast: 'text' },
  user_id: { column: 'r.user_id', cast: 'text' },
  artifact_uri: { column: 'r.artifact_uri', cast: 'text' },
  start_time: { column: 'r.start_time', cast: 'int8' },
  end_time: { column: 'r.end_time', cast: 'int8' },
};

const QUALIFIED_RUN_COLUMNS = RUN_COLUMNS.split(',')
  .map((c) => `r.${c.trim()}`)
  .join(', ');

/**
 * A `datasets.<name|digest|context>` clause: true when any dataset input of the run satisfies it
 * (`context` is the input's `mlflow.data.context` tag), via the datasets module's EXISTS fragment.
 */
export function datasetClauseSql(clause: Clause, params: Params): string {
  if (clause.type === 'null') {
    throw new ValidationError(
      'filter',
      'IS NULL / IS NOT NULL are not supported on datasets.* identifiers',
    );
  }
  const field = clause.ident.key as DatasetClause['field'];
  const fragment = datasetFilterSql(
    clause.type === 'in'
      ? { field, comparator: clause.negated ? 'NOT IN' : 'IN', value: clause.values }
      : { field, comparator: clause.op, value: String(clause.value.value) },
    { runAlias: 'r', paramOffset: params.values.length },
  );
  params.values.push(...fragment.params);
  return fragment.sql;
}

interface JoinSpec {
  alias: string;
  table: 'metric_summaries' | 'params' | 'run_tags';
  key: string;
  inner: boolean;
}

const TABLES = { metric: 'metric_summaries', param: 'params', tag: 'run_tags' } as const;

/** The value expression of a metric summary function on join alias `a`; NaN reads as null. */
function metricExpr(a: string, fn: Identifier['fn']): { expr: string; cast: 'float8' | 'int8' } {
  switch (fn) {
    case 'min':
      return { expr: `${a}.min_value`, cast: 'float8' };
    case 'max':
      return { expr: `${a}.max_value`, cast: 'float8' };
    case 'first':
      return { expr: `nullif(${a}.first_value, 'NaN'::float8)`, cast: 'float8' };
    case 'count':
      return { expr: `${a}.count`, cast: 'int8' };
    case 'last_step':
      return { expr: `${a}.last_step`, cast: 'int8' };
    default:
      return { expr: `nullif(${a}.last_value, 'NaN'::float8)`, cast: 'float8' };
  }
}

class RunSearchCompiler {
  readonly params = new Params();
  private readonly joins = new Map<string, JoinSpec>();
  private readonly where: string[] = [];

  private join(ident: Identifier, inner: boolean): string {
    const table = TABLES[ident.kind as keyof typeof TABLES];
    const id = `${table}|${ident.key}`;
    let spec = this.joins.get(id);
    if (!spec) {
      spec = { alias: `j${this.joins.size}`, table, key: ident.key, inner };
      this.joins.set(id, spec);
    }
    spec.inner ||= inner;
    return spec.alias;
  }

  private compare(c: CompareClause, lhs: string, cast: string): string {
    return compareSql(lhs, c.op, c.value.value, cast, this.params);
  }

  clause(c: Clause): void {
    const { ident } = c;
    if (ident.kind === 'dataset') {
      this.where.push(datasetClauseSql(c, this.params));
      return;
    }
    if (ident.kind === 'attribute') {
      const col = RUN_ATTRIBUTE_COLUMNS[ident.key]!;
      if (c.type === 'in') {
        const any = `${col.column} = any(${this.params.add(c.values, 'text[]')})`;
        this.where.push(c.negated ? `not (${any})` : any);
      } else if (c.type === 'compare') {
        this.where.push(this.compare(c, col.column, col.cast));
      }
      return;
    }
    if (c.type === 'null') {
      const a = this.join(ident, c.negated);
      if (!c.negated) this.where.push(`${a}.run_id is null`);
      return;
    }
    const a = this.join(ident, true);
    if (c.type !== 'compare') return;
    if (ident.kind === 'metric') {
      const m = metricExpr(a, ident.fn);
      this.where.push(this.compare(c, m.expr, m.cast));
    } else {
      this.where.push(this.compare(c, `${a}.value`, 'text'));
    }
  }

  sortKeys(order: OrderClause[]): SortKey[] {
    const keys: SortKey[] = [];
    let hasStart = false;
    for (const { ident, descending } of order) {
      if (ident.kind === 'attribute') {
        const col = RUN_ATTRIBUTE_COLUMNS[ident.key]!;
        hasStart ||= ident.key === 'start_time';
        keys.push({
          expr: col.column,
          cast: col.cast,
          desc: descending,
          nullable: ident.key === 'end_time',
        });
        continue;
      }
      const a = this.join(ident, false);
      if (ident.kind === 'metric') {
        const m = metricExpr(a, ident.fn);
        keys.push({ expr: m.expr, cast: m.cast, desc: descending, nullable: true });
        // NaN and missing both read as null above; NaN (a present row) sorts before missing.
        keys.push({ expr: `(${a}.run_id is null)`, cast: 'bool', desc: false, nullable: false });
      } else {
        keys.push({ expr: `${a}.value`, cast: 'text', desc: descending, nullable: true });
      }
    }
    if (!hasStart) keys.push({ expr: 'r.start_time', cast: 'int8', desc: true, nullable: false });
    keys.push({ expr: 'r.id', cast: 'text', desc: false, nullable: false });
    return keys;
  }

  joinSql(): string {
    return [...this.joins.values()]
      .map(
        (j) =>
          `${j.inner ? 'join' : 'left join'} ${j.table} ${j.alias} on ${j.alias}.run_id = r.id and ${j.alias}.key = ${this.params.add(j.key, 'text')}`,
      )
      .join('\n');
  }

  whereSql(): string[] {
    return this.where;
  }
}

/**
 * Compiles a run search into one SQL statement with bound values.
 *
 * @remarks Metric, param and tag clauses join their table once per key (inner when a clause
 * requires the key, left otherwise), so a filtered key that is also ordered by uses one join.
 * Rows come back ordered by the sort keys, then `start_time DESC, run_id ASC`; `s0..sN` hold the
 * key values for cursors.
 */
export function compileRunSearch(q: RunSearchQuery): CompiledSearch {
  const c = new RunSearchCompiler();
  for (const clause of q.filter.clauses) c.clause(clause);
  const keys = c.sortKeys(q.order);
  const where = [
    // equality (not `= any`) for one experiment lets the planner walk (experiment_id, start_time desc, id)
    q.experimentIds.length === 1
      ? `r.experiment_id = ${c.params.add(q.experimentIds[0], 'int8')}`
      : `r.experiment_id = any(${c.params.add(q.experimentIds, 'int8[]')})`,
    `r.lifecycle_stage = any(${c.params.add(q.stages, 'text[]')})`,
    ...readScopeSql(q.readable, 'r.experiment_id', c.params),
    ...c.whereSql(),
  ];
  return keysetPage(QUALIFIED_RUN_COLUMNS, `runs r\n${c.joinSql()}`, where, keys, q, c.params);
}
