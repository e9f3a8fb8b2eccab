import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { createGraphQLError, createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.ts';
import { type AppDeps, type Context, createContext } from './context.ts';
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
import { RunFeeds } from './modules/subscriptions/run-feed.ts';
import { useSharedEventExecution } from './modules/subscriptions/shared-execution.ts';
import { useSsePush } from './modules/subscriptions/sse-push.ts';
import { createOtlpHandler, isOtlpTracesRequest } from './modules/traces/otlp.routes.ts';
import { createUiHandler, renderOfflineGraphiQL } from './modules/web-ui/public.ts';
import { useQueryJit } from './plugins/use-query-jit.ts';
import { useReadiness } from './plugins/use-readiness.ts';
import { schema } from './schema.ts';
import { createServices } from './services.ts';
import { Db } from './shared/db.ts';
import { DomainError, ValidationError } from './shared/errors.ts';

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
  /** Whether the subscription fast paths are on (`Config.transportFastPaths`); ws.ts reads it. */
  transportFastPaths: boolean;
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
    ? EventBus.redis(config.redisUrl, config.redisPrefix, logger)
    : EventBus.local(logger);
  const publisher = new Publisher(bus);
  const liveDb = new Db(orm.em.fork(), opts.onQuery);
  const feeds = new RunFeeds(bus, new MetricStore(liveDb), config.subscriptions);
  const liveSeries = new LiveSeriesHubs(liveDb, feeds, config.subscriptions);
  const authGate = new AuthGate(new Db(orm.em.fork(), opts.onQuery), config.security);
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
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    plugins: [
      useAuthGate(authGate, config.security),
      // fenced transport tricks (TRACKQL_TRANSPORT_FAST_PATHS): off, yoga's stock paths run
      ...(config.transportFastPaths ? [useSharedEventExecution(), useSsePush()] : []),
      useReadiness('/readyz', async () => {
        await orm.em.fork().getConnection().execute('select 1');
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
  // everything but yoga's own paths (gated by useAuthGate) passes the gate here first
  const gated = gateNodeRequests(
    authGate,
    config.security,
    new Set([yoga.graphqlEndpoint]),
    (req, res) => {
      if (req.url?.startsWith(ARTIFACTS_PREFIX)) void artifacts(req, res);
      else if (isOtlpTracesRequest(req.url)) void otlp(req, res);
      else if (mlflow.matches(req.url)) mlflow.handler(req, res);
      else yoga(req, res);
    },
  );
  // the web UI's files hold no data: served without credentials, so the page can ask for them
  const ui = config.uiDir ? createUiHandler(config.uiDir) : null;
  return {
    yoga,
    orm,
    handler: ui ? (req, res) => (ui.matches(req) ? ui.handle(req, res) : gated(req, res)) : gated,
    bus,
    authGate,
    liveSeries,
    feeds,
    transportFastPaths: config.transportFastPaths,
    endStreams: () => bus.endStreams(),
    close: async () => {
      bus.endStreams();
      await bus.close();
      await stores.close();
      await orm.close();
    },
  };
}
