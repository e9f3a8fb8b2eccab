/**
 * Ingest benchmark (issue #2): logBatch throughput with 1 and 8 clients, logMetric and createRun
 * latency (on the fresh server, and again after the ingest phases: `phase`), server RSS, and a raw
 * COPY of the same points into a one-row-per-point table as the reference, all in one run.
 * Env: BENCH_BATCHES (batches per client, default 300).
 */
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  type BenchServer,
  benchDatabase,
  gql,
  percentile,
  postgresCpuMs,
  postJson,
  procCpuMs,
  report,
  startBenchServer,
} from './harness.ts';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 300);
const KEYS = 10;
const PER_KEY = 100;
const POINTS = KEYS * PER_KEY;

const LOG_BATCH = `mutation($input: LogBatchInput!) { logBatch(input: $input) { __typename ... on BatchAck { seq } } }`;
const CREATE_RUN = `mutation($input: CreateRunInput!) { createRun(input: $input) { __typename ... on CreateRunSuccess { run { runId } } } }`;
// what users see of a new run: its info and tags
const CREATE_RUN_WHOLE = `mutation($input: CreateRunInput!) { createRun(input: $input) { __typename ... on CreateRunSuccess { run {
  runId experimentId name userId status startTime endTime lifecycleStage artifactUri tags { key value } } } } }`;
const LOG_METRIC = `mutation($input: LogMetricInput!) { logMetric(input: $input) { __typename ... on BatchAck { seq } } }`;

async function createRun(url: string): Promise<string> {
  const data = await gql<{ createRun: { run: { runId: string } } }>(url, CREATE_RUN, { input: {} });
  return data.createRun.run.runId;
}

/** Request bodies are built before timing so the client's own work is not measured. */
function batchBodies(runId: string, batches: number): string[] {
  const now = Date.now();
  return Array.from({ length: batches }, (_, b) => {
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
  });
}

async function post(url: string, body: string): Promise<void> {
  const text = await postJson(url, body);
  if (!text.includes('BatchAck')) throw new Error(`ingest failed: ${text.slice(0, 300)}`);
}

/** Throughput, and CPU per batch of the server process and of PostgreSQL's backends. */
interface IngestFigures {
  pointsPerSec: number;
  seconds: number;
  serverCpuMsPerBatch: number;
  postgresCpuMsPerBatch: number | null;
}

async function ingest(server: BenchServer, dbUrl: string, clients: number): Promise<IngestFigures> {
  const url = server.url;
  const runs = await Promise.all(Array.from({ length: clients }, () => createRun(url)));
  const bodies = runs.map((r) => batchBodies(r, Math.ceil(BATCHES / clients)));
  await post(url, batchBodies(await createRun(url), 1)[0]!);
  const pg0 = await postgresCpuMs(dbUrl);
  const cpu0 = procCpuMs(server.proc.pid!);
  const start = performance.now();
  await Promise.all(
    bodies.map(async (list) => {
      for (const body of list) await post(url, body);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpu = procCpuMs(server.proc.pid!) - cpu0;
  const pg1 = await postgresCpuMs(dbUrl);
  const batches = bodies.reduce((n, l) => n + l.length, 0);
  return {
    pointsPerSec: Math.round((batches * POINTS) / seconds),
    seconds,
    serverCpuMsPerBatch: +(cpu / batches).toFixed(2),
    postgresCpuMsPerBatch:
      pg0 === null || pg1 === null ? null : +((pg1 - pg0) / batches).toFixed(2),
  };
}

/**
 * p50/p99 of one request kind, and the CPU per request of the server process and of PostgreSQL's
 * backends (less sensitive than latency to other load on a shared machine).
 */
async function latency(
  server: BenchServer,
  dbUrl: string,
  n: number,
  make: (i: number) => string,
): Promise<{ p50: number; p99: number; serverCpuMs: number; postgresCpuMs: number | null }> {
  const samples: number[] = [];
  let cpu0 = 0;
  let pg0: number | null = null;
  for (let i = 0; i < n + 50; i++) {
    if (i === 50) {
      pg0 = await postgresCpuMs(dbUrl);
      cpu0 = procCpuMs(server.proc.pid!);
    }
    const body = make(i);
    const t0 = performance.now();
    const text = await postJson(server.url, body);
    if (text.includes('"errors"')) throw new Error(text);
    if (i >= 50) samples.push(performance.now() - t0);
  }
  const cpu = procCpuMs(server.proc.pid!) - cpu0;
  const pg1 = await postgresCpuMs(dbUrl);
  return {
    p50: +percentile(samples, 50).toFixed(3),
    p99: +percentile(samples, 99).toFixed(3),
    serverCpuMs: +(cpu / n).toFixed(3),
    postgresCpuMs: pg0 === null || pg1 === null ? null : +((pg1 - pg0) / n).toFixed(3),
  };
}

/** COPY of the same number of points into a one-row-per-point table with MLflow's (run, key, step) index. */
async function copyBaseline(databaseUrl: string, points: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`create unlogged table if not exists copy_points (run_id text, key text, step bigint, ts bigint, value float8);
    truncate copy_points; create index if not exists copy_points_idx on copy_points (run_id, key, step)`);
  await client.query('alter table copy_points set logged');
  const lines: string[] = [];
  const now = Date.now();
  for (let i = 0; i < points; i++)
    lines.push(`r1\tmetric_${i % KEYS}\t${i}\t${now + i}\t${Math.sin(i)}\n`);
  const payload = lines.join('');
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom('copy copy_points from stdin'));
    stream.on('finish', () => resolve());
    stream.on('error', reject);
    stream.end(payload);
  });
  const seconds = (performance.now() - start) / 1000;
  await client.query('drop table copy_points');
  await client.end();
  return Math.round(points / seconds);
}

