import type { MetricSummary } from '../metrics/public.ts';
import type { KeyValue } from '../params-tags/public.ts';
import { RUN_COLUMNS } from '../runs/public.ts';
import type { CompiledSearch } from './keyset.ts';

/** Children a run page can bring along: params, tags, metric summaries (latest metrics). */
export type RunChildKind = 'params' | 'tags' | 'metrics';

/** The children of the runs of one page, per run id, each list sorted by key. */
export interface RunChildren {
  params: Map<string, KeyValue[]>;
  tags: Map<string, KeyValue[]>;
  metrics: Map<string, MetricSummary[]>;
}

const BRANCH = { params: 1, tags: 2, metrics: 3 } as const;

// child columns, null on page rows; params and tags fill only c_run, c_key, c_value
const CHILD_COLUMNS = `null::text as c_run, null::text as c_key, null::text as c_value,
  null::int8 as c_count, null::float8 as c_min, null::float8 as c_max, null::int8 as c_first_step,
  null::int8 as c_first_ts, null::float8 as c_first_value, null::int8 as c_last_step,
  null::int8 as c_last_ts, null::float8 as c_last_value, null::int8 as c_last_seq`;

const CHILD_SELECT: Record<RunChildKind, string> = {
  params:
    'run_id, key, value, null, null, null, null, null, null, null, null, null, null from params',
  tags: 'run_id, key, value, null, null, null, null, null, null, null, null, null, null from run_tags',
  metrics: `run_id, key, null, count, min_value, max_value, first_step, first_timestamp, first_value,
    last_step, last_timestamp, last_value, last_seq from metric_summaries`,
};

/** How many run columns the page part of a run search selects (`s0..sN` follow). */
const RUN_COLUMN_COUNT = RUN_COLUMNS.split(',').length;

/**
 * One statement for a page of runs and the children of its runs: the search (materialized as
 * `page`) and, below its rows, one row per param, tag and metric summary of the page's runs.
 *
 * @remarks One round trip and plain rows: each child table is read by one index scan over the
 * page's ids (`run_id = any(...)`), with no per-run subquery, aggregate or JSON building, which
 * cost more than the rows themselves. Page rows (`kind` 0) come first, in the search's order (a
 * materialized CTE is scanned in the order it was written, and UNION ALL appends its branches in
 * turn); child rows carry their run in `c_run`.
 */
export function withRunChildren(
  compiled: CompiledSearch,
  kinds: readonly RunChildKind[],
): CompiledSearch {
  const pad = Array.from({ length: RUN_COLUMN_COUNT + compiled.keys.length }, () => 'null').join(
    ', ',
  );
  const branches = kinds.map(
    (k) =>
      `union all select ${BRANCH[k]}, ${pad}, ${CHILD_SELECT[k]}\n  where run_id = any(array(select id from page))`,
  );
  const text = `with page as materialized (${compiled.text})
select 0 as kind, page.*, ${CHILD_COLUMNS} from page
${branches.join('\n')}`;
  return { ...compiled, text };
}

type Row = Record<string, unknown>;

function push<T>(map: Map<string, T[]>, runId: string, item: T): void {
  const list = map.get(runId);
  if (list) list.push(item);
  else map.set(runId, [item]);
}

const byKey = (a: { key: string }, b: { key: string }) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/**
 * Splits the rows of {@link withRunChildren} into the page rows and the children of each run
 * (every run of the page gets a list, empty when it has no child of that kind).
 *
 * @remarks Lists are sorted by key in code-unit order, the `C` collation the server's databases
 * use (the batch reads sort in SQL).
 */
export function splitRunChildren(
  rows: Row[],
  kinds: readonly RunChildKind[],
): { page: Row[]; children: RunChildren } {
  const page: Row[] = [];
  const children: RunChildren = { params: new Map(), tags: new Map(), metrics: new Map() };
  for (const row of rows) {
    const runId = row.c_run as string;
    switch (row.kind) {
      case 0:
        page.push(row);
        break;
      case BRANCH.params:
        push(children.params, runId, { key: row.c_key as string, value: row.c_value as string });
        break;
      case BRANCH.tags:
        push(children.tags, runId, { key: row.c_key as string, value: row.c_value as string });
        break;
      default:
        push(children.metrics, runId, {
          runId,
          key: row.c_key as string,
          count: row.c_count as number,
          minValue: row.c_min as number | null,
          maxValue: row.c_max as number | null,
          firstStep: row.c_first_step as MetricSummary['firstStep'],
          firstTimestamp: row.c_first_ts as number,
          firstValue: row.c_first_value as number,
          lastStep: row.c_last_step as MetricSummary['lastStep'],
          lastTimestamp: row.c_last_ts as number,
          lastValue: row.c_last_value as number,
          lastSeq: row.c_last_seq as number,
        });
    }
  }
  for (const kind of kinds) {
    const map: Map<string, { key: string }[]> = children[kind];
    for (const row of page) {
      const id = row.id as string;
      const list = map.get(id);
      if (list) list.sort(byKey);
      else map.set(id, []);
    }
  }
  return { page, children };
}
