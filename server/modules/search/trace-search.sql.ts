import { ValidationError } from '../../shared/errors.ts';
import { TRACE_COLUMNS, TRACE_KEYS } from '../traces/public.ts';
import type { Clause, OrderClause } from './filter-ast.ts';
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

/** A metadata entry every result must have (how models and runs link their traces). */
export interface MetadataLink {
  key: string;
  value: string;
}

/** What a trace search selects. */
export interface TraceSearchQuery extends Omit<SearchPageQuery, 'stages'> {
  /** Experiments to search; null searches all (link fields). */
  experimentIds: number[] | null;
  link: MetadataLink | null;
}

const COLUMNS: Record<string, { column: string; cast: SortCast; nullable?: boolean }> = {
  timestamp_ms: { column: 't.request_time', cast: 'int8' },
  execution_time_ms: { column: 't.execution_duration', cast: 'int8' },
  end_time_ms: { column: '(t.request_time + t.execution_duration)', cast: 'int8' },
  status: { column: 't.state', cast: 'text' },
  request_id: { column: 't.trace_id', cast: 'text' },
  client_request_id: { column: 't.client_request_id', cast: 'text', nullable: true },
  experiment_id: { column: 't.experiment_id', cast: 'int8' },
};

/** Attributes that are stored as a tag or as metadata. */
const KEYED: Record<string, { kind: 'tag' | 'metadata'; key: string }> = {
  name: { kind: 'tag', key: TRACE_KEYS.traceName },
  run_id: { kind: 'metadata', key: TRACE_KEYS.sourceRun },
};

const TABLES = { tag: 'trace_tags', metadata: 'trace_metadata' } as const;

const SPAN_FIELDS: Record<string, string> = {
  name: 's.name',
  type: 's.span_type',
  status: 's.status_code',
  content: `(s.name || ' ' || s.attributes::text || ' ' || s.events::text)`,
};

/** Span statuses may be written as the OTel proto names (`STATUS_CODE_OK`). */
const spanStatus = (v: string) => v.replace(/^STATUS_CODE_/i, '').toUpperCase();

class TraceSearchCompiler {
  readonly params = new Params();
  readonly where: string[] = [];

  /** `lhs` against the clause's value(s): comparison, LIKE family, RLIKE or list membership. */
  private test(c: Clause, lhs: string, map: (v: string) => string = (v) => v): string {
    if (c.type === 'in') {
      const any = `${lhs} = any(${this.params.add(c.values.map(map), 'text[]')})`;
      return c.negated ? `not (${any})` : any;
    }
    if (c.type !== 'compare')
      throw new ValidationError('filter', `Unsupported clause on ${c.ident.text}`);
    const value = String(c.value.value);
    if (c.op === 'RLIKE') {
      try {
        new RegExp(value);
      } catch {
        throw new ValidationError('filter', `Invalid regular expression '${value}' for RLIKE`);
      }
    }
    const exact = c.op === '=' || c.op === '!=';
    return compareSql(lhs, c.op, exact ? map(value) : value, 'text', this.params);
  }

  /** A tag or metadata clause: EXISTS over the key's row (absent rows match only IS NULL). */
  private keyed(kind: 'tag' | 'metadata', key: string, c: Clause): string {
    const head = `select 1 from ${TABLES[kind]} kv where kv.trace_id = t.trace_id and kv.key = ${this.params.add(key, 'text')}`;
    if (c.type === 'null') return `${c.negated ? '' : 'not '}exists (${head})`;
    if (kind === 'metadata' && c.type === 'compare' && c.op === '=') {
      // the prefix lets the (key, left(value, 200)) index find linked traces
      const v = this.params.add(String(c.value.value), 'text');
      return `exists (${head} and left(kv.value, 200) = left(${v}, 200) and kv.value = ${v})`;
    }
    return `exists (${head} and ${this.test(c, 'kv.value')})`;
  }

