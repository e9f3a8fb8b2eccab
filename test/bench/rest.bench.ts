/**
 * MLflow REST benchmark (issue #14): log-batch ingest through REST and through GraphQL in the same
 * run (1000 points over 10 keys per batch, 1 and 8 clients, alternating rounds), get-history of a
 * 100,000-point metric (pages of 25,000 as MLflow's client asks, and whole), and runs/search over
 * 10,000 runs (pages of 100, and the 10,000-run page of `mlflow.search_runs`).
 *
 * Env: BENCH_BATCHES (batches per round, default 200), BENCH_ROUNDS (default 2),
 * BENCH_HISTORY_POINTS (points of the get-history metric, default 100,000), BENCH_HISTORY_ROUNDS
 * (default 5), BENCH_PARTS (which of `logBatch,history,search` run; default all).
 */
import http from 'node:http';
import pg from 'pg';
import {
  type BenchServer,
  benchDatabase,
  benchRun,
  percentile,
  postJson,
  report,
  startBenchServer,
} from './harness.ts';
import { seedSearchRuns } from './seed-sql.ts';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const HISTORY_POINTS = Number(process.env.BENCH_HISTORY_POINTS ?? 100_000);
const HISTORY_ROUNDS = Number(process.env.BENCH_HISTORY_ROUNDS ?? 5);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'logBatch,history,search').split(','));
const KEYS = 10;
const PER_KEY = 100;
const POINTS = KEYS * PER_KEY;

const LOG_BATCH = `mutation($input: LogBatchInput!) { logBatch(input: $input) { __typename ... on BatchAck { seq } } }`;

/** MLflow's wire form: a list of metric objects. */
function restBody(runId: string, b: number, now: number): string {
  const metrics = [];
  for (let k = 0; k < KEYS; k++) {
    for (let i = 0; i < PER_KEY; i++) {
      const step = b * PER_KEY + i;
      metrics.push({ key: `metric_${k}`, value: Math.sin(step + k), timestamp: now + step, step });
    }
  }
  return JSON.stringify({ run_id: runId, metrics });
}

/** GraphQL's ingest shape (parallel lists per key), as the ingest bench sends it. */
function gqlBody(runId: string, b: number, now: number): string {
  const metrics = Array.from({ length: KEYS }, (_, k) => ({
    key: `metric_${k}`,
    values: Array.from({ length: PER_KEY }, (_, i) => Math.sin(b * PER_KEY + i + k)),
    steps: Array.from({ length: PER_KEY }, (_, i) => b * PER_KEY + i),
    timestamps: Array.from({ length: PER_KEY }, (_, i) => now + b * PER_KEY + i),
  }));
  return JSON.stringify({
    query: LOG_BATCH,
    variables: { input: { runId, metrics, idempotencyKey: `b${b}` } },
  });
}

