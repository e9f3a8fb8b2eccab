import WebSocket from 'ws';
import * as core from './watch.ts';

/**
 * {@link core.watchMetrics} with the `ws` package as the default WebSocket (Node 20 has no global
 * one); pass `webSocketImpl` to use another.
 */
export function watchMetrics(
  opts: Parameters<typeof core.watchMetrics>[0],
): AsyncIterable<core.MetricsUpdate> {
  return core.watchMetrics({ webSocketImpl: WebSocket, ...opts });
}

/** {@link core.watchRun} with the `ws` package as the default WebSocket. */
export function watchRun(opts: Parameters<typeof core.watchRun>[0]): AsyncIterable<core.RunUpdate> {
  return core.watchRun({ webSocketImpl: WebSocket, ...opts });
}
