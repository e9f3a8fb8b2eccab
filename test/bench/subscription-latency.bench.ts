import { spawn } from 'node:child_process';
import path from 'node:path';
import { type RawSubscriber, subscribeWs } from '../helpers/raw-ws-subscriber.ts';
import { benchDatabase, benchRun, gql, percentile, report, startBenchServer } from './harness.ts';

/**
 * Commit-to-subscriber latency with many WebSocket subscribers on one run (target: p99 <= 10 ms
 * with 1,000). Each subscriber has its own socket; latency is the subscriber's receive time minus the
 * server's commit time (`committedAt`), both wall clock with sub-ms precision on one host.
 *
 * The same subscribers are then measured against the transport floor (ws-floor-server.ts: a bare
 * `ws` broadcast of a same-sized message, no GraphQL, no database) in the same run, and the ratio is
 * reported: on this 2-core machine the per-socket write, and the subscribers reading 1,000 sockets
 * on the same cores, bound what any server can do.
 */
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);

interface Figures {
  samples: number;
  incompleteEvents: number;
  commitToSubscriberMs: { p50: number; p90: number; p99: number; max: number };
  commitToLastSubscriberMs: { p50: number; p99: number };
}

const round = (v: number) => +v.toFixed(2);

/**
 * Subscribes `SUBSCRIBERS` sockets to `url`, then publishes `EVENTS` events one at a time (each
 * awaited by every subscriber) and measures commit-to-receive latency.
 */
async function measure(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  publish: () => Promise<number>,
): Promise<Figures> {
  const received = new Map<number, number>();
  const lastArrival = new Map<number, number>();
  const commits = new Map<number, number>();
  const samples: number[] = [];
  let measuring = false;
  const onData = (raw: Buffer, at: number) => {
    const msg = JSON.parse(raw.toString()) as {
      payload?: { data?: { metricsLogged: { seq: number; committedAt: number } } };
    };
    const e = msg.payload?.data?.metricsLogged;
    if (!e) return;
    received.set(e.seq, (received.get(e.seq) ?? 0) + 1);
    commits.set(e.seq, e.committedAt);
    lastArrival.set(e.seq, Math.max(lastArrival.get(e.seq) ?? 0, at));
    if (measuring) samples.push(at - e.committedAt);
  };
  const subs: RawSubscriber[] = [];
  for (let i = 0; i < SUBSCRIBERS; i += 50) {
    const n = Math.min(50, SUBSCRIBERS - i);
    subs.push(
      ...(await Promise.all(
        Array.from({ length: n }, () => subscribeWs(url, query, variables, onData)),
      )),
    );
  }
  let seq = 0;
  const one = async () => {
    seq = await publish();
    const deadline = Date.now() + 5000;
    while ((received.get(seq) ?? 0) < SUBSCRIBERS && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1));
    }
    return received.get(seq) ?? 0;
  };
  // warm up until every subscription is live
  for (let i = 0; i < 20 && (await one()) < SUBSCRIBERS; i++);
  for (let i = 0; i < 10; i++) await one();
  measuring = true;
  const first = seq + 1;
  let incomplete = 0;
  for (let i = 0; i < EVENTS; i++) {
    if ((await one()) < SUBSCRIBERS) incomplete++;
    await new Promise((r) => setTimeout(r, 5));
  }
  measuring = false;
  for (const s of subs) s.close();
  const fanout: number[] = [];
  for (let s = first; s <= seq; s++) fanout.push(lastArrival.get(s)! - commits.get(s)!);
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
          'mutation($r: String!, $s: SafeInt!) { logBatch(input: { runId: $r, metrics: [{ key: "loss", values: [0.5], steps: [$s] }] }) { ... on BatchAck { seq } } }',
          { r: runId, s: step++ },
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
  ...ours,
  targetP99Ms: 10,
  floor: {
    what: 'bare ws broadcast of a same-sized message to the same subscribers, same run',
    ...base,
  },
  ratioP50ToFloor: round(ours.commitToSubscriberMs.p50 / base.commitToSubscriberMs.p50),
  ratioP99ToFloor: round(ours.commitToSubscriberMs.p99 / base.commitToSubscriberMs.p99),
});
