import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { benchDatabase, percentile, report, startBenchServer } from './harness.ts';

/**
 * Hostile clients against one server: slow-body connections (a byte a second) held open while
 * hostile GraphQL requests run (10,000 aliases, 100,000-deep nesting, a declared 20 MB body, a
 * search the planner takes seconds over, NUL characters); reports /healthz latency over a separate
 * connection and the server's peak RSS.
 */
const SLOW = Number(process.env.BENCH_SLOW_CONNECTIONS ?? 1000);
const HOSTILE = Number(process.env.BENCH_HOSTILE_QUERIES ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const SLOW_FILTER = Array.from({ length: 200 }, (_, i) => `params.p${i} = 'v'`).join(' AND ');
const HOSTILE_BODIES: (() => string)[] = [
  () =>
    JSON.stringify({
      query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    }),
  () => JSON.stringify({ query: `{ ${'a { '.repeat(100_000)}b${' }'.repeat(100_000)} }` }),
  () =>
    JSON.stringify({
      query:
        'query($f: String) { searchLoggedModels(experimentIds: ["0"], filter: $f) { edges { node { modelId } } } }',
      variables: { f: SLOW_FILTER },
    }),
  () => JSON.stringify({ query: '{ experimentByName(name: "a\\u0000b") { name } }' }),
];

function post(port: number, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

/** Declares a 20 MB body and sends its first bytes only: the server must refuse it unread. */
function hugeDeclared(port: number): Promise<number> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${20 * 1024 * 1024}\r\n\r\n{"query":"`,
      );
    });
    let head = '';
    s.on('data', (d: Buffer) => {
      head += d.toString('latin1');
    });
    s.on('close', () => resolve(Number(/^HTTP\/1.1 (\d+)/.exec(head)?.[1] ?? -1)));
    s.on('error', () => {});
  });
}

const db = await benchDatabase();
const server = await startBenchServer(db.url, { TRACKQL_STATEMENT_TIMEOUT_MS: '2000' });
const port = Number(new URL(server.url).port);
try {
  const slow: net.Socket[] = [];
  let slowClosed = 0;
  for (let i = 0; i < SLOW; i++) {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => {});
    s.on('close', () => slowClosed++);
    s.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`,
    );
    slow.push(s);
  }
  const trickle = setInterval(() => {
    for (const s of slow) if (!s.destroyed) s.write('x');
  }, 1000);

  server.resetPeakRss();
  const statuses: Record<string, number> = {};
  let sent = 0;
  const hostile = (async () => {
    const workers = Array.from({ length: 4 }, async () => {
      while (sent < HOSTILE) {
        const n = sent++;
        const status =
          n % 5 === 4 ? await hugeDeclared(port) : await post(port, HOSTILE_BODIES[n % 4]!());
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    });
    await Promise.all(workers);
  })();

  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let probeFailures = 0;
  const until = performance.now() + SECONDS * 1000;
  while (performance.now() < until) {
    const t0 = performance.now();
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode === 200));
        })
        .on('error', () => resolve(false));
    });
    if (ok) latencies.push(performance.now() - t0);
    else probeFailures++;
    await new Promise((r) => setTimeout(r, 50));
  }
  await hostile;
  clearInterval(trickle);
  report({
    bench: 'hostile',
    slowConnections: SLOW,
    slowClosedByServer: slowClosed,
    hostileRequests: sent,
    hostileStatuses: statuses,
    healthzProbes: latencies.length,
    healthzFailures: probeFailures,
    healthzP50Ms: Number(percentile(latencies, 50).toFixed(2)),
    healthzP99Ms: Number(percentile(latencies, 99).toFixed(2)),
    healthzMaxMs: Number(Math.max(...latencies).toFixed(2)),
    serverPeakRssMiB: Number(server.peakRssMiB().toFixed(1)),
  });
  for (const s of slow) s.destroy();
  agent.destroy();
} finally {
  await server.stop();
  await db.drop();
}
