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
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}
