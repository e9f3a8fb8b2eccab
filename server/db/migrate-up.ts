import path from 'node:path';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { initMigratingOrm } from './orm.ts';

/**
 * Applies the pending migrations to the configured database (the embedded one under the data
 * folder when no `DATABASE_URL` is set, started and stopped around it); returns how many ran.
 */
export async function migrateUp(config: Config): Promise<number> {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), { port: config.embeddedPgPort });
  try {
    const orm = await initMigratingOrm(embedded?.url ?? config.databaseUrl ?? '');
    try {
      return (await orm.getMigrator().up()).length;
    } finally {
      await orm.close();
    }
  } finally {
    await embedded?.stop();
  }
}
