import './production.ts';
import { createServer } from 'node:http';
import path from 'node:path';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { initOrm } from './db/orm.ts';
import { createLogger } from './logger.ts';
import { installTypeParsers } from './shared/db.ts';
import { attachWebSocket } from './ws.ts';

const DRAIN_MS = 10_000;

const config = loadConfig();
const logger = createLogger(config.logLevel);

const embedded = config.databaseUrl
  ? null
  : await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), {
      port: config.embeddedPgPort,
      logger,
    });
if (embedded) logger.info('embedded postgres started', { dataDir: config.dataDir });
await installTypeParsers();
const orm = await initOrm(embedded?.url ?? config.databaseUrl ?? '', {
  poolSize: config.dbPoolSize,
});
const app = await createApp(orm, config, logger);
const server = createServer(app.handler);
server.keepAliveTimeout = 65_000;
// multi-gigabyte artifact uploads outlast the default 5-minute limit; their routes use an idle timeout
server.requestTimeout = 0;
const webSocket = attachWebSocket(server, app);

await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
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
