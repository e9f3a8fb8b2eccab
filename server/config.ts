import path from 'node:path';
import { z } from 'zod';

const LogLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  TRACKQL_DATA_DIR: z.string().min(1).default('.trackql'),
  TRACKQL_EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  TRACKQL_ARTIFACT_ROOT: z.string().min(1).optional(),
  TRACKQL_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().url().optional(),
  LOG_LEVEL: LogLevel.default('info'),
});

/** Everything the server reads from its environment, parsed once. */
export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when absent the server starts an embedded one under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  /** Default artifact root for new experiments (a path or URI). */
  artifactRoot: string;
  dbPoolSize: number;
  redisUrl?: string;
  logLevel: LogLevel;
}

/**
 * Parses the process environment into a {@link Config}.
 *
 * @remarks This is the only place that reads `process.env` for server settings.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration: ${issues.join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.TRACKQL_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    embeddedPgPort: e.TRACKQL_EMBEDDED_PG_PORT,
    artifactRoot: e.TRACKQL_ARTIFACT_ROOT ?? path.join(dataDir, 'artifacts'),
    dbPoolSize: e.TRACKQL_DB_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
  };
}
