import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { createGraphQLError, createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.ts';
import { type AppDeps, type Context, createContext } from './context.ts';
import { withBodyDeadline } from './http-server.ts';
import type { Logger } from './logger.ts';
import { ARTIFACTS_PREFIX, createArtifactHandler } from './modules/artifacts/artifact.routes.ts';
import { ArtifactStores } from './modules/artifacts/stores/stores.ts';
import { AuthGate } from './modules/auth/auth.gate.ts';
import { gateNodeRequests, useAuthGate } from './modules/auth/auth.http.ts';
import { corsFor } from './modules/auth/request-policy.ts';
import { MLFLOW_ROUTES } from './modules/mlflow-rest/index.routes.ts';
import { createRestHandler } from './modules/mlflow-rest/rest.routes.ts';
import { TableStatistics } from './modules/search/table-statistics.ts';
import { EventBus } from './modules/subscriptions/event-bus.ts';
import { LiveSeriesHubs } from './modules/subscriptions/live-series.ts';
import { MetricStore } from './modules/subscriptions/metric-store.ts';
import { Publisher } from './modules/subscriptions/publisher.ts';
import { RunFeeds } from './modules/subscriptions/run-feeds.ts';
import { useSharedEventExecution } from './modules/subscriptions/shared-execution.ts';
import { useSsePush } from './modules/subscriptions/sse-push.ts';
import { Telemetry, useTelemetry } from './modules/telemetry/public.ts';
import { createOtlpHandler, isOtlpTracesRequest } from './modules/traces/otlp.routes.ts';
import { createUiHandler, renderOfflineGraphiQL } from './modules/web-ui/public.ts';
import { admitGraphQLBody, useDocumentLimits } from './plugins/use-document-limits.ts';
import { useQueryJit } from './plugins/use-query-jit.ts';
import { useReadiness } from './plugins/use-readiness.ts';
import { schema } from './schema.ts';
import { createServices } from './services.ts';
import { Db } from './shared/db.ts';
import { infrastructureError, infrastructureStatus } from './shared/db-errors.ts';
import { DomainError, ValidationError } from './shared/errors.ts';
import { withRequestScope } from './shared/request-scope.ts';

/** A built, not yet listening, trackql server. */
export interface App {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  orm: MikroORM;
  /**
   * The Node request listener to serve: the streaming artifact routes (`/artifacts/...`), OTLP
   * trace ingest (`POST /v1/traces`), MLflow's REST API (`/api/2.0/mlflow/...`), then yoga.
   *
   * @remarks Artifacts bypass yoga, which would buffer bodies in memory; OTLP is not GraphQL.
   */
  handler(req: IncomingMessage, res: ServerResponse): void;
  bus: EventBus;
  /** Checks credentials on every transport (WebSocket included, see `ws.ts`). */
  authGate: AuthGate;
  /** Live series being computed, shared by their subscribers. */
  liveSeries: LiveSeriesHubs;
  /** Runs' live batches, one feed per run with subscribers. */
  feeds: RunFeeds;
  /** Largest WebSocket message accepted (the GraphQL body limit); ws.ts reads it. */
  maxMessageBytes: number;
  /** Whether the subscription fast paths are on (`Config.transportFastPaths`); ws.ts reads it. */
  transportFastPaths: boolean;
  /** The Prometheus metrics served at `/metrics`. */
  telemetry: Telemetry;
  /** Ends every open subscription stream (call before draining connections at shutdown). */
  endStreams(): void;
  close(): Promise<void>;
}

/**
 * Builds the GraphQL server over an initialised ORM: context factory, health checks, error masking.
 *
 * @remarks Creates the Default experiment if it is missing. Does not listen; `main.ts` does.
 */
export async function createApp(
  orm: MikroORM,
  config: Config,
  logger: Logger,
  opts: { onQuery?: (sql: string) => void } = {},
): Promise<App> {
  const stores = new ArtifactStores(config);
  const bus = config.redisUrl
    ? await EventBus.redis(config.redisUrl, config.redisPrefix, logger)
    : EventBus.local(logger);
  const telemetry = new Telemetry({ pool: () => poolStats(orm) });
  const publisher = new Publisher(bus, (points) => telemetry.ingested(points));
  const liveDb = new Db(orm.em.fork(), opts.onQuery);
  const feeds = new RunFeeds(bus, new MetricStore(liveDb), config.subscriptions);
  const liveSeries = new LiveSeriesHubs(liveDb, feeds, config.subscriptions);
  const authGate = new AuthGate(new Db(orm.em.fork(), opts.onQuery), config.security, logger);
  // grants are cached across requests once changes from other instances can reach this one
  await authGate.start(orm.em.fork(), logger);
  // its own Db without onQuery: statistics upkeep is not part of any request's statements
  const tableStats = new TableStatistics(new Db(orm.em.fork()), logger, config.autoAnalyzeMs);
  const deps: AppDeps = {
    orm,
    config,
    logger,
    stores,
    bus,
    publisher,
    liveSeries,
    feeds,
    authGate,
    tableStats,
    onQuery: opts.onQuery,
  };
  const em = orm.em.fork();
  const startup = createServices({
    em,
    db: new Db(em),
    config,
    stores,
    bus,
    publisher,
    liveSeries,
    feeds,
    authGate,
    viewer: null,
    tableStats,
  });
  await startup.experiments.ensureDefault();
  const users = await startup.auth.ensureAdmin(config.security.admin);
  if (authGate.enabled && users === 0) {
    logger.warn('authentication is on but no user exists: set TRACKQL_ADMIN_USERNAME/PASSWORD');
  }
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: ({ request }) => createContext(deps, authGate.viewerOf(request)),
    logging: logger,
    maskedErrors: {
      maskError: (error, message, isDev) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        const infra = infrastructureError(original);
        if (infra) {
          // a real status (503/504), so clients and proxies see a retryable failure, not a 200
          return createGraphQLError(infra.message, {
            extensions: { code: infra.code, http: { status: infrastructureStatus(infra) } },
          });
        }
        if (original instanceof DomainError) {
          const extra = original instanceof ValidationError ? { field: original.field } : {};
          return createGraphQLError(original.message, {
            extensions: { code: original.code, ...extra },
          });
        }
        return maskError(error, message, isDev);
      },
    },
    graphiql: config.security.graphiql ? { title: 'trackql' } : false,
    // GraphiQL's scripts and styles inlined in the page: it works offline (no CDN)
    renderGraphiQL: renderOfflineGraphiQL,
    cors: (request) => corsFor(request.headers.get('origin'), config.security),
    // the body limit is the listener's (admitGraphQLBody: a declared Content-Length within
    // maxBodyBytes, which Node's parser then holds the body to) and the JSON parser's
    // (useDocumentLimits); yoga's own would pipe every body through a counting stream and a new
    // Request (~10 % of the server's CPU for a small request)
    maxRequestBodySize: false,
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    plugins: [
      useTelemetry(telemetry),
      useDocumentLimits(config.documentLimits),
      useAuthGate(authGate, config.security),
      // fenced transport tricks (TRACKQL_TRANSPORT_FAST_PATHS): off, yoga's stock paths run
      ...(config.transportFastPaths ? [useSharedEventExecution(), useSsePush()] : []),
      useReadiness('/readyz', {
        database: async () => {
          await orm.em.fork().getConnection().execute('select 1');
        },
        ...(config.redisUrl ? { redis: () => bus.ping() } : {}),
      }),
      // fenced executor switch (TRACKQL_GRAPHQL_JIT): off, graphql-tools' executor runs queries too
      ...(config.graphqlJit ? [useQueryJit()] : []),
    ],
  });
  const artifacts = createArtifactHandler({
    config,
    logger,
    artifacts: (req) => createContext(deps, authGate.viewerOf(req)).services.artifacts,
  });
  const otlp = createOtlpHandler({
    config,
    logger,
    traces: (req) => createContext(deps, authGate.viewerOf(req)).services.traces,
  });
  const mlflow = createRestHandler(
    { config, logger, services: (req) => createContext(deps, authGate.viewerOf(req)).services },
    MLFLOW_ROUTES,
  );
  const gated = gateNodeRequests(
    authGate,
    config.security,
    new Set([yoga.graphqlEndpoint]),
    (req, res) => {
      if (req.url?.startsWith(ARTIFACTS_PREFIX)) void artifacts(req, res);
      else if (isOtlpTracesRequest(req.url)) void otlp(req, res);
      else if (mlflow.matches(req.url)) mlflow.handler(req, res);
      else if (config.metrics.enabled && pathOf(req.url) === '/metrics') void telemetry.serve(res);
      else if (admitGraphQLBody(req, res, config.documentLimits.maxBodyBytes)) yoga(req, res);
    },
  );
  // the web UI's files hold no data: served without credentials, so the page can ask for them
  const ui = config.uiDir ? createUiHandler(config.uiDir) : null;
  const front: typeof gated = ui
    ? (req, res) => (ui.matches(req) ? ui.handle(req, res) : gated(req, res))
    : gated;
  return {
    yoga,
    orm,
    // everything but yoga's own paths (gated by useAuthGate) passes the gate here first
    // a client that disconnects cancels its request's running statements (request-scope.ts)
    handler: telemetry.observe(
      withBodyDeadline(
        withRequestScope(metricsDoor(config, telemetry, front)),
        config.connections.bodyTimeoutMs,
        // streaming uploads have their own idle timeout instead
        (url) => url.startsWith(ARTIFACTS_PREFIX) || url.includes('/mlflow-artifacts/'),
      ),
      (req) => classify(req, mlflow.matches(req.url)),
    ),
    bus,
    authGate,
    liveSeries,
    feeds,
    maxMessageBytes: config.documentLimits.maxBodyBytes,
    telemetry,
    transportFastPaths: config.transportFastPaths,
    endStreams: () => bus.endStreams(),
    close: async () => {
      bus.endStreams();
      await authGate.close();
      await bus.close();
      await stores.close();
      await orm.close();
    },
  };
}

