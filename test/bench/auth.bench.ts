import http from 'node:http';
import {
  type BenchServer,
  benchDatabase,
  benchRun,
  percentile,
  postgresCpuMs,
  procCpuMs,
  report,
  startBenchServer,
} from './harness.ts';

/**
 * Cost of authentication and permissions on a cheap read: requests/s and p99 of one query against
 * a server with authentication off and one with it on (an admin's Bearer token and HTTP Basic, and
 * a non-admin user's Bearer token, whose reads go through the permission checks: its grants are
 * cached across requests, dropped on every change), both on one database, measured in interleaved
 * rounds of the same run (compare the ratios, not the absolute figures). Besides requests/s, each
 * mode reports the CPU time per request of the server process and of PostgreSQL's backends, which
 * a busy machine disturbs much less than throughput.
 */
const ADMIN = { username: 'bench-admin', password: 'bench-password-1' };
const CONCURRENCY = 8;
const PER_ROUND = Number(process.env.BENCH_AUTH_REQUESTS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(url: string, body: string, authorization?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(authorization ? { authorization } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`${res.statusCode}: ${text}`));
          else resolve(text);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function measure(server: BenchServer, body: string, authorization?: string) {
  const url = server.url;
  const latencies: number[] = [];
  let next = 0;
  const cpu0 = procCpuMs(server.proc.pid!);
  const pg0 = await postgresCpuMs(db.url);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < PER_ROUND) {
        const s = performance.now();
        await post(url, body, authorization);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const rps = PER_ROUND / ((performance.now() - t0) / 1000);
  const pg1 = await postgresCpuMs(db.url);
  const cpuUs = ((procCpuMs(server.proc.pid!) - cpu0) * 1000) / PER_ROUND;
  const pgUs = pg0 === null || pg1 === null ? 0 : ((pg1 - pg0) * 1000) / PER_ROUND;
  return { rps, p99: percentile(latencies, 99), cpuUs, pgUs };
}

const db = await benchDatabase();
const off = await startBenchServer(db.url);
const on = await startBenchServer(db.url, {
  TRACKQL_ADMIN_USERNAME: ADMIN.username,
  TRACKQL_ADMIN_PASSWORD: ADMIN.password,
});
try {
  const runId = await benchRun(off.url);
  const basic = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
  const created = JSON.parse(
    await post(
      on.url,
      JSON.stringify({
        query:
          'mutation { createApiToken(input: { name: "bench" }) { ... on CreateApiTokenSuccess { created { secret } } } }',
      }),
      basic,
    ),
  ) as { data: { createApiToken: { created: { secret: string } } } };
  const bearer = `Bearer ${created.data.createApiToken.created.secret}`;
  // a non-admin user with a few grants (none on the run's experiment: the default READ applies)
  const gql = (query: string, auth: string) => post(on.url, JSON.stringify({ query }), auth);
  await gql(
    'mutation { createUser(input: { username: "bench-user", password: "bench-password-2" }) { __typename } }',
    basic,
  );
  for (let i = 0; i < 5; i++) {
    const exp = JSON.parse(
      await gql(
        `mutation { createExperiment(input: { name: "bench-grant-${i}" }) { ... on CreateExperimentSuccess { experiment { experimentId } } } }`,
        basic,
      ),
    ) as { data: { createExperiment: { experiment: { experimentId: string } } } };
    const id = exp.data.createExperiment.experiment.experimentId;
    await gql(
      `mutation { setExperimentPermission(input: { experimentId: "${id}", username: "bench-user", permission: EDIT }) { __typename } }`,
      basic,
    );
  }
  const userBasic = `Basic ${Buffer.from('bench-user:bench-password-2').toString('base64')}`;
  const userToken = JSON.parse(
    await gql(
      'mutation { createApiToken(input: { name: "bench" }) { ... on CreateApiTokenSuccess { created { secret } } } }',
      userBasic,
    ),
  ) as { data: { createApiToken: { created: { secret: string } } } };
  const userBearer = `Bearer ${userToken.data.createApiToken.created.secret}`;
  const body = JSON.stringify({
    query: 'query($r: String!) { run(runId: $r) { runId status startTime } }',
    variables: { r: runId },
  });
  const modes = [
    { mode: 'off', server: off, auth: undefined },
    { mode: 'bearer', server: on, auth: bearer },
    { mode: 'basic', server: on, auth: basic },
    { mode: 'bearer-user', server: on, auth: userBearer },
  ];
  for (const m of modes) {
    // every mode must really read the run (a refused read would be cheaper)
    const first = await post(m.server.url, body, m.auth);
    if (!first.includes(runId)) throw new Error(`${m.mode} cannot read the run: ${first}`);
    await measure(m.server, body, m.auth); // warm up
  }
  const totals = new Map<string, { rps: number[]; p99: number[]; cpu: number[]; pg: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? modes : [...modes].reverse();
    for (const m of order) {
      const r = await measure(m.server, body, m.auth);
      const t = totals.get(m.mode) ?? { rps: [], p99: [], cpu: [], pg: [] };
      t.rps.push(r.rps);
      t.p99.push(r.p99);
      t.cpu.push(r.cpuUs);
      t.pg.push(r.pgUs);
      totals.set(m.mode, t);
    }
  }
  const median = (xs: number[]) => percentile([...xs], 50);
  const base = median(totals.get('off')!.rps);
  const offCpu = totals.get('off')!;
  const baseCpu = median(offCpu.cpu) + median(offCpu.pg);
  for (const [mode, t] of totals) {
    report({
      bench: 'auth-read',
      mode,
      concurrency: CONCURRENCY,
      requests: PER_ROUND * ROUNDS,
      rps: Math.round(median(t.rps)),
      p99Ms: Number(median(t.p99).toFixed(2)),
      rpsVsOff: Number((median(t.rps) / base).toFixed(3)),
      serverCpuUsPerReq: Math.round(median(t.cpu)),
      postgresCpuUsPerReq: Math.round(median(t.pg)),
      cpuVsOff: Number(((median(t.cpu) + median(t.pg)) / baseCpu).toFixed(3)),
    });
  }
} finally {
  await off.stop();
  await on.stop();
  await db.drop();
}
