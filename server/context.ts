import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { ArtifactStores } from './modules/artifacts/stores/stores.ts';
import type { AuthGate, Viewer } from './modules/auth/auth.gate.ts';
import type { TableStatistics } from './modules/search/table-statistics.ts';
import type { EventBus } from './modules/subscriptions/event-bus.ts';
import type { LiveSeriesHubs } from './modules/subscriptions/live-series.ts';
import type { Publisher } from './modules/subscriptions/publisher.ts';
import type { RunFeeds } from './modules/subscriptions/run-feeds.ts';
import { createServices } from './services.ts';
import { Db } from './shared/db.ts';
import type { Context } from './shared/request-context.ts';

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
  /** Checks credentials; binds each admitted request to its viewer. */
  authGate: AuthGate;
  /** Keeps the search tables' planner statistics fresh. */
  tableStats: TableStatistics;
  /** Sees every raw SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
}

export type { Context } from './shared/request-context.ts';

/** Builds the context for one GraphQL operation (HTTP, SSE or WebSocket). */
export function createContext(deps: AppDeps, viewer: Viewer | null = null): Context {
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
      authGate: deps.authGate,
      viewer,
      tableStats: deps.tableStats,
    }),
    config: deps.config,
    logger: deps.logger,
    viewer,
  };
}
