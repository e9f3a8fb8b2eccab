import { MikroORM, type Options } from '@mikro-orm/postgresql';
import pg from 'pg';
import { AssessmentSchema } from '../modules/assessments/assessment.entity.ts';
import { AuditEventSchema } from '../modules/audit/audit-event.entity.ts';
import { ApiTokenSchema, UserSchema } from '../modules/auth/auth.entity.ts';
import {
  ExperimentPermissionSchema,
  LoggedModelPermissionSchema,
} from '../modules/auth/permission.entity.ts';
import {
  DatasetInputSchema,
  DatasetSchema,
  InputTagSchema,
} from '../modules/datasets/dataset.entity.ts';
import { ExperimentSchema } from '../modules/experiments/experiment.entity.ts';
import { ExperimentTagSchema } from '../modules/experiments/experiment-tag.entity.ts';
import { LoggedModelSchema } from '../modules/logged-models/logged-model.entity.ts';
import {
  LoggedModelMetricSchema,
  LoggedModelParamSchema,
  LoggedModelTagSchema,
} from '../modules/logged-models/logged-model-data.entity.ts';
import { ParamSchema } from '../modules/params-tags/param.entity.ts';
import { RunTagSchema } from '../modules/params-tags/run-tag.entity.ts';
import { RunSchema } from '../modules/runs/run.entity.ts';
import { SpanSchema } from '../modules/traces/span.entity.ts';
import { TraceInfoSchema } from '../modules/traces/trace.entity.ts';
import { TraceTagSchema } from '../modules/traces/trace-tag.entity.ts';
import { migrationNamesList } from './migrations/names.ts';
import { applyFalsyKeyFix } from './orm-falsy-key-fix.ts';

/** Every entity the ORM manages. Metric segments and summaries, the run ↔ model edges, and trace metadata and run links are plain tables owned by set-based SQL. */
export const entities = [
  ExperimentSchema,
  ExperimentTagSchema,
  RunSchema,
  ParamSchema,
  RunTagSchema,
  DatasetSchema,
  DatasetInputSchema,
  InputTagSchema,
  LoggedModelSchema,
  LoggedModelTagSchema,
  LoggedModelParamSchema,
  LoggedModelMetricSchema,
  TraceInfoSchema,
  TraceTagSchema,
  SpanSchema,
  AssessmentSchema,
  UserSchema,
  ApiTokenSchema,
  ExperimentPermissionSchema,
  LoggedModelPermissionSchema,
  AuditEventSchema,
];

/**
 * Tables the migrations create that no entity maps: set-based SQL owns them (metric storage, batch
 * receipts, artifacts, run ↔ model edges, trace metadata and run links). Schema
 * diffs (`db:migration:create`, the entity/migration parity test) skip them.
 */
export const PLAIN_TABLES = [
  'artifacts',
  'batch_receipts',
  'logged_model_artifacts',
  'metric_segments',
  'metric_summaries',
  'run_model_inputs',
  'run_model_outputs',
  'trace_metadata',
  'trace_run_links',
];

/** Connection settings of {@link ormOptions} and {@link initOrm}. */
export interface OrmConnectOptions {
  poolSize?: number;
  /** Sees every SQL statement (used by tests). */
  onQuery?: (sql: string) => void;
  /**
   * PostgreSQL's `statement_timeout` (ms) on every pooled connection, sent when the connection
   * opens (embedded and external databases alike); unset or 0 = no limit.
   */
  statementTimeoutMs?: number;
}

/** Options for connecting MikroORM to `url`. */
export function ormOptions(url: string, opts: OrmConnectOptions = {}): Options {
  return {
    clientUrl: url,
    ...(opts.statementTimeoutMs
      ? { driverOptions: { connection: { statement_timeout: opts.statementTimeoutMs } } }
      : {}),
    entities,
    allowGlobalContext: false,
    pool: { min: 0, max: opts.poolSize ?? 10 },
    migrations: {
      // the list itself (migrations/index.ts) is added by initMigratingOrm
      transactional: true,
      snapshot: false,
      path: 'server/db/migrations',
      // a generated migration never drops a table or column; write drops by hand when meant
      safe: true,
      dropTables: false,
      emit: 'ts',
    },
    schemaGenerator: { skipTables: PLAIN_TABLES },
    debug: opts.onQuery ? ['query'] : false,
    logger: opts.onQuery ? (msg) => opts.onQuery?.(msg) : () => {},
    discovery: { warnWhenNoEntities: true },
  };
}

/**
 * Whether the database at `url` lacks any migration of {@link migrationNamesList} (also when it
 * has no migrations table yet); one query on a connection of its own.
 */
export async function hasPendingMigrations(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`select name from mikro_orm_migrations`);
    const applied = new Set(rows.map((r) => r.name));
    return migrationNamesList.some((name) => !applied.has(name));
  } catch (err) {
    if ((err as { code?: unknown }).code === '42P01') return true; // no migrations table
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Connects MikroORM with its migrator and every migration (`migrations/index.ts`), both loaded
 * here on demand: a serving process whose schema is current never loads them (~5 MiB of RSS).
 */
export async function initMigratingOrm(
  url: string,
  opts: OrmConnectOptions = {},
): Promise<MikroORM> {
  applyFalsyKeyFix();
  const [{ Migrator }, { migrationsList }] = await Promise.all([
    import('@mikro-orm/migrations'),
    import('./migrations/index.ts'),
  ]);
  const options = ormOptions(url, opts);
  return MikroORM.init({
    ...options,
    extensions: [Migrator],
    migrations: { ...options.migrations, migrationsList },
  });
}

/**
 * Connects to PostgreSQL and brings its schema up to date.
 *
 * @remarks Migrations run at every start that finds one pending; a fresh and an existing database
 * both come up. They run on connections of their own without the statement timeout (rewriting a
 * large table may take longer than any request should).
 */
export async function initOrm(
  url: string,
  opts: OrmConnectOptions & { migrate?: boolean } = {},
): Promise<MikroORM> {
  applyFalsyKeyFix();
  if (opts.migrate !== false && (await hasPendingMigrations(url))) {
    const migrating = await initMigratingOrm(url, { ...opts, statementTimeoutMs: 0 });
    try {
      await migrating.getMigrator().up();
    } finally {
      await migrating.close();
    }
  }
  return MikroORM.init(ormOptions(url, opts));
}
