import { useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../api/client.ts';
import { useQuery, useSubscription } from '../api/hooks.ts';
import { ExperimentRunEvents, SearchRunsPage } from '../api/runs.ts';
import type { UiExperimentRunEventsSubscription } from '../gql/graphql.ts';
import { Link, navigate } from '../router.tsx';
import {
  ATTRIBUTE_COLUMNS,
  errorOffset,
  keysOf,
  metricColumns,
  nestRuns,
  paramColumn,
  type RunColumn,
  type RunRow,
  tagColumn,
} from './run-columns.tsx';

const PAGE_SIZE = 50;

/** The run name column (always shown, first). */
const NAME_COLUMN: RunColumn = {
  id: 'a:name',
  label: 'Run',
  group: 'attribute',
  order: 'attributes.run_name',
  cell: (r) => r.name,
};

type Page = { after?: string; before?: string };
type Event = UiExperimentRunEventsSubscription['runEvents'];

/** Applies a run event to a row of the table (unknown runs are left to the next refetch). */
function patch(run: RunRow, e: Event): RunRow {
  const merge = (
    old: { key: string; value: string }[],
    add?: { key: string; value: string }[] | null,
  ) => (add ? [...old.filter((o) => !add.some((a) => a.key === o.key)), ...add] : old);
  return {
    ...run,
    status: e.status ?? run.status,
    endTime: e.endTime ?? run.endTime,
    name: e.name ?? run.name,
    lifecycleStage: e.lifecycleStage ?? run.lifecycleStage,
    params: merge(run.params, e.params),
    tags: merge(run.tags, e.tags),
  };
}

/** The filter error under the search box, with a caret under the character the server names. */
function FilterError(props: { filter: string; message: string }) {
  const at = errorOffset(props.message);
  return (
    <div className="error" role="alert" data-testid="filter-error" data-offset={at ?? ''}>
      <div>{props.message}</div>
      {at !== null && (
        <pre className="caret">
          {props.filter}
          {'\n'}
          {`${' '.repeat(at)}^`}
        </pre>
      )}
    </div>
  );
}

/** An experiment's runs: filter, sort by any column, cursor paging, live updates, selection. */
export function RunsTable(props: { experimentId: string }) {
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ order: string; desc: boolean } | null>(null);
  const [page, setPage] = useState<Page>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const query = useQuery(SearchRunsPage, {
    experimentIds: [props.experimentId],
    filter: filter || undefined,
    orderBy: sort ? [`${sort.order} ${sort.desc ? 'DESC' : 'ASC'}`] : undefined,
    ...(page.before
      ? { last: PAGE_SIZE, before: page.before }
      : { first: PAGE_SIZE, after: page.after }),
  });
  const [rows, setRows] = useState<RunRow[]>([]);
  useEffect(() => {
    if (query.data) setRows(query.data.searchRuns.edges.map((e) => e.node));
  }, [query.data]);
  // refetch (at most every second) when runs appear or change in ways the events do not carry
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchSoon = () => {
    if (refetchTimer.current) return;
    refetchTimer.current = setTimeout(() => {
      refetchTimer.current = null;
      query.refetch();
    }, 1000);
  };
  useEffect(() => () => clearTimeout(refetchTimer.current ?? undefined), []);
  useSubscription(ExperimentRunEvents, { experimentId: props.experimentId }, (d) => {
    const e = d.runEvents;
    setRows((old) => old.map((r) => (r.runId === e.runId ? patch(r, e) : r)));
    if (e.kind === 'CREATED' || e.kind === 'DELETED' || e.kind === 'RESTORED') refetchSoon();
  });
  // metrics logged to running runs: keep their summaries fresh while any is on screen
  const running = rows.some((r) => r.status === 'RUNNING');
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch is stable
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => query.refetch(), 3000);
    return () => clearInterval(t);
  }, [running]);

  const keys = useMemo(() => keysOf(rows), [rows]);
  const columns: RunColumn[] = [
    ...ATTRIBUTE_COLUMNS,
    ...keys.params.map(paramColumn),
    ...keys.metrics.flatMap(metricColumns),
    ...keys.tags.map(tagColumn),
  ].filter((c) => !hidden.has(c.id));
  const nested = nestRuns(rows, collapsed);
  const error = query.error ? errorText(query.error) : null;
  const info = query.data?.searchRuns.pageInfo;
  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const sortBy = (c: RunColumn) => {
    const order = c.order;
    if (!order) return;
    setPage({});
    setSort((s) => (s?.order === order ? { order, desc: !s.desc } : { order, desc: true }));
  };
  return (
    <div>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setPage({});
          setFilter(draft.trim());
        }}
      >
        <input
          className="wide mono"
          aria-label="Filter runs"
          placeholder="metrics.acc > 0.5 AND params.lr = '0.01'"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">Search</button>
        <button
          type="button"
          disabled={selected.size < 2}
          onClick={() =>
            navigate(`/compare?experiment=${props.experimentId}&runs=${[...selected].join(',')}`)
          }
        >
          Compare ({selected.size})
        </button>
        <details className="columns">
          <summary>Columns</summary>
          {[
            ...ATTRIBUTE_COLUMNS,
            ...keys.params.map(paramColumn),
            ...keys.metrics.flatMap(metricColumns),
            ...keys.tags.map(tagColumn),
          ].map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={!hidden.has(c.id)}
                onChange={() => setHidden(toggle(hidden, c.id))}
              />{' '}
              {c.group}: {c.label}
            </label>
          ))}
        </details>
      </form>
      {error && <FilterError filter={filter} message={error} />}
      <div className="table-wrap">
        <table className="grid runs" data-testid="runs">
          <thead>
            <tr>
              <th />
              <th
                className="sortable"
                data-column="a:name"
                onClick={() => sortBy(NAME_COLUMN)}
                aria-sort={
                  sort?.order === NAME_COLUMN.order
                    ? sort.desc
                      ? 'descending'
                      : 'ascending'
                    : 'none'
                }
              >
                Run{sort?.order === NAME_COLUMN.order ? (sort.desc ? ' ▼' : ' ▲') : ''}
              </th>
              {columns.map((c) => (
                <th
                  key={c.id}
                  className={`sortable ${c.group}`}
                  data-column={c.id}
                  aria-sort={
                    sort?.order === c.order ? (sort.desc ? 'descending' : 'ascending') : 'none'
                  }
                  onClick={() => sortBy(c)}
                >
                  {c.label}
                  {sort?.order === c.order ? (sort.desc ? ' ▼' : ' ▲') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {nested.map(({ run: r, depth, childCount }) => (
              <tr key={r.runId} data-run-id={r.runId} className={depth > 0 ? 'child' : ''}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.name}`}
                    checked={selected.has(r.runId)}
                    onChange={() => setSelected(toggle(selected, r.runId))}
                  />
                </td>
                <td style={{ paddingLeft: `${0.5 + depth * 1.5}em` }}>
                  {childCount > 0 && (
                    <button
                      type="button"
                      className="twisty"
                      onClick={() => setCollapsed(toggle(collapsed, r.runId))}
                    >
                      {collapsed.has(r.runId) ? '▸' : '▾'}
                    </button>
                  )}
                  <Link to={`/runs/${r.runId}`}>{r.name || r.runId}</Link>
                </td>
                {columns.map((c) => (
                  <td key={c.id} data-column={c.id}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && !query.loading && !error && <p className="muted">No runs match.</p>}
      <div className="pager">
        <button type="button" disabled={!page.after && !page.before} onClick={() => setPage({})}>
          First
        </button>
        <button
          type="button"
          disabled={!info?.startCursor || !(page.after || (page.before && info.hasPreviousPage))}
          onClick={() => setPage({ before: info?.startCursor ?? undefined })}
        >
          Previous
        </button>
        <button
          type="button"
          disabled={!info?.hasNextPage || !info.endCursor}
          onClick={() => setPage({ after: info?.endCursor ?? undefined })}
        >
          Next
        </button>
      </div>
    </div>
  );
}
