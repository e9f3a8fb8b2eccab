import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonListStream } from '../../server/shared/http-json.ts';

let server: http.Server | null = null;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

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

describe('JsonListStream', () => {
  it('sends the whole list as one JSON document, chunk by chunk, with bigints exact', async () => {
    const made: [number, number][] = [];
    const { port } = await serve(
      () =>
        new JsonListStream(
          'metrics',
          10_001,
          (from, to) => {
            made.push([from, to]);
            return Array.from({ length: to - from }, (_, i) => ({
              i: from + i,
              step: from + i === 10_000 ? 2n ** 62n : from + i,
            }));
          },
          1000,
        ),
    );
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    const body = JSON.parse(text) as { metrics: { i: number }[] };
    expect(body.metrics).toHaveLength(10_001);
    expect(body.metrics.every((m, i) => m.i === i)).toBe(true);
    expect(text.endsWith(`{"i":10000,"step":${2n ** 62n}}]}`)).toBe(true);
    // items are made a chunk at a time, never the whole list at once
    expect(made).toHaveLength(11);
    expect(made.at(-1)).toEqual([10_000, 10_001]);
  });

  it('an empty list is an empty JSON list', async () => {
    const { port } = await serve(() => new JsonListStream('metrics', 0, () => []));
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).json()).toEqual({ metrics: [] });
  });

  it('stops making chunks once a client that stopped reading goes away', async () => {
    let chunks = 0;
    const { port, sends } = await serve(
      () =>
        new JsonListStream(
          'metrics',
          100_000,
          (from, to) => {
            chunks++;
            return Array.from({ length: to - from }, () => 'x'.repeat(1000));
          },
          100,
        ),
    );
    // a raw client that reads nothing: the server must wait for it, not buffer the whole list
    const socket = net.connect(port, '127.0.0.1');
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    socket.pause();
    // until the server has filled the socket's buffers and waits (100 MB in all, 100 KB a chunk)
    let seen = -1;
    for (let t = 0; t < 100 && (chunks === 0 || chunks !== seen); t++) {
      seen = chunks;
      await new Promise((r) => setTimeout(r, 100));
    }
    const whileStalled = chunks;
    expect(whileStalled).toBeGreaterThan(0);
    expect(whileStalled).toBeLessThan(500);
    socket.destroy();
    expect(await sends[0]).toBe('stopped');
    expect(chunks).toBeLessThanOrEqual(whileStalled + 1);
  });
});
