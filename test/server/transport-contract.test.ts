import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { createClient } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import {
  payloadReplacer,
  SpliceOrderError,
  splicePayloads,
  takeHandOver,
  tcp,
} from '../../server/modules/subscriptions/payload-splice.ts';
import { nodeStreamOf } from '../../server/modules/subscriptions/sse-push.ts';

// Contract tests for the fenced transport tricks (TRACKQL_TRANSPORT_FAST_PATHS): each pins a
// behaviour of a library that payload-splice.ts or sse-push.ts relies on, so an upgrade that
// changes it fails here rather than in production.

const root = path.resolve(import.meta.dirname, '../..');
const RELIED_ON = { 'graphql-ws': '6.4.2', ws: '8.23.0', '@whatwg-node/node-fetch': '0.8.6' };

describe('pins of the libraries the tricks touch', () => {
  it('are direct, exact dependencies, and the installed versions are those', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const [name, version] of Object.entries(RELIED_ON)) {
      expect(pkg.dependencies[name], name).toBe(version);
      const installed = JSON.parse(
        readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { version: string };
      expect(installed.version, name).toBe(version);
    }
  });
});

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Tick { n: Int!, who: String! }
  type Subscription { ticks(who: String!, count: Int!): Tick! }
`);

/** graphql-js's default subscribe resolver calls `roots.subscription.ticks(args)`. */
const roots = {
  subscription: {
    async *ticks({ who, count }: { who: string; count: number }) {
      for (let n = 0; n < count; n++) {
        yield { ticks: { n, who } };
        if (n % 3 === 0) await Promise.resolve();
      }
    },
  },
};

let server: Server | null = null;
let wss: WebSocketServer | null = null;
afterEach(async () => {
  wss?.close();
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = null;
  wss = null;
});

async function listenWs(setup: (wss: WebSocketServer) => void): Promise<string> {
  server = createServer();
  wss = new WebSocketServer({ server });
  setup(wss);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('graphql-ws 6.4.2 (payload-splice.ts)', () => {
  it('sends each message synchronously right after serialising it, so the checked hand-over splices every payload into its own message', async () => {
    let handedOver = 0;
    let late = 0;
    let sent = 0;
    const url = await listenWs((w) => {
      splicePayloads(w);
      // after the splice patch: count sends, and check each came before any microtask ran
      w.on('connection', (socket: WebSocket) => {
        const spliced = socket.send.bind(socket);
        (socket as { send: unknown }).send = (data: string, cb?: (err?: Error) => void) => {
          sent++;
          awaiting = false;
          spliced(data, cb);
        };
      });
      let awaiting = false;
      useServer(
        {
          schema,
          roots,
          jsonMessageReplacer(key, value) {
            const out = payloadReplacer.call(this, key, value);
            if (out !== value) {
              handedOver++;
              awaiting = true;
              queueMicrotask(() => {
                if (awaiting) late++;
              });
            }
            return out;
          },
        },
        w,
      );
    });
    const who = ['a', 'b', 'c', 'd', 'e', 'f'];
    const count = 40;
    const got = await Promise.all(
      who.map(async (name) => {
        const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
        const ticks: { n: number; who: string }[] = [];
        await new Promise<void>((resolve, reject) =>
          client.subscribe<{ ticks: { n: number; who: string } }>(
            {
              query: 'subscription($w: String!, $c: Int!) { ticks(who: $w, count: $c) { n who } }',
              variables: { w: name, c: count },
            },
            { next: (r) => ticks.push(r.data!.ticks), error: reject, complete: resolve },
          ),
        );
        await client.dispose();
        return ticks;
      }),
    );
    for (const [i, ticks] of got.entries()) {
      expect(ticks).toEqual(Array.from({ length: count }, (_, n) => ({ n, who: who[i] })));
    }
    expect(handedOver).toBeGreaterThanOrEqual(who.length * count);
    expect(sent).toBeGreaterThanOrEqual(handedOver);
    expect(late).toBe(0);
  });

  it('refuses a send whose placeholder is not the one last handed over, and sends nothing', async () => {
    const a = JSON.stringify(
      { id: '1', type: 'next', payload: { data: { x: 1 } } },
      payloadReplacer,
    );
    const b = JSON.stringify(
      { id: '2', type: 'next', payload: { data: { x: 2 } } },
      payloadReplacer,
    );
    expect(() => takeHandOver(a)).toThrow(SpliceOrderError);
    // and with nothing handed over at all
    expect(() => takeHandOver(b)).toThrow(SpliceOrderError);

    let received = 0;
    let thrown: unknown = null;
    const url = await listenWs((w) => {
      splicePayloads(w);
      w.on('connection', (socket: WebSocket) => {
        const first = JSON.stringify({ id: 'x', type: 'next', payload: { v: 1 } }, payloadReplacer);
        JSON.stringify({ id: 'y', type: 'next', payload: { v: 2 } }, payloadReplacer);
        try {
          socket.send(first);
        } catch (err) {
          thrown = err;
        }
        // a message without a placeholder still goes out (the closing marker for the client)
        socket.send('end');
      });
    });
    const client = new WebSocket(url);
    await new Promise<void>((resolve) =>
      client.on('message', (m) => {
        if (String(m) === 'end') resolve();
        else received++;
      }),
    );
    client.close();
    expect(thrown).toBeInstanceOf(SpliceOrderError);
    expect(received).toBe(0);
  });

  it('splices a matching hand-over, and ignores a placeholder anywhere but the payload', () => {
    const id = JSON.parse(JSON.stringify('\u0000trackql:shared-payload:1\u0000')) as string;
    const text = JSON.stringify({ id, type: 'next', payload: { v: 1 } }, payloadReplacer);
    const h = takeHandOver(text)!;
    expect(text.slice(0, h.at) + h.payload.text + text.slice(h.end)).toBe(
      JSON.stringify({ id, type: 'next', payload: { v: 1 } }),
    );
    expect(takeHandOver(JSON.stringify({ id, type: 'complete' }))).toBeNull();
  });
});

describe('ws 8.23.0 (payload-splice.ts)', () => {
  it('keeps the TCP socket as `_socket` and reassembles a message sent as fragments', async () => {
    const url = await listenWs((w) =>
      w.on('connection', (socket: WebSocket) => {
        const raw = tcp(socket);
        raw.cork();
        socket.send('{"head":', { fin: false });
        socket.send(Buffer.from('"shared bytes"'), { fin: false });
        socket.send('}', { fin: true });
        raw.uncork();
      }),
    );
    const client = new WebSocket(url);
    const message = await new Promise<string>((r) => client.on('message', (m) => r(String(m))));
    client.close();
    expect(JSON.parse(message)).toEqual({ head: 'shared bytes' });
  });
});

describe('yoga 5.24.1 on @whatwg-node/node-fetch 0.8.6 (sse-push.ts)', () => {
  it("serves a subscription's SSE body from a Node Readable whose pushed bytes reach the client in order", async () => {
    let pushed = false;
    const capture: Plugin = {
      onResultProcess({ result, resultProcessor, setResultProcessor }) {
        if (!resultProcessor || !(Symbol.asyncIterator in result)) return;
        const sse = resultProcessor;
        setResultProcessor(async (r, fetchAPI, mediaType) => {
          const response = await sse(r, fetchAPI, mediaType);
          const stream = nodeStreamOf(response);
          expect(stream).not.toBeNull();
          stream!.push(Buffer.from('event: next\ndata: {"data":{"pushed":true}}\n\n'));
          pushed = true;
          return response;
        }, 'text/event-stream');
      },
    };
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { ok: Boolean } type Subscription { ticks(count: Int!): Int! }',
        resolvers: {
          Subscription: {
            ticks: {
              subscribe: async function* (_: unknown, { count }: { count: number }) {
                for (let n = 0; n < count; n++) yield n;
              },
              resolve: (n: number) => n,
            },
          },
        },
      }),
      plugins: [capture],
    });
    const res = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { ticks(count: 2) }' }),
    });
    const text = await res.text();
    expect(pushed).toBe(true);
    const events = text.split('\n\n').filter((e) => e.startsWith('event: next'));
    expect(events.map((e) => JSON.parse(e.split('data: ')[1]!))).toEqual([
      { data: { pushed: true } },
      { data: { ticks: 0 } },
      { data: { ticks: 1 } },
    ]);
  });
});
