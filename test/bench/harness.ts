import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../server/db/embedded.ts';
import { START_ARGS } from '../helpers/start-args.ts';
import { adminQuery, withDatabase } from '../setup/database.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** A PostgreSQL database for one benchmark: DATABASE_URL's server, or an embedded one. */
export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database for a benchmark (the server migrates it at start). */
export async function benchDatabase(): Promise<BenchDatabase> {
  let base = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  let dir: string | null = null;
  if (!base) {
    dir = mkdtempSync(path.join(tmpdir(), 'trackql-bench-pg-'));
    chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres(path.join(dir, 'data'));
    base = pg.url;
    stopEmbedded = pg.stop;
  }
  const name = `trackql_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(base, `create database ${name}`);
  const url = withDatabase(base, name);
  return {
    url,
    async drop() {
      await adminQuery(base, `drop database if exists ${name} with (force)`);
      await stopEmbedded?.();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A trackql server process for a benchmark. */
export interface BenchServer {
  url: string;
  proc: ChildProcess;
  /** Resident set size of the server's whole process tree (the server and its children), in MiB. */
  rssMiB(): number;
  /**
   * Peak resident set size of the server's whole process tree so far, in MiB: the largest of the
   * tree's RSS sampled every 20 ms and the server's own peak (VmHWM) plus its children's RSS now.
   */
  peakRssMiB(): number;
  /** Starts a new peak window: {@link BenchServer.peakRssMiB} then covers only what follows. */
  resetPeakRss(): void;
  stop(): Promise<void>;
}

/** CPU time (user + system) of a process so far, in ms, from /proc (0 once it is gone). */
export function procCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU time so far of the PostgreSQL backends connected to `databaseUrl`'s database, in ms, when
 * PostgreSQL runs on this host (null otherwise). Read before and after a phase while the server's
 * pool keeps its connections open.
 */
export async function postgresCpuMs(databaseUrl: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    if (!rows.every((r) => existsSync(`/proc/${r.pid}/stat`))) return null;
    return rows.reduce((sum, r) => sum + procCpuMs(r.pid), 0);
  } finally {
    await client.end();
  }
}

function statusField(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Pids of every descendant of `pid` (children of all its threads, recursively), from /proc. */
export function descendantPids(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const c of children.split(' ').filter(Boolean)) {
      out.push(Number(c), ...descendantPids(Number(c)));
    }
  }
  return out;
}

/** Resident set size of `pid` and all its descendants, in MiB (0 once they are gone). */
export function treeRssMiB(pid: number): number {
  return [pid, ...descendantPids(pid)].reduce((sum, p) => sum + statusField(p, 'VmRSS'), 0);
}

/** Tracks the peak RSS of a process tree by sampling, plus the root's own high-water mark. */
function treeRssTracker(pid: number) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMiB(pid));
  }, 20);
  timer.unref();
  return {
    peak(): number {
      const children = descendantPids(pid).reduce((sum, p) => sum + statusField(p, 'VmRSS'), 0);
      peak = Math.max(peak, treeRssMiB(pid), statusField(pid, 'VmHWM') + children);
      return peak;
    },
    reset(): void {
      try {
        // "5" resets the kernel's peak RSS (VmHWM) of the process
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        // not allowed here: the sampled peak still restarts
      }
      peak = treeRssMiB(pid);
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * Starts the server as `npm start` does, in its own process against `databaseUrl`, on a free
 * loopback port (from the checkout named by `BENCH_SERVER_ROOT` when set).
 */
export function startBenchServer(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
): Promise<BenchServer> {
  // BENCH_SERVER_ROOT runs another checkout's server (before/after in one session)
  const proc = spawn(process.execPath, [...START_ARGS, ...nodeArgs, 'server/scripts/start.mjs'], {
    cwd: process.env.BENCH_SERVER_ROOT ?? root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d) => {
      out += String(d);
      const m = /"url":"([^"]+)"/.exec(out);
      if (m?.[1]) {
        proc.stdout?.removeAllListeners('data');
        proc.stdout?.resume();
        const rss = treeRssTracker(proc.pid!);
        resolve({
          url: m[1],
          proc,
          rssMiB: () => treeRssMiB(proc.pid!),
          peakRssMiB: () => rss.peak(),
          resetPeakRss: () => rss.reset(),
          stop: () =>
            new Promise<void>((done) => {
              rss.stop();
              proc.on('exit', () => done());
              proc.kill('SIGTERM');
            }),
        });
      }
    });
    proc.on('exit', (code) => reject(new Error(`bench server exited ${code}: ${out}`)));
  });
}

/** Creates a run (in the Default experiment unless `input` says otherwise) and returns its id. */
export async function benchRun(url: string, input: Record<string, unknown> = {}): Promise<string> {
  const data = await gql<{ createRun: { run: { runId: string } } }>(
    url,
    'mutation($input: CreateRunInput!) { createRun(input: $input) { ... on CreateRunSuccess { run { runId } } } }',
    { input },
  );
  return data.createRun.run.runId;
}

/** Posts a GraphQL operation and returns `data`, throwing on errors. */
export async function gql<T>(url: string, query: string, variables?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Percentile of a sorted-in-place sample. */
export function percentile(samples: number[], p: number): number {
  samples.sort((a, b) => a - b);
  return (
    samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))] ?? Number.NaN
  );
}

/** Prints one benchmark figure as a JSON line. */
export function report(figure: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...figure })}\n`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POSTs a JSON body over a keep-alive connection with node:http (lighter than fetch, so latency
 * figures carry less client overhead) and returns the response text.
 */
export function postJson(url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
