import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

/**
 * The services a request can call. Empty here: the wiring (`server/services.ts`) fills it in by
 * declaration merging, so the foundation and the modules name the request context without
 * importing the wiring.
 */
// biome-ignore lint/suspicious/noEmptyInterface: completed by declaration merging in services.ts
export interface RequestServices {}

/** Who is calling: the user behind the request's token or password. */
export interface Viewer {
  userId: string;
  username: string;
  isAdmin: boolean;
}

/** Per-request context: a forked entity manager and services built on it. */
export interface Context {
  requestId: string;
  em: EntityManager;
  services: RequestServices;
  config: Config;
  logger: Logger;
  /** The authenticated caller; null when authentication is off. */
  viewer: Viewer | null;
}