  clause(c: Clause): void {
    const { ident } = c;
    if (ident.kind === 'tag' || ident.kind === 'metadata') {
      this.where.push(this.keyed(ident.kind, ident.key, c));
      return;
    }
    if (ident.kind === 'span') {
      const attr = ident.key.startsWith('attributes.')
        ? `(s.attributes ->> ${this.params.add(ident.key.slice('attributes.'.length), 'text')})`
        : SPAN_FIELDS[ident.key]!;
      const map = ident.key === 'status' ? spanStatus : undefined;
      this.where.push(
        `exists (select 1 from spans s where s.trace_id = t.trace_id and ${this.test(c, attr, map)})`,
      );
      return;
    }
    const keyed = KEYED[ident.key];
    if (keyed) {
      const byMetadata = this.keyed(keyed.kind, keyed.key, c);
      if (ident.key === 'run_id' && c.type === 'compare' && c.op === '=') {
        // traces linked to the run (link-to-run) match too, as in MLflow's SQL store
        const run = this.params.add(String(c.value.value), 'text');
        this.where.push(
          `(${byMetadata} or exists (select 1 from trace_run_links l where l.trace_id = t.trace_id and l.run_id = ${run}))`,
        );
      } else this.where.push(byMetadata);
      return;
    }
    if (ident.key === 'text') {
      this.where.push(
        `exists (select 1 from spans s where s.trace_id = t.trace_id and ${this.test(c, SPAN_FIELDS.content!)})`,
      );
      return;
    }
    const col = COLUMNS[ident.key]!;
    if (col.cast === 'int8') {
      if (c.type !== 'compare')
        throw new ValidationError('filter', `Unsupported clause on ${ident.text}`);
      this.where.push(compareSql(col.column, c.op, c.value.value, 'int8', this.params));
      return;
    }
    const upper = ident.key === 'status' ? (v: string) => v.toUpperCase() : undefined;
    this.where.push(this.test(c, col.column, upper));
  }

  private keyedValue(kind: 'tag' | 'metadata', key: string): string {
    return `(select kv.value from ${TABLES[kind]} kv where kv.trace_id = t.trace_id and kv.key = ${this.params.add(key, 'text')})`;
  }

  sortKeys(order: OrderClause[]): SortKey[] {
    const keys: SortKey[] = order.map(({ ident, descending }) => {
      if (ident.kind === 'tag' || ident.kind === 'metadata') {
        return {
          expr: this.keyedValue(ident.kind, ident.key),
          cast: 'text',
          desc: descending,
          nullable: true,
        };
      }
      const keyed = KEYED[ident.key];
      if (keyed) {
        return {
          expr: this.keyedValue(keyed.kind, keyed.key),
          cast: 'text',
          desc: descending,
          nullable: true,
        };
      }
      const col = COLUMNS[ident.key]!;
      return {
        expr: col.column,
        cast: col.cast,
        desc: descending,
        nullable: col.nullable ?? false,
      };
    });
    return withTieBreaks(
      keys,
      { expr: 't.request_time', cast: 'int8', desc: true, nullable: false },
      { expr: 't.trace_id', cast: 'text', desc: false, nullable: false },
    );
  }
}

/**
 * Compiles a trace search into one SQL statement with bound values.
 *
 * @remarks Tag and metadata clauses need the key's row (`!=` keeps only traces that have the key,
 * as MLflow's joins do); `IS NULL` matches traces without it. Span clauses keep a trace when any
 * of its spans matches. `name` is the tag `mlflow.traceName`, `run_id` the metadata
 * `mlflow.sourceRun` (`run_id = '<run>'` also matches traces linked to the run). Order: the
 * entries, missing values last in both directions, then `timestamp_ms DESC` (unless ordered by)
 * and `request_id ASC`, so keyset cursors stay exact while traces are added.
 */
export function compileTraceSearch(q: TraceSearchQuery): CompiledSearch {
  const c = new TraceSearchCompiler();
  const where: string[] = [];
  if (q.experimentIds !== null) {
    // one experiment (the usual case) as an equality, so the (experiment_id, request_time desc,
    // trace_id) index yields the default order and the page stops after `limit` rows: with
    // `= any(...)` PostgreSQL 15 sorts every trace of the experiment first
    where.push(
      q.experimentIds.length === 1
        ? `t.experiment_id = ${c.params.add(q.experimentIds[0], 'int8')}`
        : `t.experiment_id = any(${c.params.add(q.experimentIds, 'int8[]')})`,
    );
  }
  if (q.link) {
    c.clause({
      type: 'compare',
      ident: { kind: 'metadata', key: q.link.key, fn: null, offset: 0, text: q.link.key },
      op: '=',
      value: { type: 'string', value: q.link.value, offset: 0 },
      offset: 0,
    });
  }
  where.push(...readScopeSql(q.readable, 't.experiment_id', c.params));
  for (const clause of q.filter.clauses) c.clause(clause);
  where.push(...c.where);
  const keys = c.sortKeys(q.order);
  return keysetPage(TRACE_COLUMNS, 'trace_info t', where, keys, q, c.params);
}
