import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonListStream } from '../../server/shared/http-json.ts';

let server: http.Server | null = null;
afterEach(
  () =>
    new Promise<void>((done) => {
      if (!server) return done();
      server.close(() => done());
      server.closeAllConnections();
    }),
);

/** Serves one JsonListStream per request; resolves with the port and each send's outcome. */
async function serve(stream: () => JsonListStream) {
  const sends: Promise<string>[] = [];
  server = http.createServer((_req, res) => {
    sends.push(
      stream()
        .send(res)
        .then(() => (res.writableFinished ? 'finished' : 'stopped')),
    );
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { port: (server.address() as net.AddressInfo).port, sends };
}

/** `n` chunks of `size` items made by `item`, counting the chunks made in `made`. */
async function* chunks(n: number, size: number, item: (i: number) => unknown, made: number[]) {
  for (let c = 0; c < n; c++) {
    made.push(c);
    yield Array.from({ length: size }, (_, i) => item(c * size + i));
  }
}

/**
 * A server streaming 1,000 chunks of 100 KB (100 MB in all) to a raw client that asks and then
 * reads nothing; `made` counts the chunks made.
 */
async function stalledClient(stallTimeoutMs?: number) {
  const made: number[] = [];
  const { port, sends } = await serve(
    () =>
      new JsonListStream(
        'metrics',
        chunks(1000, 100, () => 'x'.repeat(1000), made),
        {},
        stallTimeoutMs,
      ),
  );
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  socket.pause();
  while (sends.length === 0) await new Promise((r) => setTimeout(r, 20));
  return { made, socket, send: sends[0]! };
}

describe('JsonListStream', () => {
  it('sends every chunk as one JSON document, with bigints exact and empty chunks skipped', async () => {
    const made: number[] = [];
    async function* items() {
      yield* chunks(10, 1000, (i) => ({ i, step: i }), made);
      yield [];
      yield [{ i: 10_000, step: 2n ** 62n }];
    }
    const { port } = await serve(() => new JsonListStream('metrics', items()));
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    const body = JSON.parse(text) as { metrics: { i: number }[] };
    expect(body.metrics).toHaveLength(10_001);
    expect(body.metrics.every((m, i) => m.i === i)).toBe(true);
    expect(text.endsWith(`{"i":10000,"step":${2n ** 62n}}]}`)).toBe(true);
    expect(made).toHaveLength(10);
  });

  it('an empty list is an empty JSON list', async () => {
    const { port } = await serve(
      () =>
        new JsonListStream(
          'metrics',
          chunks(2, 0, () => 0, []),
        ),
    );
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).json()).toEqual({ metrics: [] });
  });

  it('writes the fields after the list, leaving out null and undefined ones', async () => {
    const { port } = await serve(
      () =>
        new JsonListStream(
          'runs',
          chunks(2, 2, (i) => i, []),
          {
            next_page_token: 'abc',
            none: null,
            unset: undefined,
            big: 2n ** 62n,
          },
        ),
    );
    const text = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(text).toBe(`{"runs":[0,1,2,3],"next_page_token":"abc","big":${2n ** 62n}}`);
  });

  it('cuts the response of a client that reads nothing for the stall timeout', async () => {
    const { made, socket, send } = await stalledClient(300);
    // the server gives up on the client by itself
    expect(await send).toBe('stopped');
    const closed = new Promise((r) => socket.on('close', r));
    socket.resume();
    await closed;
    expect(made.length).toBeLessThan(500);
  });

  it('makes no more chunks than the client takes, and stops once it is gone', async () => {
    // the server must wait for the client, not buffer the whole list
    const { made, socket, send } = await stalledClient();
    // until the server has filled the socket's buffers and waits (100 MB in all, 100 KB a chunk)
    let seen = -1;
    for (let t = 0; t < 100 && (made.length === 0 || made.length !== seen); t++) {
      seen = made.length;
      await new Promise((r) => setTimeout(r, 100));
    }
    const whileStalled = made.length;
    expect(whileStalled).toBeGreaterThan(0);
    expect(whileStalled).toBeLessThan(500);
    socket.destroy();
    expect(await send).toBe('stopped');
    expect(made.length).toBeLessThanOrEqual(whileStalled + 1);
  });
});
