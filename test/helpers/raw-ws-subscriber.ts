import WebSocket from 'ws';

/** What a raw subscriber does with each `next` message. */
export type OnData = (raw: Buffer, receivedAt: number) => void;

/** A raw graphql-ws (graphql-transport-ws) subscriber: one socket, one subscription, no client library. */
export interface RawSubscriber {
  socket: WebSocket;
  /** Stops reading from the socket (a stalled client); the server's sends then back up. */
  stall(): void;
  /** Reads again after `stall`. */
  resume(): void;
  /** True once the socket closed (for instance, the server's keep-alive gave up on a stalled client). */
  readonly closed: boolean;
  close(): void;
}

function tcp(socket: WebSocket): { pause(): void; resume(): void } {
  return (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
}

/** Wall-clock ms with sub-ms precision, comparable with the server's `committedAt`. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Opens a socket to `httpUrl`, subscribes with `query`/`variables`, and calls `onData` per result.
 *
 * @remarks Resolves after the server acknowledged the connection and the subscribe message was sent.
 */
export function subscribeWs(
  httpUrl: string,
  query: string,
  variables: Record<string, unknown>,
  onData: OnData,
): Promise<RawSubscriber> {
  const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
    skipUTF8Validation: true,
  });
  let acked = false;
  let closed = false;
  socket.on('close', () => {
    closed = true;
  });
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data) => {
      const now = preciseNow();
      const raw = data as Buffer;
      if (!acked) {
        acked = true;
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        resolve({
          socket,
          stall: () => tcp(socket).pause(),
          resume: () => tcp(socket).resume(),
          close: () => socket.terminate(),
          get closed() {
            return closed;
          },
        });
        return;
      }
      onData(raw, now);
    });
  });
}
