import path from 'node:path';
import { loadConfig } from '../config.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { MIGRATIONS_DIR, writeMigrationIndex } from './migration-index.ts';
import { initOrm } from './orm.ts';

const command = process.argv[2] ?? 'up';
const config = loadConfig();
const embedded = config.databaseUrl
  ? null
  : await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), { port: config.embeddedPgPort });
const orm = await initOrm(embedded?.url ?? config.databaseUrl ?? '', { migrate: false });
try {
  if (command === 'up') {
    const done = await orm.getMigrator().up();
    process.stdout.write(`applied ${done.length} migration(s)\n`);
  } else if (command === 'create') {
    // diff the entities against the schema as the existing migrations leave it
    await orm.getMigrator().up();
    const res = await orm.getMigrator().createMigration(MIGRATIONS_DIR);
    // the generated index lists the new file, so the next start runs it
    writeMigrationIndex();
    process.stdout.write(`created ${res.fileName || '(nothing to do)'}\n`);
  } else {
    throw new Error(`unknown command ${command}; use up or create`);
  }
} finally {
  await orm.close();
  await embedded?.stop();
}
