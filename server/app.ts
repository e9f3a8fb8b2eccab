import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { createGraphQLError, createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.ts';
import { type AppDeps, type Context, createContext } from './context.ts';
import type { Logger } from './logger.ts';
import { ARTIFACTS_PREFIX, createArtifactHandler } from './modules/artifacts/artifact.routes.ts';
import { ArtifactStores } from './modules/artifacts/stores/stores.ts';
import { TableStatistics } from './modules/search/table-statistics.ts';
import { EventBus } from './modules/subscriptions/event-bus.ts';
import { LiveSeriesHubs } from './modules/subscriptions/live-series.ts';
import { MetricStore } from './modules/subscriptions/metric-store.ts';
import { Publisher } from './modules/subscriptions/publisher.ts';
import { RunFeeds } from './modules/subscriptions/run-feed.ts';
import { useSharedEventExecution } from './modules/subscriptions/shared-execution.ts';
import { useSsePush } from './modules/subscriptions/sse-push.ts';
import { createOtlpHandler, isOtlpTracesRequest } from './modules/traces/otlp.routes.ts';
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
   * trace ingest (`POST /v1/traces`), then yoga.
   *
   * @remarks Artifacts bypass yoga, which would buffer bodies in memory; OTLP is not GraphQL.
   */
  handler(req: IncomingMessage, res: ServerResponse): void;
  bus: EventBus;
  /** Live series being computed, shared by their subscribers. */
  liveSeries: LiveSeriesHubs;
  /** Runs' live batches, one feed per run with subscribers. */
  feeds: RunFeeds;
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
    tableStats,
    onQuery: opts.onQuery,
  };
  const em = orm.em.fork();
  await createServices({
    em,
    db: new Db(em),
    config,
    stores,
    bus,
    publisher,
    liveSeries,
    feeds,
    tableStats,
  }).experiments.ensureDefault();
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => createContext(deps),
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
    graphiql: { title: 'trackql' },
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    plugins: [
      useSharedEventExecution(),
      useSsePush(),
      useReadiness('/readyz', async () => {
        await orm.em.fork().getConnection().execute('select 1');
      }),
    ],
  });
  const artifacts = createArtifactHandler(deps);
  const otlp = createOtlpHandler(deps);
  return {
    yoga,
    orm,
    handler: (req, res) => {
      if (req.url?.startsWith(ARTIFACTS_PREFIX)) void artifacts(req, res);
      else if (isOtlpTracesRequest(req.url)) void otlp(req, res);
      else yoga(req, res);
    },
    bus,
    liveSeries,
    feeds,
    endStreams: () => bus.endStreams(),
    close: async () => {
      bus.endStreams();
      await bus.close();
      await stores.close();
      await orm.close();
    },
  };
}
