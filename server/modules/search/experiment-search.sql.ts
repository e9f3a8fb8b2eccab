import type { Clause } from './filter-ast.ts';
import {
  type CompiledSearch,
  compareSql,
  keysetPage,
  Params,
  type SearchPageQuery,
  type SortKey,
  withTieBreaks,
} from './keyset.ts';
import { readScopeSql } from './read-scope.sql.ts';

/** What an experiment search selects: lifecycle stages, filter, order and the page. */
export type ExperimentSearchQuery = SearchPageQuery;

const COLUMNS: Record<string, { column: string; cast: 'text' | 'int8' }> = {
  name: { column: 'e.name', cast: 'text' },
  creation_time: { column: 'e.creation_time', cast: 'int8' },
  last_update_time: { column: 'e.last_update_time', cast: 'int8' },
  experiment_id: { column: 'e.id', cast: 'int8' },
};

const SELECT = `e.id, e.name, e.artifact_location as "artifactLocation", e.lifecycle_stage as "lifecycleStage",
  e.creation_time as "creationTime", e.last_update_time as "lastUpdateTime"`;

function clauseSql(c: Clause, params: Params): string {
  if (c.ident.kind === 'tag') {
    const exists = `exists (select 1 from experiment_tags t where t.experiment_id = e.id and t.key = ${params.add(c.ident.key, 'text')}`;
    if (c.type === 'null') return `${c.negated ? '' : 'not '}${exists})`;
    if (c.type !== 'compare') return 'false';
    return `${exists} and ${compareSql('t.value', c.op, c.value.value, 'text', params)})`;
  }
  const col = COLUMNS[c.ident.key]!;
  if (c.type !== 'compare') return 'false';
  return compareSql(col.column, c.op, c.value.value, col.cast, params);
}

/**
 * Compiles an experiment search into one SQL statement with bound values.
 *
 * @remarks Default order `creation_time DESC, experiment_id ASC`; with an explicit order,
 * `experiment_id ASC` is appended unless already present, so the order is total.
 */
export function compileExperimentSearch(q: ExperimentSearchQuery): CompiledSearch {
  const params = new Params();
  const where = [
    `e.lifecycle_stage = any(${params.add(q.stages, 'text[]')})`,
    ...readScopeSql(q.readable, 'e.id', params),
  ];
  for (const c of q.filter.clauses) where.push(clauseSql(c, params));
  const order: SortKey[] = q.order.map(({ ident, descending }) => ({
    expr: COLUMNS[ident.key]!.column,
    cast: COLUMNS[ident.key]!.cast,
    desc: descending,
    nullable: false,
  }));
  if (order.length === 0) {
    order.push({ expr: 'e.creation_time', cast: 'int8', desc: true, nullable: false });
  }
  withTieBreaks(order, { expr: 'e.id', cast: 'int8', desc: false, nullable: false });
  return keysetPage(SELECT, 'experiments e', where, order, q, params);
}
