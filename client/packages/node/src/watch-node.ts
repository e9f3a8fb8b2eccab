import { createRequire } from 'node:module';
import {
  watchMetrics as coreWatchMetrics,
  watchRun as coreWatchRun,
  type MetricsUpdate,
  type RunUpdate,
  type WatchOptions,
} from '@trackql/client';

// `ws` is loaded on the first watch only: programs that never watch do not pay for it
let ws: typeof import('ws').default | null = null;
const webSocket = () => {
  ws ??= createRequire(import.meta.url)('ws') as typeof import('ws').default;
  return ws;
};

/**
 * `watchMetrics` of `@trackql/client` with the `ws` package as the default WebSocket (Node 20 has
 * no global one); pass `webSocketImpl` to use another.
 */
export function watchMetrics(
  opts: WatchOptions & { runId: string; keys?: string[]; afterSeq?: number },
): AsyncIterable<MetricsUpdate> {
  return coreWatchMetrics({ webSocketImpl: webSocket(), ...opts });
}

/** `watchRun` of `@trackql/client` with the `ws` package as the default WebSocket. */
export function watchRun(opts: WatchOptions & { runId: string }): AsyncIterable<RunUpdate> {
  return coreWatchRun({ webSocketImpl: webSocket(), ...opts });
}
