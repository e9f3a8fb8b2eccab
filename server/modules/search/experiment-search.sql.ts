import type { Clause, Filter, OrderClause } from './filter-ast.ts';
import { afterSql, orderBySql, Params, type SortKey } from './keyset.ts';
import type { CompiledSearch } from './run-search.sql.ts';

/** What an experiment search selects. */
export interface ExperimentSearchQuery {
  stages: string[];
  filter: Filter;
  order: OrderClause[];
  limit: number;
  cursor: unknown[] | null;
  backward: boolean;
}

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
    const v = params.add(c.value.value, 'text');
    const like = c.op === 'LIKE' || c.op === 'ILIKE';
    return `${exists} and t.value ${like ? c.op.toLowerCase() : c.op} ${v}${like ? " escape ''" : ''})`;
  }
  const col = COLUMNS[c.ident.key]!;
  if (c.type !== 'compare') return 'false';
  const v = params.add(c.value.value, col.cast);
  if (c.op === 'LIKE' || c.op === 'ILIKE')
    return `${col.column} ${c.op.toLowerCase()} ${v} escape ''`;
  return `${col.column} ${c.op} ${v}`;
}

/**
 * Compiles an experiment search into one SQL statement with bound values.
 *
 * @remarks Default order `creation_time DESC, experiment_id ASC`; with an explicit order,
 * `experiment_id ASC` is appended unless already present, so the order is total.
 */
export function compileExperimentSearch(q: ExperimentSearchQuery): CompiledSearch {
  const params = new Params();
  const where = [`e.lifecycle_stage = any(${params.add(q.stages, 'text[]')})`];
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
  if (!order.some((k) => k.expr === 'e.id')) {
    order.push({ expr: 'e.id', cast: 'int8', desc: false, nullable: false });
  }
  if (q.cursor) where.push(afterSql(order, q.cursor, q.backward, params));
  const select = order.map((k, i) => `${k.expr} as s${i}`).join(', ');
  const text = `select ${SELECT}, ${select} from experiments e
where ${where.join(' and ')}
order by ${orderBySql(order, q.backward)}
limit ${params.add(q.limit + 1, 'int8')}`;
  return { text, values: params.values, keys: order };
}
