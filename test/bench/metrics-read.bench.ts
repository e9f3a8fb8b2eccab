import { benchDatabase, gql, percentile, report, startBenchServer } from './harness.ts';
import { bucketsFloor, floorFigures, seriesFloor } from './read-floor.ts';
import { subscribeSse } from './sse-subscriber.ts';

const LOG = `mutation($input: LogBatchInput!) { logBatch(input: $input) { __typename ... on Error { message } } }`;
const BASE_TS = 1_700_000_000_000;
// sizes (smaller ones for a smoke run on a busy machine)
const SMALL = Number(process.env.BENCH_POINTS ?? 100_000);
const BIG = Number(process.env.BENCH_BIG_POINTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const RUN_POINTS = Number(process.env.BENCH_RUN_POINTS ?? 10_000);

async function createRun(url: string, exp: string): Promise<string> {
  const res = await gql<{ createRun: { run: { runId: string } } }>(
    url,
    `mutation($e: String!) { createRun(input: { experimentId: $e, startTime: ${BASE_TS} }) { ... on CreateRunSuccess { run { runId } } } }`,
    { e: exp },
  );
  return res.createRun.run.runId;
}

/** Logs `points` points of key `loss` through logBatch, 1000 per request; returns points/s. */
async function ingest(url: string, runId: string, points: number): Promise<number> {
  const t0 = performance.now();
  for (let off = 0; off < points; off += 1000) {
    const n = Math.min(1000, points - off);
    const steps = Array.from({ length: n }, (_, i) => off + i);
    await gql(url, LOG, {
      input: {
        runId,
        metrics: [
          {
            key: 'loss',
            steps,
            timestamps: steps.map((s) => BASE_TS + s * 7),
            values: steps.map((s) => Math.sin(s / 1000) + (s % 9973 === 0 ? 50 : 0)),
          },
        ],
      },
    });
  }
  return points / ((performance.now() - t0) / 1000);
}

async function time(fn: () => Promise<unknown>, n: number): Promise<{ p50: number; min: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { p50: percentile(samples, 50), min: samples[0]! };
}

const SERIES = `query($r: String!) { run(runId: $r) { metricSeries(key: "loss") { steps timestamps values } } }`;
const PAGE = `query($r: String!, $after: String) { run(runId: $r) { metricHistory(key: "loss", first: 1000, after: $after) {
  edges { node { step value } } pageInfo { hasNextPage endCursor } } } }`;
const HISTORY = `query($r: String!) { run(runId: $r) { metricHistory(key: "loss", first: 100000) { edges { node { step timestamp value } } } } }`;
const BUCKETS = `query($ids: [String!]!, $axis: SeriesAxis, $n: Int = 1000) {
  metricBuckets(runIds: $ids, key: "loss", buckets: $n, axis: $axis) {
    start end runs { runId index count min max lastValue }
  }
}`;

const LIVE = `subscription($r: String!, $n: Int!) { liveSeries(runIds: [$r], key: "loss", buckets: $n) {
  full runs { seq buckets { index count min max last { step value } } } } }`;

/** Subscribes over SSE and returns the ms until the first event has arrived whole, then cancels. */
async function firstEvent(url: string, query: string, variables: Record<string, unknown>) {
  const t0 = performance.now();
  let first!: (event: string) => void;
  const arrived = new Promise<string>((resolve) => {
    first = resolve;
  });
  const sub = await subscribeSse(url, query, variables, (event) => first(event));
  const event = await arrived;
  const ms = performance.now() - t0;
  sub.close();
  if (!event.includes('"full":true'))
    throw new Error(`unexpected first event: ${event.slice(0, 300)}`);
  return ms;
}

const db = await benchDatabase();
const server = await startBenchServer(db.url, { LOG_LEVEL: 'info' });
try {
  const { url } = server;
  const exp = (
    await gql<{ createExperiment: { experiment: { experimentId: string } } }>(
      url,
      `mutation { createExperiment(input: { name: "metrics-read" }) { ... on CreateExperimentSuccess { experiment { experimentId } } } }`,
    )
  ).createExperiment.experiment.experimentId;

  const small = await createRun(url, exp);
  const rate100k = await ingest(url, small, SMALL);
  report({
    bench: 'ingest',
    points: SMALL,
    points_per_s: Math.round(rate100k),
  });
  const series = await time(() => gql(url, SERIES, { r: small }), 20);
  const smallFloor = await seriesFloor(db.url, small, 'loss', 20);
  report({
    bench: 'metricSeries',
    points: SMALL,
    p50_ms: +series.p50.toFixed(1),
    min_ms: +series.min.toFixed(1),
    target_ms: 150,
    ...floorFigures(series.p50, smallFloor),
  });
  const history = await time(() => gql(url, HISTORY, { r: small }), 3);
  report({
    bench: 'metricHistory connection',
    points: SMALL,
    p50_ms: +history.p50.toFixed(1),
    ratio_to_series: +(history.p50 / series.p50).toFixed(2),
    ...floorFigures(history.p50, smallFloor),
  });

  // a script reading a whole history page by page (as MLflow's client pages get-history)
  const t0 = performance.now();
  let pages = 0;
  let read = 0;
  for (let after: string | null = null; ; pages++) {
    type Page = {
      run: {
        metricHistory: {
          edges: unknown[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    const h: Page['run']['metricHistory'] = (await gql<Page>(url, PAGE, { r: small, after })).run
      .metricHistory;
    read += h.edges.length;
    if (!h.pageInfo.hasNextPage) break;
    after = h.pageInfo.endCursor;
  }
  if (read !== SMALL) throw new Error(`paged ${read} points`);
  const pagedMs = performance.now() - t0;
  report({
    bench: 'metricHistory paged',
    points: SMALL,
    pageSize: 1000,
    pages: pages + 1,
    total_ms: Math.round(pagedMs),
    per_page_ms: +(pagedMs / (pages + 1)).toFixed(1),
  });

  const big = await createRun(url, exp);
  const rate1m = await ingest(url, big, BIG);
  report({ bench: 'ingest', points: BIG, points_per_s: Math.round(rate1m) });
  for (const axis of ['STEP', 'WALL_TIME', 'RELATIVE_TIME']) {
    const b = await time(() => gql(url, BUCKETS, { ids: [big], axis }), 20);
    const floor = await bucketsFloor(
      db.url,
      [big],
      'loss',
      axis === 'STEP' ? 'STEP' : 'WALL_TIME',
      20,
    );
    report({
      bench: 'metricBuckets',
      runs: 1,
      points: BIG,
      buckets: 1000,
      axis,
      p50_ms: +b.p50.toFixed(1),
      min_ms: +b.min.toFixed(1),
      target_ms: 30,
      ...floorFigures(b.p50, floor),
    });
  }
  const live: number[] = [];
  // a bucket count of its own each time: a new series, so a new hub computes its first frame
  for (let i = 0; i < 5; i++) live.push(await firstEvent(url, LIVE, { r: big, n: 1000 + i }));
  report({
    bench: 'liveSeries first frame',
    points: BIG,
    buckets: 1000,
    p50_ms: +percentile(live, 50).toFixed(1),
    min_ms: +Math.min(...live).toFixed(1),
    peak_rss_mib: server.peakRssMiB(),
  });
  // 999 buckets: boundaries no longer fall on the 1000-point batches, so blocks straddle them and
  // their points are read too (the aligned case above never straddles)
  const unaligned = await time(() => gql(url, BUCKETS, { ids: [big], axis: 'STEP', n: 999 }), 20);
  report({
    bench: 'metricBuckets',
    runs: 1,
    points: BIG,
    buckets: 999,
    axis: 'STEP',
    p50_ms: +unaligned.p50.toFixed(1),
    min_ms: +unaligned.min.toFixed(1),
  });

  const many: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const id = await createRun(url, exp);
    await ingest(url, id, RUN_POINTS);
    many.push(id);
  }
  for (const axis of ['STEP', 'WALL_TIME']) {
    const b = await time(() => gql(url, BUCKETS, { ids: many, axis }), 10);
    const floor = await bucketsFloor(db.url, many, 'loss', axis as 'STEP' | 'WALL_TIME', 10);
    report({
      bench: 'metricBuckets',
      runs: 100,
      points_per_run: RUN_POINTS,
      buckets: 1000,
      axis,
      p50_ms: +b.p50.toFixed(1),
      min_ms: +b.min.toFixed(1),
      target_ms: 200,
      ...floorFigures(b.p50, floor),
    });
  }
} finally {
  await server.stop();
  await db.drop();
}
