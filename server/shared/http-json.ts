import type { ServerResponse } from 'node:http';
import type { ErrorCode } from './errors.ts';

/** HTTP status of each domain error code on the plain HTTP routes (beside GraphQL). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  RESOURCE_DOES_NOT_EXIST: 404,
  INVALID_PARAMETER_VALUE: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  // MLflow answers 500, which its clients retry; a deleted run is not worth retrying
  INVALID_STATE: 409,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

/**
 * Sends `body` as JSON with `status`; `close` asks the client to drop the connection (a body
 * left unread). A response already started is cut instead.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = stringifyJson(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}

/**
 * JSON text of `body`; bigints (metric steps beyond ±(2^53-1)) become exact JSON numbers, as
 * MLflow writes int64 fields. Bodies without bigints take `JSON.stringify` alone.
 */
export function stringifyJson(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (err) {
    if (!(err instanceof TypeError && /BigInt/i.test(err.message))) throw err;
  }
  const mark = '\u0000int64:';
  return JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? mark + String(v) : v)).replace(
    /"\\u0000int64:(-?\d+)"/g,
    '$1',
  );
}

/**
 * A JSON response `{"<field>": [...]}` whose list is written a chunk of items at a time as the
 * client reads it, each chunk made only when the previous one is written: a long list (a whole
 * metric history) never exists whole, as objects or as text, whatever its length.
 */
export class JsonListStream {
  constructor(
    readonly field: string,
    readonly chunks: AsyncIterable<readonly unknown[]>,
    /** Fields written after the list (`next_page_token`); null and undefined ones are left out. */
    readonly after: Record<string, unknown> = {},
    /** How long a client may take nothing before the response is cut (as a stalled download). */
    readonly stallTimeoutMs = 120_000,
  ) {}

  /**
   * Writes the response (200, chunked), waiting for the socket to drain between chunks; stops
   * taking chunks once the client is gone, and cuts the response when the client reads nothing
   * for `stallTimeoutMs` (its page would be held for ever). A chunk that fails after the first has
   * been written cuts the response (the caller destroys it).
   */
  async send(res: ServerResponse): Promise<void> {
    // the socket's idle timer: Node puts it back to the keep-alive timeout once the response ends
    res.setTimeout(this.stallTimeoutMs, () => res.destroy());
    res.writeHead(200, { 'content-type': 'application/json' });
    let head = `{${JSON.stringify(this.field)}:[`;
    for await (const items of this.chunks) {
      if (res.destroyed) return;
      if (items.length === 0) continue;
      const ok = res.write(head + stringifyJson(items).slice(1, -1));
      head = ',';
      if (!ok) await drainOrClose(res);
    }
    let tail = ']';
    for (const [k, v] of Object.entries(this.after)) {
      if (v !== undefined && v !== null) tail += `,${JSON.stringify(k)}:${stringifyJson(v)}`;
    }
    // an empty list never wrote its opening
    res.end(`${head === ',' ? '' : head}${tail}}`);
  }
}

/** Resolves when `res` can take more, or is gone (a client that went away never drains). */
function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
