import type { ExecutionResult } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';

/**
 * Serialises a shared subscription result once for every WebSocket subscriber that receives it.
 *
 * **Fenced transport trick** (on only with `TRACKQL_TRANSPORT_FAST_PATHS`, see ws.ts and app.ts;
 * off, graphql-ws serialises and sends every message itself). It relies on graphql-ws 6.4.2 and
 * ws 8.23.0, pinned exactly in package.json, and on three behaviours pinned by
 * `test/server/transport-contract.test.ts`: graphql-ws calls the `jsonMessageReplacer` and then,
 * synchronously, `socket.send` for each message; `socket.send(data, { fin })` fragments a message;
 * a ws socket's `_socket` is the TCP socket (cork/uncork).
 *
 * graphql-ws stringifies each `next` message per subscriber. For a result shared by many subscribers
 * (see shared-execution.ts) the `jsonMessageReplacer` below puts a numbered placeholder where the
 * payload goes and hands over the payload's JSON (computed once per result object); the patched
 * `socket.send`, called synchronously right after the stringification, puts the JSON in. The
 * hand-over is checked: a send carrying a placeholder whose number is not the one just handed over
 * (an interleaving) throws {@link SpliceOrderError} and sends nothing, so one subscriber's payload
 * can never go out in another's message. Messages without a placeholder pass through untouched.
 *
 * Over SSE, yoga serialises each result with the result's own `stringify` when it has one:
 * {@link markShared} gives shared results one that returns the cached JSON, so SSE subscribers of
 * the same operation share the serialisation too.
 *
 * A small payload is spliced into the message text. A large one (points of coalesced batches) is
 * encoded to UTF-8 once and sent as the middle frame of a three-frame message (text before it,
 * the shared bytes, text after it; WebSocket fragmentation, reassembled by every client), so no
 * subscriber copies it into a string of its own and no per-subscriber string lands in V8's large
 * object space, which only full collections free.
 *
 * Live results are mostly not sent by graphql-ws at all: {@link wsPusher} writes them straight
 * to the socket, as the same `next` message, from the loop that serves every subscriber woken by a
 * commit or a frame start (see `LiveIterator`), which skips graphql-ws's per-subscriber chain of
 * promises and its wait for each write to flush.
 */
const MARK = '\u0000trackql:shared-payload:';
/** How a placeholder starts in the message's JSON text (the NULs are escaped). */
const QUOTED_MARK = JSON.stringify(MARK).slice(0, -1);
const QUOTED_END = JSON.stringify('\u0000');
/** How a message whose payload is a placeholder ends. */
const PLACEHOLDER_TAIL = `${QUOTED_END.slice(1)}}`;
/** Payloads from this many characters on are sent as a shared frame. */
const FRAGMENT_FROM = 16 * 1024;

interface Payload {
  text: string;
  /** The UTF-8 bytes, once a large payload was first sent. */
  bytes: Buffer | null;
  /** The SSE `next` event carrying it, once first pushed (see sse-push.ts). */
  sse: Buffer | null;
}

const payloads = new WeakMap<object, Payload>();
/** The payload the replacer last replaced, and the number of its placeholder. */
let handOver: { token: number; payload: Payload } | null = null;
let lastToken = 0;

/** A send that does not carry the payload just handed over: the replacer/send order broke. */
export class SpliceOrderError extends Error {
  constructor(detail: string) {
    super(
      `graphql-ws no longer sends each message right after serialising it (${detail}); nothing was sent. Set TRACKQL_TRANSPORT_FAST_PATHS=false and re-run test/server/transport-contract.test.ts`,
    );
    this.name = 'SpliceOrderError';
  }
}

/** Marks a result for splicing (only error-free results are shared). */
export function shareable(result: ExecutionResult): boolean {
  return result.errors === undefined;
}

/** The payload of a result object, serialised once. */
function payloadOf(value: object): Payload {
  let p = payloads.get(value);
  if (p === undefined) {
    p = { text: JSON.stringify(value), bytes: null, sse: null };
    payloads.set(value, p);
  }
  return p;
}

/** The SSE `next` event of a shared result as yoga writes it, encoded once. */
export function sharedSseEvent(result: object): Buffer {
  const p = payloadOf(result);
  p.sse ??= Buffer.from(`event: next\ndata: ${p.text}\n\n`);
  return p.sse;
}

/** The JSON of a shared result, computed once (yoga's per-result `stringify` hook for SSE). */
export function sharedJson(result: object): string {
  return payloadOf(result).text;
}

/**
 * Gives an error-free shared result a non-enumerable `stringify` returning its cached JSON, which
 * yoga's SSE transport calls instead of `JSON.stringify`.
 */
export function markShared<T extends ExecutionResult>(result: T): T {
  if (shareable(result) && !Object.hasOwn(result, 'stringify')) {
    Object.defineProperty(result, 'stringify', { value: sharedJson, enumerable: false });
  }
  return result;
}

/**
 * graphql-ws `jsonMessageReplacer`: replaces a message's payload by a numbered placeholder and
 * hands the payload over to the next `send`.
 *
 * @remarks A hand-over never sent (graphql-ws skips `send` on a closed socket) is replaced by the
 * next one, which is harmless: only a send carrying a placeholder is spliced, and only with the
 * payload of the same number.
 */
