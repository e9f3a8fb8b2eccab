import path from 'node:path';
import { loadConfig } from '../config.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrateUp } from './migrate-up.ts';
import { MIGRATIONS_DIR, writeMigrationIndex } from './migration-index.ts';
import { initMigratingOrm } from './orm.ts';

const command = process.argv[2] ?? 'up';
const config = loadConfig();
if (command === 'up') {
  process.stdout.write(`applied ${await migrateUp(config)} migration(s)\n`);
} else if (command === 'create') {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), { port: config.embeddedPgPort });
  const orm = await initMigratingOrm(embedded?.url ?? config.databaseUrl ?? '');
  try {
    // diff the entities against the schema as the existing migrations leave it
    await orm.getMigrator().up();
    const res = await orm.getMigrator().createMigration(MIGRATIONS_DIR);
    // the generated index lists the new file, so the next start runs it
    writeMigrationIndex();
    process.stdout.write(`created ${res.fileName || '(nothing to do)'}\n`);
  } finally {
    await orm.close();
    await embedded?.stop();
  }
} else {
  throw new Error(`unknown command ${command}; use up or create`);
}
