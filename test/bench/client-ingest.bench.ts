import {
  configureLogging,
  endRun,
  flush,
  getClient,
  logMetric,
  operations,
  setTrackingUri,
  startRun,
} from '@trackql/node';
import { benchDatabase, procCpuMs, report, startBenchServer } from './harness.ts';

/**
 * End-to-end ingest through the fluent client: a loop calls `logMetric` once per point; the clock
 * runs from the first call until `flush()` resolves; every point is then verified in the server
 * (count per key from `metricSummaries`, value checksum from `metricHistory`).
 *
 * Env: `BENCH_POINTS` (500,000), `BENCH_IN_FLIGHT` (4), `BENCH_SERVER_NODE_ENV` (unset; set
 * `production` to run the server as it would be deployed).
 */
const points = Number(process.env.BENCH_POINTS ?? 500_000);
const maxInFlight = Number(process.env.BENCH_IN_FLIGHT ?? 4);
const keys = ['loss', 'acc', 'lr', 'grad_norm'];

const db = await benchDatabase();
// LOG_LEVEL info: the harness waits for the "listening" line, which is logged at info
const server = await startBenchServer(db.url, {
  LOG_LEVEL: 'info',
  ...(process.env.BENCH_SERVER_NODE_ENV ? { NODE_ENV: process.env.BENCH_SERVER_NODE_ENV } : {}),
});
setTrackingUri(server.url);
configureLogging({ maxInFlight });

async function verify(runId: string, expected: number[]): Promise<boolean> {
  const summaries = await operations.getMetricSummaries(getClient(), runId);
  let ok = summaries.length === keys.length;
  for (const [k, key] of keys.entries()) {
    const s = summaries.find((x) => x.key === key);
    const history = await operations.getMetricHistory(getClient(), runId, key);
    const sum = history.reduce((acc, p) => acc + p.value, 0);
    const want = points / keys.length;
    ok &&= s?.count === want && history.length === want && sum === expected[k];
  }
  return ok;
}

for (const mode of ['tight-loop', 'yield-every-1000'] as const) {
  const run = await startRun({ runName: `bench-${mode}` });
  server.resetPeakRss();
  const sums = keys.map(() => 0);
  const cpu0 = process.cpuUsage();
  const server0 = procCpuMs(server.proc.pid!);
  const t0 = performance.now();
  for (let i = 0; i < points; i++) {
    const k = i & 3;
    // exact binary fractions, so the checksum is exact
    const v = (i % 1024) * 0.25;
    logMetric(keys[k]!, v, i);
    sums[k]! += v;
    if (mode === 'yield-every-1000' && i % 1000 === 999) {
      await new Promise((r) => setImmediate(r));
    }
  }
  const tCalls = performance.now();
  await flush();
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const serverCpuMs = procCpuMs(server.proc.pid!) - server0;
  const ingestPeakMiB = server.peakRssMiB();
  await endRun();
  server.resetPeakRss();
  const verified = await verify(run.runId, sums);
  report({
    bench: 'client-ingest',
    mode,
    points,
    seconds: Number(((t1 - t0) / 1000).toFixed(3)),
    pointsPerSec: Math.round(points / ((t1 - t0) / 1000)),
    callNsPerPoint: Math.round(((tCalls - t0) * 1e6) / points),
    clientCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    serverCpuMs: Math.round(serverCpuMs),
    maxInFlight,
    serverNodeEnv: process.env.BENCH_SERVER_NODE_ENV ?? null,
    batchPoints: 1000,
    verified,
    // the server's whole process tree; verification reads 4 histories in pages of 10,000 points (the client's default)
    serverPeakRssMiB: Math.round(Math.max(ingestPeakMiB, server.peakRssMiB())),
    serverPeakRssIngestMiB: Math.round(ingestPeakMiB),
    serverPeakRssVerifyMiB: Math.round(server.peakRssMiB()),
    targetRssMiB: 150,
  });
  if (!verified) process.exitCode = 1;
}

await server.stop();
await db.drop();
