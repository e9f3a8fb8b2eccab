import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { AuthGate } from './auth.gate.ts';
import { checkRequestPolicy } from './request-policy.ts';

/**
 * `verifyClient` of the WebSocket server: the upgrade request passes the same Origin and Host
 * checks as HTTP (a page on another site cannot open a socket to this server), else 403.
 */
export function admitWebSocket(
  req: IncomingMessage,
  gate: AuthGate,
  done: (ok: boolean, status?: number, message?: string) => void,
): void {
  const refusal = checkRequestPolicy(
    'GET',
    (n) => {
      const v = req.headers[n];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
    gate.config,
  );
  if (refusal) done(false, refusal.status, refusal.message);
  else done(true);
}

/**
 * graphql-ws `onConnect`: authenticates the connection once, from the `connection_init` payload
 * (`{ authorization: 'Bearer <token>' }` or `'Basic ...'`; key `Authorization` also accepted) or
 * else the upgrade request's `Authorization` header, and binds the viewer to the socket. The
 * socket is then watched: once its credential no longer holds (token revoked or expired, password
 * changed, user deleted) it is closed with 4403 Forbidden and the reason.
 *
 * @returns false to refuse the connection (graphql-ws closes it with 4403 Forbidden).
 */
export async function authenticateConnection(
  gate: AuthGate,
  ctx: {
    connectionParams?: Readonly<Record<string, unknown>>;
    extra: { socket: WebSocket; request: IncomingMessage };
  },
): Promise<boolean> {
  const params = ctx.connectionParams ?? {};
  const fromParams = params.authorization ?? params.Authorization;
  const header =
    typeof fromParams === 'string' ? fromParams : (ctx.extra.request.headers.authorization ?? null);
  try {
    const outcome = await gate.authenticate(header);
    if (!outcome.ok) return false;
    const socket = ctx.extra.socket;
    gate.bind(socket, outcome.viewer);
    if (outcome.viewer) {
      const unwatch = gate.streams.watch(
        outcome.viewer,
        async () => {},
        (error) => socket.close(4403, error.message.slice(0, 120)),
      );
      socket.once('close', unwatch);
    }
    return true;
  } catch {
    return false;
  }
}
