import './production.ts';
import { accessSync, constants, statSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { type App, createApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './db/embedded.ts';
import { initOrm } from './db/orm.ts';
import { createHttpServer } from './http-server.ts';
import { createLogger, type Logger } from './logger.ts';
import { installTypeParsers } from './shared/db.ts';
import { attachWebSocket } from './ws.ts';

const DRAIN_MS = 10_000;

/** A start-up step that failed, with one line saying what to do about it. */
class StartupError extends Error {}

/** Runs one start-up step, turning its failure into a {@link StartupError} naming the step. */
async function step<T>(what: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new StartupError(`${what}: ${explain(err)}`);
  }
}

/** One line for an error and its causes (Node's and pg's codes kept, stacks dropped). */
function explain(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e && parts.length < 4; e = (e as { cause?: unknown }).cause) {
    const { message, code } = e as { message?: string; code?: string };
    const text = (message || String(e)).split('\n')[0]!;
    parts.push(code && !text.includes(code) ? `${text} (${code})` : text);
  }
  return parts.join(': ');
}

/** Fails unless `dir` (or the nearest folder above it that exists) is a writable folder. */
function assertWritable(dir: string): void {
  let at = dir;
  while (!statSafe(at) && path.dirname(at) !== at) at = path.dirname(at);
  if (!statSafe(at)?.isDirectory()) throw new Error(`${at} is not a folder`);
  accessSync(at, constants.W_OK);
}

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** Listens, rejecting on `EADDRINUSE` and other listen errors instead of waiting forever. */
function listen(server: Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`${config.host}:${config.port} is already in use; set PORT to a free port`)
          : err,
      ),
    );
    server.listen(config.port, config.host, () => resolve());
  });
}

interface Running {
  config: Config;
  logger: Logger;
  app: App;
  server: Server;
  webSocket: ReturnType<typeof attachWebSocket>;
  embedded: EmbeddedDatabase | null;
}

/** Starts everything; on failure, stops what was started and rethrows. */
async function start(): Promise<Running> {
  const config = await step('invalid configuration', () => loadConfig());
  const logger = createLogger(config.logLevel);
  const undo: (() => Promise<unknown>)[] = [];
  try {
    if (!config.databaseUrl || config.artifactRoot.startsWith(config.dataDir)) {
      await step(`data folder ${config.dataDir} (TRACKQL_DATA_DIR) is not usable`, () =>
        assertWritable(config.dataDir),
      );
    }
    const embedded = config.databaseUrl
      ? null
      : await step('the embedded PostgreSQL did not start', () =>
          startEmbeddedPostgres(path.join(config.dataDir, 'pg'), {
            port: config.embeddedPgPort,
            logger,
          }),
        );
    if (embedded) {
      undo.push(() => embedded.stop());
      logger.info('embedded postgres started', { dataDir: config.dataDir });
    }
    await installTypeParsers();
    const orm = await step('cannot use the database (DATABASE_URL)', async () => {
      const o = await initOrm(embedded?.url ?? config.databaseUrl ?? '', {
        poolSize: config.dbPoolSize,
        statementTimeoutMs: config.statementTimeoutMs,
      });
      undo.push(() => o.close());
      return o;
    });
    const app = await step('cannot build the server', () => createApp(orm, config, logger));
    undo.push(() => app.close());
    const server = createHttpServer(app.handler, config.connections);
    undo.push(() => new Promise((resolve) => server.close(resolve)));
    await step('cannot listen', () => listen(server, config));
    // after listening: graphql-ws would print a listen error the server reports in one line
    const webSocket = attachWebSocket(server, app);
    return { config, logger, app, server, webSocket, embedded };
  } catch (err) {
    for (const u of undo.reverse()) await u().catch(() => {});
    throw err;
  }
}

let running: Running;
try {
  running = await start();
} catch (err) {
  process.stderr.write(`trackql: cannot start: ${explain(err)}\n`);
  process.exit(1);
}
const { config, logger, app, server, webSocket, embedded } = running;
const addr = server.address();
const port = typeof addr === 'object' && addr ? addr.port : config.port;
logger.info('trackql listening', {
  url: `http://${config.host}:${port}/graphql`,
  auth: config.security.authEnabled ? 'on' : 'off',
});
if (!config.security.authEnabled && config.security.insecurePublicBind) {
  logger.warn(
    `INSECURE: listening on ${config.host} with authentication off (TRACKQL_INSECURE_PUBLIC_BIND_WITHOUT_AUTH): anyone who reaches this port can read and delete everything`,
  );
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  // live streams never finish by themselves: end them so the drain below can complete
  await webSocket.close();
  app.endStreams();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  clearTimeout(force);
  await app.close();
  await embedded?.stop();
  logger.info('stopped');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void shutdown(signal));