/**
 * `logMetric` and `createRun` latency against the `{ __typename }` floor, each reported with
 * `phase` (when in the bench it ran).
 */
async function latencies(server: BenchServer, dbUrl: string, phase: string): Promise<void> {
  // the floor: HTTP and GraphQL with no resolver work, interleaved in time with the mutations
  const floor = await latency(server, dbUrl, 1000, () =>
    JSON.stringify({ query: '{ __typename }' }),
  );
  report({ bench: 'latency.floor', phase, query: '{ __typename }', samples: 1000, ...floor });
  const runId = await createRun(server.url);
  const lm = await latency(server, dbUrl, 2000, (i) =>
    JSON.stringify({
      query: LOG_METRIC,
      variables: { input: { runId, key: 'loss', value: Math.random(), step: i } },
    }),
  );
  report({
    bench: 'latency.logMetric',
    phase,
    samples: 2000,
    p50Ms: lm.p50,
    p99Ms: lm.p99,
    serverCpuMsPerOp: lm.serverCpuMs,
    postgresCpuMsPerOp: lm.postgresCpuMs,
    p50OverFloor: +(lm.p50 / floor.p50).toFixed(2),
    targetP50Ms: 1.0,
    targetP99Ms: 5,
  });
  const cr = await latency(server, dbUrl, 1000, () =>
    JSON.stringify({
      query: CREATE_RUN_WHOLE,
      variables: { input: { tags: [{ key: 'mlflow.user', value: 'bench' }] } },
    }),
  );
  report({
    bench: 'latency.createRun',
    phase,
    returns: 'info and tags',
    samples: 1000,
    p50Ms: cr.p50,
    p99Ms: cr.p99,
    serverCpuMsPerOp: cr.serverCpuMs,
    postgresCpuMsPerOp: cr.postgresCpuMs,
    p50OverFloor: +(cr.p50 / floor.p50).toFixed(2),
    targetP50Ms: 1.5,
  });
}

const db = await benchDatabase();
const server = await startBenchServer(db.url);
try {
  // on the fresh server and database first, then again after the ingest phases
  await latencies(server, db.url, 'fresh');
  const one = await ingest(server, db.url, 1);
  const rssAfterOne = server.peakRssMiB();
  const eight = await ingest(server, db.url, 8);
  const copy = await copyBaseline(db.url, BATCHES * POINTS);
  report({
    bench: 'ingest.logBatch',
    clients: 1,
    batchPoints: POINTS,
    keys: KEYS,
    pointsPerSec: one.pointsPerSec,
    serverCpuMsPerBatch: one.serverCpuMsPerBatch,
    postgresCpuMsPerBatch: one.postgresCpuMsPerBatch,
    target: 250_000,
  });
  report({
    bench: 'ingest.logBatch',
    clients: 8,
    batchPoints: POINTS,
    keys: KEYS,
    pointsPerSec: eight.pointsPerSec,
    serverCpuMsPerBatch: eight.serverCpuMsPerBatch,
    postgresCpuMsPerBatch: eight.postgresCpuMsPerBatch,
    target: 250_000,
  });
  report({
    bench: 'ingest.copyBaseline',
    rowPerPoint: true,
    pointsPerSec: copy,
    ratio1Client: +(one.pointsPerSec / copy).toFixed(2),
    ratio8Clients: +(eight.pointsPerSec / copy).toFixed(2),
  });
  report({
    bench: 'ingest.serverRss',
    peakMiB: Math.round(server.peakRssMiB()),
    peakAfter1ClientMiB: Math.round(rssAfterOne),
    targetMiB: 150,
  });
  // after the ingest phases: PostgreSQL flushes what they wrote, the server's heap has grown
  await latencies(server, db.url, 'after ingest');
  report({
    bench: 'ingest.serverRss',
    phase: 'end',
    peakMiB: Math.round(server.peakRssMiB()),
    targetMiB: 150,
  });
} finally {
  await server.stop();
  await db.drop();
}
