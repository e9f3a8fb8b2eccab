import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ConnectionLimits } from './config.ts';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Creates the Node HTTP server with its slow-client bounds: headers must arrive within
 * `headersTimeoutMs` (Node answers 408 and closes), at most `maxConnections` sockets are open at
 * once (Node closes further ones at accept), idle keep-alive sockets close after 65 s.
 *
 * @remarks Node's whole-request timeout stays off: multi-gigabyte artifact uploads outlast any
 * fixed limit, so their routes use an idle timeout and every other body a deadline
 * ({@link withBodyDeadline}).
 */
export function createHttpServer(listener: Listener, limits: ConnectionLimits): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: 0,
      // how often Node looks for sockets past headersTimeout (its default is 30 s)
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    listener,
  );
  server.keepAliveTimeout = 65_000;
  server.maxConnections = limits.maxConnections;
  return server;
}

/**
 * Gives every request body, except on the routes `exempt` accepts (streaming artifact uploads),
 * `ms` to arrive whole; past it the client gets 408 and the connection is closed, so a body sent a
 * byte at a time cannot hold a connection, a parser and its buffer for ever.
 */
export function withBodyDeadline(
  listener: Listener,
  ms: number,
  exempt: (url: string) => boolean,
): Listener {
  return (req, res) => {
    if (ms > 0 && !req.complete && !exempt(req.url ?? '')) {
      const timer = setTimeout(() => {
        if (req.complete) return;
        if (!res.headersSent) {
          const text = JSON.stringify({
            error_code: 'INVALID_PARAMETER_VALUE',
            message: `The request body did not arrive within ${ms} ms.`,
          });
          res.writeHead(408, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            connection: 'close',
          });
          res.end(text);
        }
        // flushes the 408, then closes: the rest of the body is never read
        req.socket.destroySoon();
      }, ms);
      timer.unref();
      const done = () => clearTimeout(timer);
      req.once('end', done);
      res.once('close', done);
    }
    listener(req, res);
  };
}
