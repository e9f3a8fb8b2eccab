import pg from 'pg';
import { parseFilter, parseOrderBy } from '../../server/modules/search/filter-parser.ts';
import { compileRunSearch } from '../../server/modules/search/run-search.sql.ts';
import { RUN_VOCABULARY } from '../../server/modules/search/search-vocabulary.ts';
import { benchDatabase, gql, percentile, postJson, report, startBenchServer } from './harness.ts';
import { seedSearchRuns } from './seed-sql.ts';

const QUERY = `query($ids: [String!]!, $filter: String, $orderBy: [String!]) {
  searchRuns(experimentIds: $ids, filter: $filter, orderBy: $orderBy, first: 100) {
    edges { node { runId name startTime } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const FILTER = "metrics.acc > 0.5 AND params.lr = '0.01'";

/**
 * Times the search with node:http over a keep-alive connection (as the latency benches do) and,
 * alternating with it, with `fetch`, whose own per-request cost (~1-2 ms here) is reported apart.
 */
async function measure(url: string, vars: Record<string, unknown>, iterations: number) {
  const body = JSON.stringify({ query: QUERY, variables: vars });
  for (let i = 0; i < 20; i++) await postJson(url, body);
  const samples: number[] = [];
  const viaFetch: number[] = [];
  let rows = 0;
  for (let i = 0; i < iterations; i++) {
    let t0 = performance.now();
    const data = JSON.parse(await postJson(url, body)) as {
      data: { searchRuns: { edges: unknown[] } };
    };
    samples.push(performance.now() - t0);
    rows = data.data.searchRuns.edges.length;
    t0 = performance.now();
    await gql(url, QUERY, vars);
    viaFetch.push(performance.now() - t0);
  }
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p50Fetch: percentile(viaFetch, 50),
    rows,
  };
}

async function vacuum(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('vacuum analyze');
  await client.end();
}

/** The database's own time for the search statement (EXPLAIN ANALYZE), and its plan. */
async function explain(url: string, exp: string, orderBy: string[]) {
  const c = compileRunSearch({
    experimentIds: [Number(exp)],
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
    for (let i = 0; i < 20; i++) {
      const res = await client.query(`explain (analyze, buffers) ${c.text}`, c.values);
      plan = res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      times.push(Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]));
    }
    return { sql: c.text, plan, p50: percentile(times, 50) };
  } finally {
    await client.end();
  }
}

const db = await benchDatabase();
// the harness reads the URL from the 'listening' info line
const server = await startBenchServer(db.url, { LOG_LEVEL: 'info' });
try {
  for (const [runs, target] of [
    [10_000, 8],
    [100_000, 25],
  ] as const) {
    const exp = await seedSearchRuns(db.url, runs, `search-${runs}`);
    const vars = { ids: [exp], filter: FILTER, orderBy: ['metrics.acc DESC'] };
    // vacuum now so autovacuum of the fresh tables does not run during the measurement
    await vacuum(db.url);
    const m = await measure(server.url, vars, 200);
    report({
      bench: 'searchRuns',
      runs,
      filter: FILTER,
      orderBy: 'metrics.acc DESC',
      first: 100,
      p50_ms: +m.p50.toFixed(2),
      p95_ms: +m.p95.toFixed(2),
      p50_fetch_ms: +m.p50Fetch.toFixed(2),
      target_p50_ms: target,
      rows: m.rows,
    });
    const ex = await explain(db.url, exp, ['metrics.acc DESC']);
    report({ bench: 'searchRuns.sql', runs, execution_p50_ms: +ex.p50.toFixed(2) });
    if (process.env.BENCH_PLAN) process.stderr.write(`${ex.sql}\n${ex.plan}\n`);
    const plain = await measure(server.url, { ids: [exp] }, 50);
    report({
      bench: 'searchRuns',
      runs,
      filter: null,
      orderBy: 'default (start_time DESC)',
      first: 100,
      p50_ms: +plain.p50.toFixed(2),
      p95_ms: +plain.p95.toFixed(2),
      rows: plain.rows,
    });
  }
} finally {
  await server.stop();
  await db.drop();
}
