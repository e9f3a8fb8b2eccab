import type { ExecutionResult } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Serialises a shared subscription result once for every WebSocket subscriber that receives it.
 *
 * graphql-ws stringifies each `next` message per subscriber. For a result shared by many subscribers
 * (see shared-execution.ts) the `jsonMessageReplacer` below puts a placeholder where the payload goes
 * and remembers the payload's JSON (computed once per result object); the patched `socket.send`,
 * called synchronously right after the stringification, splices the JSON in. Messages without the
 * placeholder pass through untouched.
 */
const PLACEHOLDER = '\u0000trackql:shared-payload\u0000';
const QUOTED = JSON.stringify(PLACEHOLDER);
const json = new WeakMap<object, string>();
let pending: string | null = null;

/** Marks a result for splicing (only error-free results are shared). */
export function shareable(result: ExecutionResult): boolean {
  return result.errors === undefined;
}

/** graphql-ws `jsonMessageReplacer`: replaces a shared payload by the placeholder. */
export function payloadReplacer(this: unknown, key: string, value: unknown): unknown {
  if (key !== 'payload' || value === null || typeof value !== 'object') return value;
  let text = json.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    json.set(value, text);
  }
  pending = text;
  return PLACEHOLDER;
}

/** Patches every new socket's `send` to splice the pending payload JSON into the message. */
export function splicePayloads(wss: WebSocketServer): void {
  wss.on('connection', (socket: WebSocket) => {
    const send = socket.send.bind(socket) as (data: string, cb?: (err?: Error) => void) => void;
    (socket as { send: unknown }).send = (data: unknown, cb?: (err?: Error) => void) => {
      if (pending !== null && typeof data === 'string') {
        const at = data.lastIndexOf(QUOTED);
        if (at >= 0) data = data.slice(0, at) + pending + data.slice(at + QUOTED.length);
        pending = null;
      }
      send(data as string, cb);
    };
  });
}
