import { spawn } from 'node:child_process';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { benchDatabase, benchRun, gql, percentile, report, startBenchServer } from './harness.ts';
import type { LatencyClientData, LatencyReport } from './latency-client.ts';

/**
 * Commit-to-subscriber latency with many WebSocket subscribers on one run (target: p99 <= 10 ms
 * with 1,000). Each subscriber has its own socket, read by one of `BENCH_CLIENT_THREADS` client
 * threads (latency-client.ts); latency is the subscriber's receive time minus the server's commit
 * time (`committedAt`), both wall clock with sub-ms precision on one host.
 *
 * The same subscribers are then measured against the transport floor (ws-floor-server.ts: a bare
 * `ws` broadcast of a same-sized message, no GraphQL, no database) in the same run, and the ratio is
 * reported: on this 2-core machine the per-socket write, and the subscribers reading 1,000 sockets
 * on the same cores, bound what any server can do.
 */
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
/** Threads reading the subscribers' sockets (1: one client process reads all of them). */
const CLIENT_THREADS = Number(process.env.BENCH_CLIENT_THREADS ?? 2);

interface Figures {
  samples: number;
  incompleteEvents: number;
  commitToSubscriberMs: { p50: number; p90: number; p99: number; max: number };
  commitToLastSubscriberMs: { p50: number; p99: number };
}

const round = (v: number) => +v.toFixed(2);

/**
 * Subscribes `SUBSCRIBERS` sockets to `url` from `CLIENT_THREADS` client threads, then publishes
 * `EVENTS` events one at a time (each awaited by every subscriber) and measures commit-to-receive
 * latency.
 */
async function measure(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  publish: () => Promise<number>,
): Promise<Figures> {
  const arrived = new Map<number, { threads: number; latencies: number[] }>();
  const workers = Array.from({ length: CLIENT_THREADS }, (_, i) => {
    const sockets =
      Math.floor(SUBSCRIBERS / CLIENT_THREADS) + (i < SUBSCRIBERS % CLIENT_THREADS ? 1 : 0);
    const data: LatencyClientData = { url, query, variables, sockets };
    // a worker does not inherit tsx's loader: it registers it, then imports the client
    const client = new URL('./latency-client.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(client)}); })`;
    return new Worker(boot, { eval: true, workerData: data });
  });
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('error', reject);
          w.once('message', () => resolve());
        }),
    ),
  );
  for (const w of workers) {
    w.on('message', (r: LatencyReport) => {
      const a = arrived.get(r.seq) ?? { threads: 0, latencies: [] };
      a.threads++;
      a.latencies.push(...r.latencies);
      arrived.set(r.seq, a);
    });
  }
  let seq = 0;
  /** Publishes one event; true when every subscriber received it within 5 s. */
  const one = async () => {
    seq = await publish();
    const deadline = Date.now() + 5000;
    while ((arrived.get(seq)?.threads ?? 0) < CLIENT_THREADS && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1));
    }
    return (arrived.get(seq)?.threads ?? 0) === CLIENT_THREADS;
  };
  // warm up until every subscription is live
  for (let i = 0; i < 20 && !(await one()); i++);
  for (let i = 0; i < 10; i++) await one();
  const first = seq + 1;
  let incomplete = 0;
  for (let i = 0; i < EVENTS; i++) {
    if (!(await one())) incomplete++;
    await new Promise((r) => setTimeout(r, 5));
  }
  for (const w of workers) w.postMessage('close');
  await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
  const samples: number[] = [];
  const fanout: number[] = [];
  for (let s = first; s <= seq; s++) {
    const a = arrived.get(s);
    if (!a || a.threads < CLIENT_THREADS) continue;
    samples.push(...a.latencies);
    fanout.push(Math.max(...a.latencies));
  }
  return {
    samples: samples.length,
    incompleteEvents: incomplete,
    commitToSubscriberMs: {
      p50: round(percentile(samples, 50)),
      p90: round(percentile(samples, 90)),
      p99: round(percentile(samples, 99)),
      max: round(percentile(samples, 100)),
    },
    commitToLastSubscriberMs: {
      p50: round(percentile(fanout, 50)),
      p99: round(percentile(fanout, 99)),
    },
  };
}

async function trackql(): Promise<Figures & { serverRssMiB: number }> {
  const db = await benchDatabase();
  const server = await startBenchServer(db.url, { LOG_LEVEL: 'info' });
  try {
    const runId = await benchRun(server.url);
    let step = 0;
    const figures = await measure(
      server.url,
      'subscription($r: String!) { metricsLogged(runId: $r) { seq committedAt metrics { key steps values } } }',
      { r: runId },
      async () => {
        const res = await gql<{ logBatch: { seq: number } }>(
          server.url,
          'mutation($i: LogBatchInput!) { logBatch(input: $i) { ... on BatchAck { seq } } }',
          { i: { runId, metrics: [{ key: 'loss', values: [0.5], steps: [step++] }] } },
        );
        return res.logBatch.seq;
      },
    );
    return { ...figures, serverRssMiB: Math.round(server.rssMiB()) };
  } finally {
    await server.stop();
    await db.drop();
  }
}

async function floor(): Promise<Figures> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'ws-floor-server.ts')],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    const port = await new Promise<number>((resolve) =>
      proc.stdout.once('data', (d) => resolve((JSON.parse(String(d)) as { port: number }).port)),
    );
    let seq = 0;
    return await measure(`http://127.0.0.1:${port}/`, 'subscription { floor }', {}, async () => {
      proc.stdin.write('\n');
      return ++seq;
    });
  } finally {
    proc.kill();
  }
}

const ours = await trackql();
const base = await floor();
report({
  bench: 'subscription-latency',
  transport: 'websocket',
  subscribers: SUBSCRIBERS,
  events: EVENTS,
  clientThreads: CLIENT_THREADS,
  ...ours,
  targetP99Ms: 10,
  floor: {
    what: 'bare ws broadcast of a same-sized message to the same subscribers, same run',
    ...base,
  },
  ratioP50ToFloor: round(ours.commitToSubscriberMs.p50 / base.commitToSubscriberMs.p50),
  ratioP99ToFloor: round(ours.commitToSubscriberMs.p99 / base.commitToSubscriberMs.p99),
});
