import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { ArtifactStores } from './modules/artifacts/stores/stores.ts';
import type { TableStatistics } from './modules/search/table-statistics.ts';
import type { EventBus } from './modules/subscriptions/event-bus.ts';
import type { LiveSeriesHubs } from './modules/subscriptions/live-series.ts';
import type { Publisher } from './modules/subscriptions/publisher.ts';
import type { RunFeeds } from './modules/subscriptions/run-feed.ts';
import { createServices, type Services } from './services.ts';
import { Db } from './shared/db.ts';

/** App-scoped dependencies, created once by `createApp`. */
export interface AppDeps {
  orm: MikroORM;
  config: Config;
  logger: Logger;
  stores: ArtifactStores;
  /** Carries committed changes to subscriptions (in process or through Redis). */
  bus: EventBus;
  publisher: Publisher;
  /** The app's live series, shared by their subscribers. */
  liveSeries: LiveSeriesHubs;
  /** Runs' live batches, shared by their subscribers. */
  feeds: RunFeeds;
  /** Keeps the search tables' planner statistics fresh. */
  tableStats: TableStatistics;
  /** Sees every raw SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
}

/** Per-request context: a forked entity manager and services built on it. */
export interface Context {
  requestId: string;
  em: EntityManager;
  services: Services;
  config: Config;
  logger: Logger;
}

/** Builds the context for one GraphQL operation (HTTP, SSE or WebSocket). */
export function createContext(deps: AppDeps): Context {
  const em = deps.orm.em.fork();
  const db = new Db(em, deps.onQuery);
  return {
    requestId: randomUUID(),
    em,
    services: createServices({
      em,
      db,
      config: deps.config,
      stores: deps.stores,
      bus: deps.bus,
      publisher: deps.publisher,
      liveSeries: deps.liveSeries,
      feeds: deps.feeds,
      tableStats: deps.tableStats,
    }),
    config: deps.config,
    logger: deps.logger,
  };
}
