import { parentPort, workerData } from 'node:worker_threads';
import { type RawSubscriber, subscribeWs } from '../helpers/raw-ws-subscriber.ts';

/** What the latency bench gives each client thread. */
export interface LatencyClientData {
  url: string;
  query: string;
  variables: Record<string, unknown>;
  /** Sockets this thread opens. */
  sockets: number;
}

/** What a client thread reports once all its sockets received an event: their latencies in ms. */
export interface LatencyReport {
  seq: number;
  latencies: number[];
}

/**
 * One client thread of subscription-latency: opens its share of the subscribers' sockets and, for
 * each event, reports every socket's commit-to-receive latency once all of them received it.
 * Reading 1,000 sockets on one thread queues the messages behind each other; several threads read
 * in parallel, as separate clients would.
 */
const { url, query, variables, sockets } = workerData as LatencyClientData;
const pending = new Map<number, number[]>();
const subs: RawSubscriber[] = [];
const onData = (raw: Buffer, at: number) => {
  const msg = JSON.parse(raw.toString()) as {
    payload?: { data?: { metricsLogged: { seq: number; committedAt: number } } };
  };
  const e = msg.payload?.data?.metricsLogged;
  if (!e) return;
  let latencies = pending.get(e.seq);
  if (!latencies) {
    latencies = [];
    pending.set(e.seq, latencies);
  }
  latencies.push(at - e.committedAt);
  if (latencies.length === sockets) {
    pending.delete(e.seq);
    parentPort!.postMessage({ seq: e.seq, latencies } satisfies LatencyReport);
  }
};
for (let i = 0; i < sockets; i += 50) {
  const n = Math.min(50, sockets - i);
  subs.push(
    ...(await Promise.all(
      Array.from({ length: n }, () => subscribeWs(url, query, variables, onData)),
    )),
  );
}
parentPort!.on('message', () => {
  for (const s of subs) s.close();
  parentPort!.close();
});
parentPort!.postMessage('ready');
