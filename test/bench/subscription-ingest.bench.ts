import { subscribeWs } from '../helpers/raw-ws-subscriber.ts';
import {
  benchDatabase,
  benchRun,
  postgresCpuMs,
  procCpuMs,
  report,
  startBenchServer,
} from './harness.ts';
import { subscribeSse } from './sse-subscriber.ts';

/**
 * Ingest throughput (logBatch of 1000 points) with 100 WebSocket subscribers on the run versus none
 * (target: within 10 %). Phases alternate none / subscribed / none / subscribed in one server, and
 * the ratio compares the sums, which evens out drift from other load on the machine.
 */
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100);
const PHASE_MS = Number(process.env.BENCH_PHASE_SECONDS ?? 6) * 1000;
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4);
const POINTS = 1000;
/** Rounds of phases (each mode once per round, alternating). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
/** `ws` (graphql-ws) or `sse` (yoga's event stream over fetch). */
const TRANSPORT = process.env.BENCH_TRANSPORT ?? 'ws';

const db = await benchDatabase();
const server = await startBenchServer(db.url, { LOG_LEVEL: 'info' });
const LOG =
  'mutation($i: LogBatchInput!) { logBatch(input: $i) { __typename ... on BatchAck { seq } } }';

/** Writes 1000-point batches with `WRITERS` concurrent clients for `PHASE_MS`; returns points/s. */
async function ingest(runId: string): Promise<number> {
  let batches = 0;
  let step = 0;
  const end = performance.now() + PHASE_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (performance.now() < end) {
        const steps = Array.from({ length: POINTS }, () => step++);
        const values = steps.map((s) => Math.sin(s / 100));
        const body = JSON.stringify({
          query: LOG,
          variables: { i: { runId, metrics: [{ key: 'loss', steps, values }] } },
        });
        const res = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        if (!res.ok) throw new Error(`logBatch failed: ${res.status}`);
        await res.arrayBuffer();
        batches++;
      }
    }),
  );
  return (batches * POINTS) / ((performance.now() - started) / 1000);
}

const SUBSCRIPTIONS = {
  /** every point of every batch: 100 copies of the ingest volume leave the server */
  points:
    'subscription($r: String!) { metricsLogged(runId: $r) { seq metrics { key steps timestamps values } } }',
  /** one small message per batch: the server's fan-out work without the bulk transfer */
  seqOnly: 'subscription($r: String!) { metricsLogged(runId: $r) { seq fromSeq } }',
  /** what a live chart subscribes to: 1000 buckets, then only the buckets each batch changed */
  liveSeries:
    'subscription($r: String!) { liveSeries(runIds: [$r], key: "loss", buckets: 1000) { full runs { seq buckets { index count min max last { step value } } } } }',
} as const;
type Mode = 'none' | keyof typeof SUBSCRIPTIONS;

try {
  let delivered = 0;
  const results: {
    mode: Mode;
    subscribers: number;
    pointsPerSecond: number;
    serverCpuMsPerBatch: number;
    /** The database's backends (null when PostgreSQL is not on this host). */
    postgresCpuMsPerBatch: number | null;
    /** This process: the writers and, when subscribed, the 100 subscribers' sockets. */
    benchCpuMsPerBatch: number;
  }[] = [];
  await ingest(await benchRun(server.url)); // warm-up
  const subscribed = (process.env.BENCH_MODES ?? 'points,seqOnly,liveSeries').split(',');
  const modes = ['none', ...subscribed] as Mode[];
  for (const mode of Array.from({ length: ROUNDS }, () => modes).flat()) {
    const runId = await benchRun(server.url);
    let subs: { close(): void }[] = [];
    if (mode !== 'none') {
      const query = SUBSCRIPTIONS[mode];
      const count = () => {
        delivered++;
      };
      subs = await Promise.all(
        Array.from({ length: SUBSCRIBERS }, () =>
          TRANSPORT === 'sse'
            ? subscribeSse(server.url, query, { r: runId }, count)
            : subscribeWs(server.url, query, { r: runId }, count),
        ),
      );
      await new Promise((r) => setTimeout(r, 200));
    }
    const cpu0 = procCpuMs(server.proc.pid!);
    const pg0 = await postgresCpuMs(db.url);
    const own0 = process.cpuUsage();
    const pointsPerSecond = await ingest(runId);
    const cpuMs = procCpuMs(server.proc.pid!) - cpu0;
    const own = process.cpuUsage(own0);
    const pg1 = await postgresCpuMs(db.url);
    const batches = (pointsPerSecond * PHASE_MS) / 1000 / POINTS;
    results.push({
      mode,
      subscribers: subs.length,
      pointsPerSecond: Math.round(pointsPerSecond),
      serverCpuMsPerBatch: +(cpuMs / batches).toFixed(2),
      postgresCpuMsPerBatch:
        pg0 === null || pg1 === null ? null : +((pg1 - pg0) / batches).toFixed(2),
      benchCpuMsPerBatch: +((own.user + own.system) / 1000 / batches).toFixed(2),
    });
    for (const s of subs) s.close();
  }
  const mean = (m: Mode, f: (r: (typeof results)[number]) => number) => {
    const list = results.filter((r) => r.mode === m);
    return list.reduce((a, r) => a + f(r), 0) / list.length;
  };
  const avg = (m: Mode) => mean(m, (r) => r.pointsPerSecond);
  const cpu = (m: Mode) => {
    const server = mean(m, (r) => r.serverCpuMsPerBatch);
    const postgres = mean(m, (r) => r.postgresCpuMsPerBatch ?? 0);
    const bench = mean(m, (r) => r.benchCpuMsPerBatch);
    return { server, postgres, bench, all: server + postgres + bench };
  };
  /**
   * The ratio a server whose subscriptions cost nothing would reach here, with every core busy:
   * CPU per batch without subscribers over that plus what receiving costs this process (the
   * subscribers share the machine's cores with the server and PostgreSQL).
   */
  const subscriberBound = (m: Mode) => {
    const none = cpu('none');
    return +(none.all / (none.all + Math.max(0, cpu(m).bench - none.bench))).toFixed(3);
  };
  const cpuPerBatch = Object.fromEntries(
    modes.map((m) => [
      m,
      Object.fromEntries(Object.entries(cpu(m)).map(([k, v]) => [k, +v.toFixed(2)])),
    ]),
  );
  report({
    bench: 'subscription-ingest',
    batchPoints: POINTS,
    writers: WRITERS,
    subscribers: SUBSCRIBERS,
    transport: TRANSPORT,
    phaseSeconds: PHASE_MS / 1000,
    rounds: ROUNDS,
    frameMs: process.env.TRACKQL_SUB_FRAME_MS ?? 'server default',
    phases: results,
    pointsPerSecondNoSubscribers: Math.round(avg('none')),
    pointsPerSecondSubscribersGetPoints: Math.round(avg('points')),
    pointsPerSecondSubscribersGetSeq: Math.round(avg('seqOnly')),
    pointsPerSecondSubscribersGetLiveSeries: Math.round(avg('liveSeries')),
    ratioPoints: +(avg('points') / avg('none')).toFixed(3),
    ratioSeqOnly: +(avg('seqOnly') / avg('none')).toFixed(3),
    ratioLiveSeries: +(avg('liveSeries') / avg('none')).toFixed(3),
    cpuMsPerBatch: cpuPerBatch,
    boundBySubscribersOnThisMachine: Object.fromEntries(
      subscribed.map((m) => [m, subscriberBound(m as Mode)]),
    ),
    messagesDelivered: delivered,
    target: 'ratio >= 0.9',
  });
} finally {
  await server.stop();
  await db.drop();
}
