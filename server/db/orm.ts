import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ApiTokenSchema, UserSchema } from '../modules/auth/auth.entity.ts';
import { ExperimentSchema } from '../modules/experiments/experiment.entity.ts';
import { LoggedModelSchema } from '../modules/logged-models/logged-model.entity.ts';
import {
  LoggedModelMetricSchema,
  LoggedModelParamSchema,
  LoggedModelTagSchema,
} from '../modules/logged-models/logged-model-data.entity.ts';
import { ExperimentTagSchema } from '../modules/params-tags/experiment-tag.entity.ts';
import { ParamSchema } from '../modules/params-tags/param.entity.ts';
import { RunTagSchema } from '../modules/params-tags/run-tag.entity.ts';
import { RunSchema } from '../modules/runs/run.entity.ts';
import { SpanSchema } from '../modules/traces/span.entity.ts';
import { TraceInfoSchema } from '../modules/traces/trace.entity.ts';
import { Migration20261126000000 } from './migrations/Migration20261126000000.ts';
import { Migration20261126100000 } from './migrations/Migration20261126100000.ts';
import { Migration20261126200000 } from './migrations/Migration20261126200000.ts';
import { Migration20261126210000 } from './migrations/Migration20261126210000.ts';
import { Migration20261126235000 } from './migrations/Migration20261126235000.ts';
import { Migration20261127000000 } from './migrations/Migration20261127000000.ts';
import { Migration20261127100000 } from './migrations/Migration20261127100000.ts';
import { Migration20261127200000 } from './migrations/Migration20261127200000.ts';
import { Migration20261127300000 } from './migrations/Migration20261127300000.ts';
import { Migration20261207060000 } from './migrations/Migration20261207060000.ts';

/** Every entity the ORM manages. Metric segments and summaries, the run ↔ model edges, and trace metadata and tags are plain tables owned by set-based SQL. */
export const entities = [
  ExperimentSchema,
  ExperimentTagSchema,
  RunSchema,
  ParamSchema,
  RunTagSchema,
  LoggedModelSchema,
  LoggedModelTagSchema,
  LoggedModelParamSchema,
  LoggedModelMetricSchema,
  TraceInfoSchema,
  SpanSchema,
  UserSchema,
  ApiTokenSchema,
];

/** Migrations in order; listed explicitly so no file globbing is needed under tsx. */
export const migrationsList = [
  { name: 'Migration20261126000000', class: Migration20261126000000 },
  { name: 'Migration20261126100000', class: Migration20261126100000 },
  { name: 'Migration20261126200000', class: Migration20261126200000 },
  { name: 'Migration20261126210000', class: Migration20261126210000 },
  { name: 'Migration20261126235000', class: Migration20261126235000 },
  { name: 'Migration20261127000000', class: Migration20261127000000 },
  { name: 'Migration20261127100000', class: Migration20261127100000 },
  { name: 'Migration20261127200000', class: Migration20261127200000 },
  { name: 'Migration20261127300000', class: Migration20261127300000 },
  { name: 'Migration20261207060000', class: Migration20261207060000 },
];

/** Options for connecting MikroORM to `url`; `onQuery` sees every SQL statement (used by tests). */
export function ormOptions(
  url: string,
  opts: { poolSize?: number; onQuery?: (sql: string) => void } = {},
): Options {
  return {
    clientUrl: url,
    entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    pool: { min: 0, max: opts.poolSize ?? 10 },
    migrations: {
      migrationsList,
      transactional: true,
      snapshot: false,
      path: 'server/db/migrations',
    },
    debug: opts.onQuery ? ['query'] : false,
    logger: opts.onQuery ? (msg) => opts.onQuery?.(msg) : () => {},
    discovery: { warnWhenNoEntities: true },
  };
}

/**
 * Connects to PostgreSQL and brings its schema up to date.
 *
 * @remarks Migrations run at every start; a fresh and an existing database both come up.
 */
export async function initOrm(
  url: string,
  opts: { poolSize?: number; onQuery?: (sql: string) => void; migrate?: boolean } = {},
): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, opts));
  if (opts.migrate !== false) await orm.getMigrator().up();
  return orm;
}
