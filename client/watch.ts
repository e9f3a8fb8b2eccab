import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type GraphQLError, print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { WatchMetricsSubscription, WatchRunSubscription } from './gql/graphql.ts';
import {
  WatchMetricsDocument,
  WatchRunDocument,
  WatchRunHeadDocument,
} from './operations/subscriptions.ts';

/** Where and how to watch. */
export interface WatchOptions {
  /** The GraphQL endpoint, `http(s)://` or `ws(s)://`. */
  url: string;
  /** Ends the iteration (and the subscription) when aborted. */
  signal?: AbortSignal;
  /** Sent in the WebSocket handshake (the server builds request headers from it). */
  connectionParams?: Record<string, string>;
  /** Reconnect delays: doubles from `minDelayMs` up to `maxDelayMs` (defaults 100 and 5000). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** A metric batch (or coalesced burst) as `watchMetrics` yields it; values are plain numbers. */
export type MetricsUpdate = Omit<WatchMetricsSubscription['metricsLogged'], 'metrics'> & {
  metrics: { key: string; steps: number[]; timestamps: number[]; values: number[] }[];
};

/** A run change as `watchRun` yields it. */
export type RunUpdate = WatchRunSubscription['runEvents'];

/** A failure that reconnecting cannot fix (unknown run, invalid arguments). */
export class WatchError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'WatchError';
  }
}

class Resubscribe extends Error {}

const toNumber = (v: number | string) => (typeof v === 'number' ? v : Number(v));

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function connect(opts: WatchOptions): Client {
  return createClient({
    url: opts.url.replace(/^http/, 'ws'),
    // Node 20 has no global WebSocket; `ws` implements the same interface
    webSocketImpl: WebSocket,
    connectionParams: opts.connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Yields the `data` of each result; throws WatchError or Resubscribe for errors in results. */
async function* results<R, V>(
  client: Client,
  doc: TypedDocumentNode<R, V>,
  variables: V,
  signal?: AbortSignal,
): AsyncGenerator<R> {
  const it = client.iterate<R>({
    query: print(doc),
    variables: variables as Record<string, unknown>,
  });
  const stop = () => void it.return?.();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for await (const r of it) {
      const err = r.errors?.[0] as GraphQLError | undefined;
      if (err?.extensions?.code === 'SUBSCRIBER_LAGGED') throw new Resubscribe();
      if (err) throw new WatchError(err.message, err.extensions?.code as string | undefined);
      yield r.data as R;
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    await it.return?.();
  }
}

/**
 * Runs `attempt` again and again until aborted: after a lost connection (with backoff), a lagging
 * cut-off, or a server-side completion. WatchError ends the iteration.
 */
async function* resilient<T>(
  opts: WatchOptions,
  attempt: (client: Client) => AsyncGenerator<T>,
): AsyncGenerator<T> {
  const client = connect(opts);
  const min = opts.minDelayMs ?? 100;
  const max = opts.maxDelayMs ?? 5000;
  let failures = 0;
  try {
    while (!opts.signal?.aborted) {
      try {
        for await (const value of attempt(client)) {
          failures = 0;
          yield value;
        }
      } catch (err) {
        if (err instanceof WatchError) throw err;
        if (err instanceof Resubscribe) continue;
      }
      if (opts.signal?.aborted) break;
      await sleep(Math.min(max, min * 2 ** failures++), opts.signal);
    }
  } finally {
    await client.dispose();
  }
}

/**
 * Watches a run's metrics: every committed batch, in order, exactly once, across reconnects.
 *
 * @remarks Without `afterSeq` the watch starts at the run's current last batch. After a lost
 * connection (or a SUBSCRIBER_LAGGED cut-off) it resubscribes with `afterSeq` set to the last
 * sequence number it yielded, so the server replays what was missed. Ends when `signal` aborts
 * (or when `break` leaves the loop); throws {@link WatchError} for an unknown run.
 */
export function watchMetrics(
  opts: WatchOptions & { runId: string; keys?: string[]; afterSeq?: number },
): AsyncIterable<MetricsUpdate> {
  let lastSeq = opts.afterSeq ?? null;
  return resilient(opts, async function* (client) {
    if (lastSeq === null) {
      for await (const head of results(client, WatchRunHeadDocument, { runId: opts.runId })) {
        if (!head.run)
          throw new WatchError(`Run ${opts.runId} not found`, 'RESOURCE_DOES_NOT_EXIST');
        lastSeq = head.run.lastSeq;
      }
    }
    const vars = { runId: opts.runId, keys: opts.keys ?? null, afterSeq: lastSeq };
    for await (const data of results(client, WatchMetricsDocument, vars, opts.signal)) {
      const e = data.metricsLogged;
      if (lastSeq !== null && e.seq <= lastSeq) continue;
      lastSeq = e.seq;
      yield { ...e, metrics: e.metrics.map((m) => ({ ...m, values: m.values.map(toNumber) })) };
    }
  });
}

/**
 * Watches one run's changes: a SNAPSHOT of its state first, then each change as it commits.
 *
 * @remarks After a lost connection it resubscribes and yields a fresh SNAPSHOT (whose `seq` is the
 * run's last batch), so state is never missed; changes are idempotent, so one seen both live and
 * in a snapshot is harmless.
 */
export function watchRun(opts: WatchOptions & { runId: string }): AsyncIterable<RunUpdate> {
  return resilient(opts, async function* (client) {
    for await (const data of results(client, WatchRunDocument, { runId: opts.runId }, opts.signal))
      yield data.runEvents;
  });
}
