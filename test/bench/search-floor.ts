import pg from 'pg';
import { parseFilter, parseOrderBy } from '../../server/modules/search/filter-parser.ts';
import { compileRunSearch } from '../../server/modules/search/run-search.sql.ts';
import { RUN_VOCABULARY } from '../../server/modules/search/search-vocabulary.ts';
import { percentile } from './harness.ts';

/** The bench's filter, as a user types it. */
export const FILTER = "metrics.acc > 0.5 AND params.lr = '0.01'";

/**
 * The raw SQL floor: the page the API returns (100 runs ordered by `acc` DESC, with their params,
 * tags and latest metrics), fetched by one hand-written statement over a plain pg connection and
 * decoded as JSON, so the API's overhead over the database is visible.
 *
 * @remarks The page is picked in a MATERIALIZED CTE. Its plan does depend on statistics: on tables
 * never analyzed it walks every run (~490 ms at 10,000 runs, plain psql); the bench times it after
 * the server's statistics upkeep has analyzed the tables (its first search does), as the API is.
 */
const FLOOR_SQL = `with page as materialized (
  select r.id, r.experiment_id, r.name, r.user_id, r.status, r.start_time, r.end_time,
    r.lifecycle_stage, r.artifact_uri, nullif(a.last_value, 'NaN'::float8) as acc
  from metric_summaries a
  join runs r on r.id = a.run_id
  join params p on p.run_id = r.id and p.key = 'lr'
  where a.key = 'acc' and nullif(a.last_value, 'NaN'::float8) > 0.5
    and r.experiment_id = $1 and r.lifecycle_stage = 'active' and p.value = '0.01'
  order by nullif(a.last_value, 'NaN'::float8) desc nulls last, r.start_time desc, r.id
  limit 101
)
select json_agg(json_build_object(
  'runId', page.id, 'experimentId', page.experiment_id::text, 'name', page.name,
  'userId', page.user_id, 'status', page.status, 'startTime', page.start_time,
  'endTime', page.end_time, 'lifecycleStage', upper(page.lifecycle_stage),
  'artifactUri', page.artifact_uri,
  'params', (select json_agg(json_build_object('key', key, 'value', value) order by key)
    from params where run_id = page.id),
  'tags', (select json_agg(json_build_object('key', key, 'value', value) order by key)
    from run_tags where run_id = page.id),
  'latestMetrics', (select json_agg(json_build_object('key', key, 'value', last_value,
      'step', last_step, 'timestamp', last_timestamp) order by key)
    from metric_summaries where run_id = page.id)
) order by page.acc desc nulls last, page.start_time desc, page.id)::text as page
from page`;

/**
 * The same page as {@link FLOOR_SQL} as plain rows: the page's runs, then one row per param, tag
 * and latest metric of those runs (one index scan per child table over the page's ids), grouped
 * per run in JS. Cheaper than building JSON per run in the database (no per-run subqueries,
 * aggregates or sorts); the cheapest hand-written form found of these rows.
 */
const FLOOR_ROWS_SQL = `${FLOOR_SQL.slice(0, FLOOR_SQL.indexOf('select json_agg'))}
select 0 as kind, page.id, page.experiment_id::text as experiment, page.name, page.user_id,
  page.status, page.start_time, page.end_time, upper(page.lifecycle_stage) as stage,
  page.artifact_uri, null::text as key, null::text as value, null::float8 as metric,
  null::int8 as step, null::int8 as ts
from page
union all select 1, run_id, null, null, null, null, null, null, null, null, key, value, null, null, null
  from params where run_id = any(array(select id from page))
union all select 2, run_id, null, null, null, null, null, null, null, null, key, value, null, null, null
  from run_tags where run_id = any(array(select id from page))
union all select 3, run_id, null, null, null, null, null, null, null, null, key, null, last_value,
  last_step, last_timestamp
  from metric_summaries where run_id = any(array(select id from page))`;

interface FloorRow {
  kind: number;
  id: string;
  key: string;
  value: string;
  metric: number;
  step: number;
  ts: number;
  [column: string]: unknown;
}

