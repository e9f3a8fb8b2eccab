import { ValidationError } from '../../shared/errors.ts';
import type { ReadScope } from '../auth/public.ts';
import type { Filter, OrderClause } from './filter-ast.ts';

/** SQL type a sort key is bound as. */
export type SortCast = 'float8' | 'int8' | 'text' | 'bool';

/** One key of a total order: an SQL expression, its direction, and whether it can be null. */
export interface SortKey {
  expr: string;
  cast: SortCast;
  desc: boolean;
  /** Nullable keys sort their nulls last in the forward direction. */
  nullable: boolean;
}

/** Collects bound parameters; every value reaches SQL as `$n`. */
export class Params {
  readonly values: unknown[] = [];

  /** Binds `value` and returns its placeholder with a cast. */
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/**
 * `lhs op value` with the value bound; LIKE/ILIKE get `escape ''` because MLflow does no escape
 * processing (`\` is an ordinary character); RLIKE is PostgreSQL's `~`.
 */
export function compareSql(
  lhs: string,
  op: string,
  value: unknown,
  cast: string,
  params: Params,
): string {
  const v = params.add(value, cast);
  if (op === 'LIKE' || op === 'ILIKE') return `${lhs} ${op.toLowerCase()} ${v} escape ''`;
  if (op === 'RLIKE') return `${lhs} ~ ${v}`;
  return `${lhs} ${op} ${v}`;
}

/** The page part of a search: lifecycle stages, filter, order, size and keyset position. */
export interface SearchPageQuery {
  /** What the caller may read (see `read-scope.sql.ts`); absent: everything. */
  readable?: ReadScope;
  stages: string[];
  filter: Filter;
  order: OrderClause[];
  limit: number;
  cursor: unknown[] | null;
  backward: boolean;
}

/** `order by` text for `keys`; backward reverses every key, null placement included. */
export function orderBySql(keys: readonly SortKey[], backward: boolean): string {
  return keys
    .map((k) => {
      const desc = k.desc !== backward;
      const nullsLast = !backward;
      return `${k.expr} ${desc ? 'desc' : 'asc'}${k.nullable ? (nullsLast ? ' nulls last' : ' nulls first') : ''}`;
    })
    .join(', ');
}

/**
 * Predicate selecting rows strictly after `cursor` in the order of `keys` (keyset pagination).
 *
 * @remarks Written as nested OR/AND so keys may mix directions and nullable keys keep their nulls
 * last; the last key must be unique (the row id), which makes the order total.
 */
export function afterSql(
  keys: readonly SortKey[],
  cursor: readonly unknown[],
  backward: boolean,
  params: Params,
): string {
  let rest = 'false';
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!;
    const c = cursor[i];
    const nullsLast = !backward;
    const op = k.desc !== backward ? '<' : '>';
    if (c === null) {
      rest = nullsLast ? `(${k.expr} is null and ${rest})` : `(${k.expr} is not null or ${rest})`;
      continue;
    }
    const v = params.add(c, k.cast);
    const core = `${k.expr} ${op} ${v} or (${k.expr} = ${v} and ${rest})`;
    rest = k.nullable && nullsLast ? `(${k.expr} is null or ${core})` : `(${core})`;
  }
  return rest;
}

/**
 * Appends each of `ties` that `keys` does not already order by (the last must be the row id), so
 * the order is total and keyset cursors are exact.
 */
export function withTieBreaks(keys: SortKey[], ...ties: SortKey[]): SortKey[] {
  for (const t of ties) if (!keys.some((k) => k.expr === t.expr)) keys.push(t);
  return keys;
}

/** A compiled search: SQL text, its bound values, and the sort keys selected as `s0..sN`. */
export interface CompiledSearch {
  text: string;
  values: unknown[];
  keys: SortKey[];
}

/**
 * The statement of one keyset page: `columns` and the sort keys (as `s0..sN`, for cursors) from
 * `from`, filtered by `where` and positioned after `page.cursor`, in the keys' order, one row past
 * the page (which tells whether another page follows).
 */
export function keysetPage(
  columns: string,
  from: string,
  where: string[],
  keys: SortKey[],
  page: Pick<SearchPageQuery, 'cursor' | 'backward' | 'limit'>,
  params: Params,
): CompiledSearch {
  const conditions = page.cursor
    ? [...where, afterSql(keys, page.cursor, page.backward, params)]
    : where;
  const select = keys.map((k, i) => `${k.expr} as s${i}`).join(', ');
  const text = `select ${columns}, ${select}
from ${from}
where ${conditions.length > 0 ? conditions.join('\n  and ') : 'true'}
order by ${orderBySql(keys, page.backward)}
limit ${params.add(page.limit + 1, 'int8')}`;
  return { text, values: params.values, keys };
}

/** Makes a sort-key row value JSON-safe (±Infinity as strings). */
export function cursorValue(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return v;
}

/** Checks a decoded cursor against the keys it must position, so it binds cleanly. */
export function checkCursor(keys: readonly SortKey[], cursor: unknown, field: string): unknown[] {
  const bad = () =>
    new ValidationError(field, 'The cursor does not belong to this filter and order');
  if (!Array.isArray(cursor) || cursor.length !== keys.length) throw bad();
  keys.forEach((k, i) => {
    const v: unknown = cursor[i];
    if (v === null && k.nullable) return;
    const ok =
      k.cast === 'text'
        ? typeof v === 'string'
        : k.cast === 'bool'
          ? typeof v === 'boolean'
          : (typeof v === 'number' && Number.isFinite(v)) ||
            (k.cast === 'float8' && (v === 'Infinity' || v === '-Infinity'));
    if (!ok) throw bad();
  });
  return cursor;
}