async function ingest(
  url: string,
  clients: number,
  kind: 'rest' | 'graphql',
  base: string,
): Promise<number> {
  const runs = await Promise.all(Array.from({ length: clients }, () => benchRun(url)));
  const now = Date.now();
  const per = Math.ceil(BATCHES / clients);
  const target = kind === 'rest' ? `${base}/api/2.0/mlflow/runs/log-batch` : url;
  const bodies = runs.map((r) =>
    Array.from({ length: per }, (_, b) =>
      kind === 'rest' ? restBody(r, b, now) : gqlBody(r, b, now),
    ),
  );
  const start = performance.now();
  await Promise.all(
    bodies.map(async (list) => {
      for (const body of list) {
        const text = await postJson(target, body);
        if (kind === 'rest' ? text !== '{}' : !text.includes('BatchAck')) {
          throw new Error(`${kind} ingest failed: ${text.slice(0, 300)}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return Math.round((clients * per * POINTS) / seconds);
}

function getJson(url: string): Promise<{ ms: number; body: Record<string, unknown> }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            ms: performance.now() - t0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
      })
      .on('error', reject);
  });
}

async function historyBench(url: string, base: string, server: BenchServer): Promise<void> {
  const runId = await benchRun(url);
  const now = Date.now();
  for (let b = 0; b < HISTORY_POINTS / 1000; b++) {
    const metrics = Array.from({ length: 1000 }, (_, i) => ({
      key: 'loss',
      value: Math.cos(b * 1000 + i),
      timestamp: now + b * 1000 + i,
      step: b * 1000 + i,
    }));
    await postJson(
      `${base}/api/2.0/mlflow/runs/log-batch`,
      JSON.stringify({ run_id: runId, metrics }),
    );
  }
  const paged: number[] = [];
  const whole: number[] = [];
  server.resetPeakRss();
  for (let r = 0; r < HISTORY_ROUNDS; r++) {
    let token: string | undefined;
    let total = 0;
    const t0 = performance.now();
    do {
      const q = new URLSearchParams({ run_id: runId, metric_key: 'loss', max_results: '25000' });
      if (token) q.set('page_token', token);
      const { body } = await getJson(`${base}/api/2.0/mlflow/metrics/get-history?${q}`);
      total += (body.metrics as unknown[]).length;
      token = body.next_page_token as string | undefined;
    } while (token);
    if (total !== HISTORY_POINTS) throw new Error(`history returned ${total} points`);
    paged.push(performance.now() - t0);
    const all = await getJson(
      `${base}/api/2.0/mlflow/metrics/get-history?run_id=${runId}&metric_key=loss`,
    );
    whole.push(all.ms);
  }
  report({
    bench: 'rest.getHistory',
    points: HISTORY_POINTS,
    pagesOf25000Ms: +percentile(paged, 50).toFixed(1),
    wholeMs: +percentile(whole, 50).toFixed(1),
    serverPeakRssMiB: +server.peakRssMiB().toFixed(1),
  });
}

async function searchBench(dbUrl: string, base: string, server: BenchServer): Promise<void> {
  const expId = await seedSearchRuns(dbUrl, 10_000, 'rest-search');
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await client.query('analyze');
  await client.end();
  const cases = {
    default: {},
    filterOrder: {
      filter: "metrics.acc > 0.5 and params.lr = '0.01'",
      order_by: ['metrics.acc DESC'],
    },
  };
  for (const [name, extra] of Object.entries(cases)) {
    const samples: number[] = [];
    for (let i = 0; i < 25; i++) {
      const body = JSON.stringify({ experiment_ids: [expId], max_results: 100, ...extra });
      const t0 = performance.now();
      const text = await postJson(`${base}/api/2.0/mlflow/runs/search`, body);
      if (!text.includes('"runs"')) throw new Error(text.slice(0, 300));
      if (i >= 5) samples.push(performance.now() - t0);
    }
    report({
      bench: 'rest.searchRuns',
      runs: 10_000,
      case: name,
      pageSize: 100,
      p50Ms: +percentile(samples, 50).toFixed(1),
      p99Ms: +percentile(samples, 99).toFixed(1),
    });
  }
  // the page `mlflow.search_runs` (pandas) asks: 10,000 whole runs in one response
  const whole: number[] = [];
  let bytes = 0;
  server.resetPeakRss();
  for (let i = 0; i < 5; i++) {
    const body = JSON.stringify({ experiment_ids: [expId], max_results: 10_000 });
    const t0 = performance.now();
    const text = await postJson(`${base}/api/2.0/mlflow/runs/search`, body);
    whole.push(performance.now() - t0);
    const runs = (JSON.parse(text) as { runs?: unknown[] }).runs;
    if (runs?.length !== 10_000) throw new Error(`a 10,000-run page held ${runs?.length} runs`);
    bytes = text.length;
  }
  report({
    bench: 'rest.searchRuns',
    runs: 10_000,
    case: 'pandasPage',
    pageSize: 10_000,
    responseBytes: bytes,
    p50Ms: +percentile(whole, 50).toFixed(1),
    serverPeakRssMiB: +server.peakRssMiB().toFixed(1),
  });
}

const db = await benchDatabase();
const server = await startBenchServer(db.url);
try {
  const url = server.url;
  const base = url.replace(/\/graphql$/, '');
  if (PARTS.has('logBatch')) await logBatchBench(url, base);
  if (PARTS.has('history')) await historyBench(url, base, server);
  if (PARTS.has('search')) await searchBench(db.url, base, server);
} finally {
  await server.stop();
  await db.drop();
}

async function logBatchBench(url: string, base: string): Promise<void> {
  // warm both paths, then alternate so drift hits both alike
  await ingest(url, 1, 'rest', base);
  await ingest(url, 1, 'graphql', base);
  for (const clients of [1, 8]) {
    const rest: number[] = [];
    const graphql: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      rest.push(await ingest(url, clients, 'rest', base));
      graphql.push(await ingest(url, clients, 'graphql', base));
    }
    const restBest = Math.max(...rest);
    const gqlBest = Math.max(...graphql);
    report({
      bench: 'rest.logBatch',
      clients,
      batchPoints: POINTS,
      keys: KEYS,
      restPointsPerSec: restBest,
      graphqlPointsPerSec: gqlBest,
      ratio: +(restBest / gqlBest).toFixed(2),
      target: 'ratio >= 0.85',
    });
  }
}
