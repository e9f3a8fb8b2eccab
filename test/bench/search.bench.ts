/**
 * searchRuns benchmark (issue #15): 100 whole runs (info, params, tags, latest metrics, as MLflow's
 * `runs/search` returns them) out of 10,000 and out of 100,000 runs, filter
 * `metrics.acc > 0.5 AND params.lr = '0.01'`, `orderBy: metrics.acc DESC`, over loopback HTTP.
 *
 * Each size gets a fresh database seeded by bulk SQL with no ANALYZE (PostgreSQL here runs with
 * autovacuum off, so the tables have no statistics unless the server gathers them), measured as
 * found, then again after a manual ANALYZE. Every case prints the search statement's EXPLAIN plan,
 * the raw SQL floor (one hand-written statement for the same page: plain rows grouped in JS, and
 * the older JSON-building form as `json_floor_*`) and the API/floor ratio, and the peak RSS of the
 * server's process tree.
 *
 * Env: BENCH_SIZES (default `10000,100000`), BENCH_ITERATIONS (default 200),
 * BENCH_SERVER_ROOT (start the server from another checkout, for before/after in one session).
 */
import {
  type BenchServer,
  benchDatabase,
  percentile,
  postJson,
  report,
  startBenchServer,
} from './harness.ts';
import { analyze, explainSearch, FILTER, floorTimes, statisticsState } from './search-floor.ts';
import { seedSearchRuns } from './seed-sql.ts';

const WHOLE_RUNS = `query($ids: [String!]!, $filter: String, $orderBy: [String!]) {
  searchRuns(experimentIds: $ids, filter: $filter, orderBy: $orderBy, first: 100) {
    edges { node {
      runId experimentId name userId status startTime endTime lifecycleStage artifactUri
      params { key value }
      tags { key value }
      latestMetrics { key value step timestamp }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const TARGET_P50: Record<number, number> = { 10000: 8, 100000: 12 };

interface Page {
  data?: { searchRuns: { edges: { node: { params: unknown[]; latestMetrics: unknown[] } }[] } };
  errors?: unknown[];
}

/** Times the request over a keep-alive node:http connection; checks every response is whole. */
async function measure(url: string, vars: Record<string, unknown>, n: number, warmup = 20) {
  const body = JSON.stringify({ query: WHOLE_RUNS, variables: vars });
  const samples: number[] = [];
  let rows = 0;
  let bytes = 0;
  for (let i = 0; i < n + warmup; i++) {
    const t0 = performance.now();
    const text = await postJson(url, body);
    const elapsed = performance.now() - t0;
    const page = JSON.parse(text) as Page;
    const edges = page.data?.searchRuns.edges;
    if (!edges || page.errors) throw new Error(`search failed: ${text.slice(0, 300)}`);
    if (edges.some((e) => e.node.params.length !== 5 || e.node.latestMetrics.length !== 5)) {
      throw new Error('a run came back without its 5 params and 5 latest metrics');
    }
    if (i >= warmup) samples.push(elapsed);
    rows = edges.length;
    bytes = text.length;
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), rows, bytes };
}

async function measureCase(
  server: BenchServer,
  dbUrl: string,
  exp: string,
  runs: number,
  statistics: string,
) {
  const stats = await statisticsState(dbUrl);
  const vars = { ids: [exp], filter: FILTER, orderBy: ['metrics.acc DESC'] };
  // the first request after the import pays for whatever statistics upkeep the server does
  const first = await measure(server.url, vars, 1, 0);
  const api = await measure(server.url, vars, ITERATIONS);
  const floor = await floorTimes(dbUrl, exp, ITERATIONS);
  const plain = await measure(server.url, { ids: [exp] }, Math.ceil(ITERATIONS / 4));
  const ex = await explainSearch(dbUrl, exp, ['metrics.acc DESC']);
  const target = TARGET_P50[runs] ?? null;
  report({
    bench: 'searchRuns.wholeRuns',
    runs,
    statistics,
    tables_analyzed_before: stats,
    tables_analyzed_after: await statisticsState(dbUrl),
    first_request_ms: +first.p50.toFixed(1),
    filter: FILTER,
    orderBy: 'metrics.acc DESC',
    first: 100,
    rows: api.rows,
    response_bytes: api.bytes,
    p50_ms: +api.p50.toFixed(2),
    p99_ms: +api.p99.toFixed(2),
    target_p50_ms: target,
    target_p99_ms: 25,
    meets_target: target !== null && api.p50 <= target && api.p99 <= 25,
    floor_p50_ms: +floor.rows.p50.toFixed(2),
    floor_p99_ms: +floor.rows.p99.toFixed(2),
    floor_rows: floor.rows.rows,
    api_over_floor_p50: +(api.p50 / floor.rows.p50).toFixed(2),
    json_floor_p50_ms: +floor.json.p50.toFixed(2),
    json_floor_p99_ms: +floor.json.p99.toFixed(2),
    json_floor_rows: floor.json.rows,
    search_statement_exec_p50_ms: +ex.p50.toFixed(2),
    server_tree_peak_rss_mib: Math.round(server.peakRssMiB()),
    target_rss_mib: 150,
  });
  report({
    bench: 'searchRuns.wholeRuns',
    runs,
    statistics,
    filter: null,
    orderBy: 'default (start_time DESC)',
    first: 100,
    rows: plain.rows,
    p50_ms: +plain.p50.toFixed(2),
    p99_ms: +plain.p99.toFixed(2),
  });
  report({ bench: 'searchRuns.plan', runs, statistics, plan: ex.plan.split('\n') });
}

for (const runs of SIZES) {
  const db = await benchDatabase();
  const server = await startBenchServer(db.url, { LOG_LEVEL: 'info' });
  try {
    const t0 = performance.now();
    const exp = await seedSearchRuns(db.url, runs, `search-${runs}`);
    report({
      bench: 'searchRuns.seed',
      runs,
      seconds: +((performance.now() - t0) / 1000).toFixed(1),
    });
    await measureCase(server, db.url, exp, runs, 'none (bulk import, no ANALYZE)');
    await analyze(db.url);
    await measureCase(server, db.url, exp, runs, 'manual ANALYZE');
  } finally {
    await server.stop();
    await db.drop();
  }
}