/** Groups the rows of {@link FLOOR_ROWS_SQL} into whole runs (children sorted by key). */
function wholeRuns(rows: FloorRow[]): unknown[] {
  type Child = { key: string } & Record<string, unknown>;
  const runs = new Map<
    string,
    Record<string, unknown> & { params: Child[]; tags: Child[]; latestMetrics: Child[] }
  >();
  for (const r of rows) {
    if (r.kind === 0) {
      runs.set(r.id, { ...r, params: [], tags: [], latestMetrics: [] });
      continue;
    }
    const run = runs.get(r.id)!;
    if (r.kind === 1) run.params.push({ key: r.key, value: r.value });
    else if (r.kind === 2) run.tags.push({ key: r.key, value: r.value });
    else run.latestMetrics.push({ key: r.key, value: r.metric, step: r.step, timestamp: r.ts });
  }
  const byKey = (a: { key: string }, b: { key: string }) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  for (const run of runs.values()) {
    run.params.sort(byKey);
    run.tags.sort(byKey);
    run.latestMetrics.sort(byKey);
  }
  return [...runs.values()];
}

/**
 * Times both floor statements `n` times each, interleaved on one connection: `json` (one JSON
 * document built by the database, JSON.parse) and `rows` ({@link FLOOR_ROWS_SQL}, grouped in JS);
 * returns p50/p99 in ms and the row count of each.
 */
export async function floorTimes(url: string, experimentId: string, n: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const samples = { json: [] as number[], rows: [] as number[] };
    const count = { json: 0, rows: 0 };
    for (let i = 0; i < n + 20; i++) {
      let t0 = performance.now();
      const res = await client.query<{ page: string }>(FLOOR_SQL, [experimentId]);
      const page = JSON.parse(res.rows[0]?.page ?? '[]') as unknown[];
      if (i >= 20) samples.json.push(performance.now() - t0);
      count.json = Math.min(page.length, 100);
      t0 = performance.now();
      const rows = await client.query<FloorRow>(FLOOR_ROWS_SQL, [experimentId]);
      const runs = wholeRuns(rows.rows);
      if (i >= 20) samples.rows.push(performance.now() - t0);
      count.rows = Math.min(runs.length, 100);
    }
    const figures = (s: number[], rows: number) => ({
      p50: percentile(s, 50),
      p99: percentile(s, 99),
      rows,
    });
    return { json: figures(samples.json, count.json), rows: figures(samples.rows, count.rows) };
  } finally {
    await client.end();
  }
}

/** EXPLAIN (ANALYZE) of the server's own search statement: its plan and median execution time. */
export async function explainSearch(url: string, experimentId: string, orderBy: string[]) {
  const c = compileRunSearch({
    experimentIds: [Number(experimentId)],
    stages: ['active'],
    filter: parseFilter(FILTER, RUN_VOCABULARY),
    order: parseOrderBy(orderBy, RUN_VOCABULARY),
    limit: 100,
    cursor: null,
    backward: false,
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const times: number[] = [];
    let plan = '';
    for (let i = 0; i < 10; i++) {
      const res = await client.query(`explain (analyze, costs off) ${c.text}`, c.values);
      plan = res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      times.push(Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]));
    }
    return { plan, p50: percentile(times, 50) };
  } finally {
    await client.end();
  }
}

/** Whether the search tables have statistics (pg_class.reltuples >= 0 once analyzed or vacuumed). */
export async function statisticsState(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string; analyzed: string | null }>(
      `select relname, coalesce(last_analyze, last_autoanalyze)::text as analyzed
       from pg_stat_user_tables where relname in ('runs', 'params', 'run_tags', 'metric_summaries')
       order by relname`,
    );
    return Object.fromEntries(rows.map((r) => [r.relname, r.analyzed ?? 'never']));
  } finally {
    await client.end();
  }
}

/** Runs a manual ANALYZE of the whole database (the "with statistics" case). */
export async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('analyze');
  await client.end();
}