export function payloadReplacer(this: unknown, key: string, value: unknown): unknown {
  if (key !== 'payload' || value === null || typeof value !== 'object') return value;
  lastToken = (lastToken + 1) % Number.MAX_SAFE_INTEGER;
  handOver = { token: lastToken, payload: payloadOf(value) };
  return `${MARK}${lastToken}\u0000`;
}

/**
 * Takes the hand-over for a message graphql-ws is sending: the payload to splice in and where its
 * placeholder sits, or null for a message without one.
 *
 * @throws SpliceOrderError when the message's placeholder is not the one last handed over.
 */
export function takeHandOver(data: string): { payload: Payload; at: number; end: number } | null {
  const h = handOver;
  handOver = null;
  // the payload is the message's last member: a placeholder anywhere else (say, in a client's
  // subscription id) is not one
  if (!data.endsWith(PLACEHOLDER_TAIL)) return null;
  const at = data.lastIndexOf(QUOTED_MARK);
  if (at < 0) return null;
  const from = at + QUOTED_MARK.length;
  const close = data.indexOf(QUOTED_END.slice(1), from);
  const token = close < 0 ? Number.NaN : Number(data.slice(from, close));
  if (h === null) throw new SpliceOrderError(`placeholder ${token} sent, none handed over`);
  if (h.token !== token) {
    throw new SpliceOrderError(`placeholder ${token} sent, ${h.token} handed over`);
  }
  return { payload: h.payload, at, end: close + QUOTED_END.length - 1 };
}

type Send = (data: string | Buffer, options: { fin: boolean }, cb?: (err?: Error) => void) => void;

/** Each socket's own `send`, before the patch below. */
const rawSends = new WeakMap<WebSocket, Send>();

interface Corkable {
  cork(): void;
  uncork(): void;
}

/**
 * The TCP socket under a WebSocket (corked around a fragmented message: one write).
 *
 * @throws Error when ws no longer keeps it in `_socket` (checked on every new connection).
 */
export function tcp(socket: WebSocket): Corkable {
  const raw = (socket as unknown as { _socket?: Partial<Corkable> })._socket;
  if (typeof raw?.cork !== 'function' || typeof raw.uncork !== 'function') {
    throw new Error(
      'ws no longer exposes its TCP socket as `_socket`: transport fast paths need ws 8.23.0',
    );
  }
  return raw as Corkable;
}

/** Sends `head`, the payload and `tail` as one message: spliced when small, the shared bytes when large. */
function sendShared(
  socket: WebSocket,
  send: Send,
  head: string,
  p: Payload,
  tail: string,
  cb?: (err?: Error) => void,
): void {
  if (p.text.length < FRAGMENT_FROM) {
    send(head + p.text + tail, { fin: true }, cb);
    return;
  }
  p.bytes ??= Buffer.from(p.text);
  const raw = tcp(socket);
  raw.cork();
  send(head, { fin: false });
  send(p.bytes, { fin: false });
  send(tail, { fin: true }, cb);
  raw.uncork();
}

/** Patches every new socket's `send` to put the handed-over payload JSON into the message. */
export function splicePayloads(wss: WebSocketServer): void {
  wss.on('connection', (socket: WebSocket) => {
    try {
      tcp(socket);
    } catch {
      socket.close(1011, 'transport fast paths: ws internals changed');
      return;
    }
    const send = socket.send.bind(socket) as Send;
    rawSends.set(socket, send);
    (socket as { send: unknown }).send = (data: unknown, cb?: (err?: Error) => void) => {
      const h = typeof data === 'string' ? takeHandOver(data) : null;
      if (h === null) return send(data as string, { fin: true }, cb);
      const text = data as string;
      sendShared(socket, send, text.slice(0, h.at), h.payload, text.slice(h.end), cb);
    };
  });
}

/**
 * A connection's buffer past which results are no longer pushed directly: the transport then sends
 * them, waiting for each write to flush (graphql-ws) or for the reader (SSE), so a slow reader holds
 * its stream back (and its tail lags) instead of growing the buffer.
 */
export const PUSH_MAX_BUFFERED = 256 * 1024;

/** The WebSocket subscription of a GraphQL context (one context per subscribe message). */
const pushTargets = new WeakMap<object, { socket: WebSocket; head: string }>();

/** Records that `context` runs subscription `id` on `socket` (graphql-ws `onSubscribe`). */
export function registerPushTarget(context: object, socket: WebSocket, id: string): void {
  pushTargets.set(context, {
    socket,
    head: `{"id":${JSON.stringify(id)},"type":"next","payload":`,
  });
}

/**
 * For a WebSocket subscription's context, a function writing a shared result straight to its socket
 * as the `next` message graphql-ws would send (false when it cannot: errors, a closed or backed-up
 * socket); null for other transports.
 */
export function wsPusher(context: unknown): ((result: ExecutionResult) => boolean) | null {
  const target = typeof context === 'object' && context !== null ? pushTargets.get(context) : null;
  const send = target ? rawSends.get(target.socket) : undefined;
  if (!target || !send) return null;
  const { socket, head } = target;
  return (result) => {
    if (!shareable(result) || socket.readyState !== socket.OPEN) return false;
    if (socket.bufferedAmount > PUSH_MAX_BUFFERED) return false;
    sendShared(socket, send, head, payloadOf(result), '}');
    return true;
  };
}
