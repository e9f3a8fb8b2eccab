import { benchDatabase, gql, percentile, report, startBenchServer } from './harness.ts';
import { type BenchSubscriber, subscribeWs } from './ws-subscriber.ts';

/**
 * Commit-to-subscriber latency with many WebSocket subscribers on one run (target: p99 <= 10 ms
 * with 1,000). Each subscriber has its own socket; latency is the subscriber's receive time minus the
 * server's commit time (`committedAt`), both wall clock with sub-ms precision on one host.
 */
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);

const db = await benchDatabase();
// the harness learns the URL from the 'listening' line, logged at info
const server = await startBenchServer(db.url, { LOG_LEVEL: 'info' });
try {
  const { createRun } = await gql<{ createRun: { run: { runId: string } } }>(
    server.url,
    'mutation { createRun(input: {}) { ... on CreateRunSuccess { run { runId } } } }',
  );
  const runId = createRun.run.runId;
  const query =
    'subscription($r: String!) { metricsLogged(runId: $r) { seq committedAt metrics { key steps values } } }';
  const received = new Map<number, number>();
  const samples: number[] = [];
  const lastArrival = new Map<number, number>();
  const commits = new Map<number, number>();
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
  let measuring = false;
  const subs: BenchSubscriber[] = [];
  for (let i = 0; i < SUBSCRIBERS; i += 50) {
    const n = Math.min(50, SUBSCRIBERS - i);
    subs.push(
      ...(await Promise.all(
        Array.from({ length: n }, () => subscribeWs(server.url, query, { r: runId }, onData)),
      )),
    );
  }
  let seq = 0;
  const logOne = async () => {
    const res = await gql<{ logBatch: { seq: number } }>(
      server.url,
      'mutation($r: String!, $s: SafeInt!) { logBatch(input: { runId: $r, metrics: [{ key: "loss", values: [0.5], steps: [$s] }] }) { ... on BatchAck { seq } } }',
      { r: runId, s: seq },
    );
    seq = res.logBatch.seq;
    const deadline = Date.now() + 5000;
    while ((received.get(seq) ?? 0) < SUBSCRIBERS && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1));
    }
    return received.get(seq) ?? 0;
  };
  // warm up until every subscription is live
  for (let i = 0; i < 20 && (await logOne()) < SUBSCRIBERS; i++);
  for (let i = 0; i < 10; i++) await logOne();
  measuring = true;
  const first = seq + 1;
  let incomplete = 0;
  for (let i = 0; i < EVENTS; i++) {
    if ((await logOne()) < SUBSCRIBERS) incomplete++;
    await new Promise((r) => setTimeout(r, 5));
  }
  measuring = false;
  const fanout: number[] = [];
  for (let s = first; s <= seq; s++) fanout.push(lastArrival.get(s)! - commits.get(s)!);
  report({
    bench: 'subscription-latency',
    transport: 'websocket',
    subscribers: SUBSCRIBERS,
    events: EVENTS,
    samples: samples.length,
    incompleteEvents: incomplete,
    commitToSubscriberMs: {
      p50: +percentile(samples, 50).toFixed(2),
      p90: +percentile(samples, 90).toFixed(2),
      p99: +percentile(samples, 99).toFixed(2),
      max: +percentile(samples, 100).toFixed(2),
    },
    commitToLastSubscriberMs: {
      p50: +percentile(fanout, 50).toFixed(2),
      p99: +percentile(fanout, 99).toFixed(2),
    },
    targetP99Ms: 10,
    serverRssMiB: Math.round(server.rssMiB()),
  });
  for (const s of subs) s.close();
} finally {
  await server.stop();
  await db.drop();
}
