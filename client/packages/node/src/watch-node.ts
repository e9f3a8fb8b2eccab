import {
  watchMetrics as coreWatchMetrics,
  watchRun as coreWatchRun,
  type MetricsUpdate,
  type RunUpdate,
  type WatchOptions,
} from '@trackql/client';
import WebSocket from 'ws';

/**
 * `watchMetrics` of `@trackql/client` with the `ws` package as the default WebSocket (Node 20 has
 * no global one); pass `webSocketImpl` to use another.
 */
export function watchMetrics(
  opts: WatchOptions & { runId: string; keys?: string[]; afterSeq?: number },
): AsyncIterable<MetricsUpdate> {
  return coreWatchMetrics({ webSocketImpl: WebSocket, ...opts });
}

/** `watchRun` of `@trackql/client` with the `ws` package as the default WebSocket. */
export function watchRun(opts: WatchOptions & { runId: string }): AsyncIterable<RunUpdate> {
  return coreWatchRun({ webSocketImpl: WebSocket, ...opts });
}
