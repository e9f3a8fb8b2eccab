import { loadConfig } from '../config.ts';
import { migrateUp } from '../db/migrate-up.ts';

/**
 * What the server-side commands (`db migrate`) run, bundled apart from the client commands as an
 * ES module (the embedded PostgreSQL package is one) and loaded only by them.
 */
export function migrate(env: NodeJS.ProcessEnv): Promise<number> {
  return migrateUp(loadConfig(env));
}

/** Loads {@link migrate} and its kin (`trackql.mjs` builds and imports their bundle). */
export type LoadServerTools = () => Promise<{ migrate: typeof migrate }>;
