import { connect, createServer, type Server, type Socket } from 'node:net';

/** A loopback TCP proxy that cuts some connections just as the server's response arrives. */
export interface DropProxy {
  url: string;
  /** Connections cut after the upstream answered (the server had committed). */
  drops: number;
  close(): Promise<void>;
}

/**
 * Proxies `target` (an http URL) and destroys both sockets instead of forwarding every
 * `every`-th response, so the client sees a dropped connection for a request the server handled.
 */
export async function startDropProxy(target: string, every: number): Promise<DropProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let responses = 0;
  const proxy: DropProxy = { url: '', drops: 0, close: async () => {} };
  const server: Server = createServer((client) => {
    const up = connect(Number(upstream.port), upstream.hostname);
    sockets.add(client).add(up);
    client.pipe(up);
    up.on('data', (chunk) => {
      if (++responses % every === 0) {
        proxy.drops++;
        client.destroy();
        up.destroy();
        return;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      up.destroy();
    };
    up.on('close', end).on('error', end);
    client.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  proxy.url = `http://127.0.0.1:${port}${upstream.pathname}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
