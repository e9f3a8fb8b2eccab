import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { stringifyDocument } from '@urql/core';
import type { GraphQLError } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { backoffDelay, sleep } from './backoff.ts';
import { type TrackingError, WatchError } from './errors.ts';
import type { WatchMetricsSubscription, WatchRunSubscription } from './gql/graphql.ts';
import {
  WatchMetricsDocument,
  WatchRunDocument,
  WatchRunHeadDocument,
} from './operations/subscriptions.ts';
import { decodeStep } from './validate.ts';

/** Where and how to watch. */
export interface WatchOptions {
  /** The GraphQL endpoint, `http(s)://` or `ws(s)://`. */
  url: string;
  /** Ends the iteration (and the subscription) when aborted. */
  signal?: AbortSignal;
  /** Sent in the WebSocket handshake (the server builds request headers from it). */
  connectionParams?: Record<string, string>;
  /**
   * The WebSocket class: default the platform's `globalThis.WebSocket` (browsers, Deno, Node 22+).
   * On Node 20 pass `ws`'s `WebSocket` (`@trackql/node`'s watches do).
   */
  webSocketImpl?: unknown;
  /** Reconnect delays: full jitter, the cap doubling from `minDelayMs` up to `maxDelayMs` (100 and 5000). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Reconnects in a row after transient failures before giving up with a WatchError; default no limit. */
  maxRetries?: number;
  /** Told about each transient failure before the watch waits `delayMs` and reconnects. */
  onRetry?: (error: TrackingError, retry: number, delayMs: number) => void;
}

/**
 * A metric batch (or coalesced burst) as `watchMetrics` yields it; values are plain numbers, steps
 * numbers (bigints beyond ±(2^53-1)).
 */
export type MetricsUpdate = Omit<WatchMetricsSubscription['metricsLogged'], 'metrics'> & {
  metrics: { key: string; steps: (number | bigint)[]; timestamps: number[]; values: number[] }[];
};

/** A run change as `watchRun` yields it. */
export type RunUpdate = WatchRunSubscription['runEvents'];

class Resubscribe extends Error {}

const toNumber = (v: number | string) => (typeof v === 'number' ? v : Number(v));

/**
 * graphql-ws close codes that reconnecting cannot fix: bad request (4400), unauthorized (4401),
 * forbidden (4403), unsupported subprotocol (4406), duplicate subscriber (4409); 1002/1003 are
 * protocol errors. Everything else (1000, 1001, 1006, 1011, 4408 init timeout, 4429, 4499, 4500)
 * is transient.
 */
const PERMANENT_CLOSE = new Set([1002, 1003, 4400, 4401, 4403, 4406, 4409]);

/**
 * Sorts what graphql-ws threw: GraphQL errors (the server rejected the operation) and permanent
 * close codes become a {@link WatchError}; anything else is a transient network failure.
 */
function classify(err: unknown): { permanent: boolean; error: TrackingError } {
  if (err instanceof WatchError) return { permanent: true, error: err };
  if (Array.isArray(err)) {
    const first = err[0] as GraphQLError | undefined;
    const code = first?.extensions?.code as string | undefined;
    return {
      permanent: true,
      error: new WatchError(first?.message ?? 'Subscription failed', code),
    };
  }
  const close = err as { code?: unknown; reason?: unknown } | null;
  if (typeof close?.code === 'number') {
    const message = `[Network] WebSocket closed ${close.code}${close.reason ? `: ${String(close.reason)}` : ''}`;
    return {
      permanent: PERMANENT_CLOSE.has(close.code),
      error: new WatchError(message, undefined, {
        kind: 'network',
        status: close.code,
        cause: err,
      }),
    };
  }
  const message = err instanceof Error ? err.message : 'connection failed';
  return {
    permanent: false,
    error: new WatchError(`[Network] ${message}`, undefined, { kind: 'network', cause: err }),
  };
}

function connect(opts: WatchOptions): Client {
  const impl = opts.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket;
  if (impl === undefined) {
    throw new WatchError(
      'No WebSocket implementation: this platform has no global WebSocket; pass `webSocketImpl` (e.g. the `ws` package on Node 20)',
      undefined,
      { kind: 'network' },
    );
  }
  return createClient({
    url: opts.url.replace(/^http/, 'ws'),
    webSocketImpl: impl,
    connectionParams: opts.connectionParams,
    // reconnecting is ours: a watch resubscribes with `afterSeq`, which graphql-ws cannot know
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
    query: stringifyDocument(doc),
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
 * Runs `attempt` again and again until aborted: at once after a lagging cut-off or a server-side
 * completion, with backoff after a transient failure. Permanent failures end the iteration with a
 * {@link WatchError}, and so do `maxRetries` transient failures in a row.
 */
async function* resilient<T>(
  opts: WatchOptions,
  attempt: (client: Client) => AsyncGenerator<T>,
): AsyncGenerator<T> {
  const client = connect(opts);
  const min = opts.minDelayMs ?? 100;
  const max = opts.maxDelayMs ?? 5000;
  const maxRetries = opts.maxRetries ?? Number.POSITIVE_INFINITY;
  let failures = 0;
  try {
    while (!opts.signal?.aborted) {
      try {
        for await (const value of attempt(client)) {
          failures = 0;
          yield value;
        }
        // the server completed the subscription: resubscribe, paced so a completing server is no spin
        await sleep(backoffDelay(failures++, min, max), opts.signal);
      } catch (err) {
        if (err instanceof Resubscribe) continue;
        if (opts.signal?.aborted) break;
        const { permanent, error } = classify(err);
        if (permanent || failures >= maxRetries) throw error;
        const delay = backoffDelay(failures++, min, max);
        opts.onRetry?.(error, failures, delay);
        await sleep(delay, opts.signal);
      }
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
 * (or when `break` leaves the loop); throws {@link WatchError} for an unknown run, a rejected
 * operation or a refused connection.
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
      yield {
        ...e,
        metrics: e.metrics.map((m) => ({
          ...m,
          steps: decodeSteps(m.steps),
          values: m.values.map(toNumber),
        })),
      };
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

/** Steps as the server sends them: numbers, decimal strings beyond ±(2^53-1) (made bigints). */
function decodeSteps(steps: (number | string)[]): (number | bigint)[] {
  for (const s of steps) if (typeof s !== 'number') return steps.map(decodeStep);
  return steps as number[];
}
