import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** A raw socket to the server, recording what it receives and when it closes. */
function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  const closed = new Promise<number>((resolve) => {
    socket.on('close', () => resolve(Date.now()));
    socket.on('error', () => {});
  });
  socket.on('data', (c: Buffer) => {
    received += c.toString('latin1');
  });
  const opened = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, closed, opened, received: () => received };
}

/** Sends `body` one byte every `everyMs` until the socket closes. */
function trickle(socket: net.Socket, body: string, everyMs: number): () => void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= body.length) return clearInterval(timer);
    socket.write(body[i++]!);
  }, everyMs);
  return () => clearInterval(timer);
}

function get(agent: http.Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

describe('slow clients and the connection cap', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp({
      config: { connections: { headersTimeoutMs: 1000, bodyTimeoutMs: 600, maxConnections: 6 } },
    });
    port = Number(new URL(await t.listen()).port);
  });
  afterAll(() => t.close());

  it.each([
    ['/graphql', '{"query":"{ __typename }"}'],
    ['/api/2.0/mlflow/experiments/create', '{"name":"slow-body"}'],
  ])('cuts a body to %s sent a byte at a time with 408', async (path, body) => {
    const c = connect(port);
    await c.opened;
    const started = Date.now();
    c.socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const stop = trickle(c.socket, body, 150);
    const closedAt = await c.closed;
    stop();
    expect(c.received()).toMatch(/^HTTP\/1.1 408/);
    expect(closedAt - started).toBeGreaterThanOrEqual(500);
    expect(closedAt - started).toBeLessThan(3_000);
  });

  it('closes a connection whose headers trickle in', async () => {
    const c = connect(port);
    await c.opened;
    const started = Date.now();
    const stop = trickle(
      c.socket,
      'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaa',
      100,
    );
    const closedAt = await c.closed;
    stop();
    expect(c.received()).toMatch(/^HTTP\/1.1 408|^$/);
    expect(closedAt - started).toBeLessThan(4_000);
  });

  it('refuses connections past the cap while a connected client still gets /healthz', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect(await get(agent, port, '/healthz')).toBe(200);
    // five more sockets fill the cap of six
    const hostile = Array.from({ length: 5 }, () => connect(port));
    await Promise.all(hostile.map((h) => h.opened));
    await new Promise((r) => setTimeout(r, 100));
    const refused = connect(port);
    const refusedWithin = await Promise.race([
      refused.closed.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 2_000)),
    ]);
    expect(refusedWithin).toBe(true);
    expect(await get(agent, port, '/healthz')).toBe(200);
    for (const h of hostile) h.socket.destroy();
    await Promise.all(hostile.map((h) => h.closed));
    agent.destroy();
    // room again for a new client
    const fresh = new http.Agent();
    await new Promise((r) => setTimeout(r, 100));
    expect(await get(fresh, port, '/healthz')).toBe(200);
    fresh.destroy();
  });
});