function pathOf(url: string | undefined): string {
  const q = url?.indexOf('?') ?? -1;
  return q < 0 ? (url ?? '') : url!.slice(0, q);
}

/** Transport and fallback operation label of a request, for the request metrics. */
function classify(req: IncomingMessage, rest: boolean): [string, string] {
  const path = pathOf(req.url);
  const method = req.method ?? 'GET';
  if (path === '/graphql') return ['graphql', 'unparsed'];
  if (path.startsWith(ARTIFACTS_PREFIX)) return ['artifacts', method];
  if (isOtlpTracesRequest(req.url)) return ['otlp', `${method} /v1/traces`];
  if (rest)
    return ['rest', `${method} ${path.replace(/(mlflow-artifacts\/artifacts)\/.*$/, '$1/*')}`];
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return ['http', path];
  return ['http', 'other'];
}

/**
 * Opens `/metrics` to `TRACKQL_METRICS_TOKEN` (a scraper without a user account) before the
 * authentication gate; every other request, and `/metrics` without that token, goes through it.
 */
function metricsDoor(
  config: Config,
  telemetry: Telemetry,
  next: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  const token = config.metrics.token;
  if (!config.metrics.enabled || !token) return next;
  const expected = createHash('sha256').update(`Bearer ${token}`).digest();
  return (req, res) => {
    const given = req.headers.authorization;
    if (
      given !== undefined &&
      pathOf(req.url) === '/metrics' &&
      timingSafeEqual(createHash('sha256').update(given).digest(), expected)
    ) {
      void telemetry.serve(res);
    } else next(req, res);
  };
}

/** The ORM pool's connections (knex's tarn pool). */
function poolStats(orm: MikroORM): { used: number; free: number; pending: number } {
  const pool = (orm.em.getKnex().client as { pool?: TarnPool }).pool;
  return pool
    ? { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires() }
    : { used: 0, free: 0, pending: 0 };
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}
