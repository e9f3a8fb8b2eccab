import WebSocket from 'ws';
import { type Config, loadConfig } from '../../server/config.ts';

/** The admin every auth-enabled test app starts with. */
export const ADMIN = { username: 'admin', password: 'admin-password-1' };

/** Security settings with authentication on and {@link ADMIN} configured, plus `env` on top. */
export function authOn(env: NodeJS.ProcessEnv = {}): Partial<Config> {
  return {
    security: {
      ...loadConfig({
        TRACKQL_AUTH: 'on',
        TRACKQL_ADMIN_USERNAME: ADMIN.username,
        TRACKQL_ADMIN_PASSWORD: ADMIN.password,
        ...env,
      }).security,
      // a cheap scrypt keeps these tests fast on a busy machine; auth.test.ts checks the real cost
      kdfCost: { logN: 10, r: 8, p: 1 },
    },
  };
}

/** An HTTP Basic `Authorization` header. */
export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** What a raw graphql-ws connection attempt ended with. */
export type WsOutcome =
  | { kind: 'acked'; socket: WebSocket }
  | { kind: 'closed'; code: number }
  | { kind: 'refused'; status: number };

/**
 * Opens a graphql-transport-ws socket and sends `connection_init` with `payload`.
 *
 * @returns acked (socket open), closed by the server (its close code), or refused at the upgrade.
 */
export function wsConnect(
  httpUrl: string,
  payload: Record<string, unknown> | undefined,
  headers: Record<string, string> = {},
): Promise<WsOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(httpUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', {
      headers,
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve({ kind: 'refused', status: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { type: string };
      if (msg.type === 'connection_ack') resolve({ kind: 'acked', socket });
    });
    socket.on('close', (code) => resolve({ kind: 'closed', code }));
    socket.on('error', (err) => {
      if (!String(err).includes('Unexpected server response')) reject(err);
    });
  });
}

/** Runs one operation on an acknowledged graphql-ws socket and returns its first result. */
export function wsExecute(socket: WebSocket, query: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const id = String(Math.random()).slice(2);
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(String(data)) as { type: string; id?: string; payload?: unknown };
      if (msg.id !== id) return;
      socket.off('message', onMessage);
      if (msg.type === 'next') resolve(msg.payload);
      else reject(new Error(`unexpected ${msg.type}: ${JSON.stringify(msg.payload)}`));
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
  });
}
