// The web UI in headless Chromium against a server started as `npm start` does: the time from an
// acknowledged logBatch to the run page's chart showing its step, and the first paint of a run page
// whose metric has 1,000,000 points (the chart's `data-last-step` attribute is set after each draw).
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM } from '../ui/harness.ts';
import { benchDatabase, gql, percentile, report, startBenchServer } from './harness.ts';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 200);
const BIG_POINTS = Number(process.env.BENCH_BIG_POINTS ?? 1_000_000);
const PAINTS = Number(process.env.BENCH_PAINTS ?? 5);
const BASE_TS = 1_700_000_000_000;
const LOG = `mutation($input: LogBatchInput!) { logBatch(input: $input) { __typename ... on Error { message } } }`;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];

async function createRun(url: string, name: string): Promise<string> {
  const res = await gql<{ createRun: { run: { runId: string } } }>(
    url,
    `mutation($n: String!) { createRun(input: { experimentId: "0", runName: $n, startTime: ${BASE_TS} }) { ... on CreateRunSuccess { run { runId } } } }`,
    { n: name },
  );
  return res.createRun.run.runId;
}

/** Logs steps [from, from + n) of `loss`, one logBatch; resolves on its acknowledgement. */
async function log(url: string, runId: string, from: number, n: number): Promise<void> {
  const steps = Array.from({ length: n }, (_, i) => from + i);
  const res = await gql<{ logBatch: { __typename: string; message?: string } }>(url, LOG, {
    input: {
      runId,
      metrics: [
        {
          key: 'loss',
          steps,
          timestamps: steps.map((s) => BASE_TS + s * 7),
          values: steps.map((s) => 1 / (1 + s / 1000) + Math.sin(s / 50) * 0.01),
        },
      ],
    },
  });
  if (res.logBatch.__typename !== 'BatchAck') throw new Error(res.logBatch.message);
}

async function main() {
  const db = await benchDatabase();
  const server = await startBenchServer(db.url);
  const base = server.url.replace(/\/graphql$/, '');
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const lastStep = (step: number) =>
      page.waitForFunction(
        (s) =>
          Number(
            document.querySelector('[data-testid="chart-loss"]')?.getAttribute('data-last-step'),
          ) >= s,
        step,
        { polling: 'raf', timeout: 60_000 },
      );

    // 1. commit-to-chart latency: one point per batch on a run whose page is open
    const live = await createRun(server.url, 'live');
    await log(server.url, live, 0, 1);
    await page.goto(`${base}/runs/${live}`);
    await lastStep(0);
    const samples: number[] = [];
    for (let i = 1; i <= BATCHES; i++) {
      await log(server.url, live, i, 1);
      const acked = performance.now();
      await lastStep(i);
      samples.push(performance.now() - acked);
    }
    report({
      bench: 'ui-commit-to-chart',
      batches: BATCHES,
      p50_ms: +percentile(samples, 50).toFixed(1),
      p99_ms: +percentile(samples, 99).toFixed(1),
      max_ms: +Math.max(...samples).toFixed(1),
    });

    // 2. first paint of a run page whose metric has BIG_POINTS points
    const big = await createRun(server.url, 'big');
    const t0 = performance.now();
    for (let off = 0; off < BIG_POINTS; off += 1000) {
      await log(server.url, big, off, Math.min(1000, BIG_POINTS - off));
    }
    const seedS = (performance.now() - t0) / 1000;
    const paints: number[] = [];
    for (let i = 0; i < PAINTS; i++) {
      await page.goto('about:blank');
      const start = performance.now();
      await page.goto(`${base}/runs/${big}`);
      await lastStep(BIG_POINTS - 1);
      paints.push(performance.now() - start);
    }
    const buckets = await page.getAttribute('[data-testid="chart-loss"]', 'data-buckets');
    const bytes = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .reduce((s, e) => s + ((e as PerformanceResourceTiming).transferSize || 0), 0),
    );
    report({
      bench: 'ui-first-paint',
      points: BIG_POINTS,
      seed_s: +seedS.toFixed(1),
      p50_ms: +percentile(paints, 50).toFixed(0),
      max_ms: +Math.max(...paints).toFixed(0),
      buckets_drawn: Number(buckets),
      http_bytes: bytes,
    });
  } finally {
    await browser?.close();
    await server.stop();
    await db.drop();
  }
}

await main();
