import { z } from 'zod';

// The shape of the environment variables the server reads. Only `server/config.ts` applies it to
// the process environment (it is the one reader of the environment).

const OnOff = z.enum(['on', 'off', 'true', 'false', '1', '0']);
export const isOn = (v: string | undefined): boolean | undefined =>
  v === undefined ? undefined : ['on', 'true', '1'].includes(v);

export const LogLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  TRACKQL_DATA_DIR: z.string().min(1).default('.trackql'),
  TRACKQL_EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  TRACKQL_ARTIFACT_ROOT: z.string().min(1).optional(),
  TRACKQL_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TRACKQL_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  TRACKQL_METRICS: OnOff.optional(),
  TRACKQL_METRICS_TOKEN: z.string().min(16).optional(),
  TRACKQL_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20_000),
  TRACKQL_BODY_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  TRACKQL_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(1024),
  TRACKQL_GRAPHQL_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 ** 2),
  TRACKQL_GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(20_000),
  TRACKQL_GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(4).max(1000).default(32),
  TRACKQL_GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(256),
  TRACKQL_MAX_STRING_LENGTH: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 ** 2),
  REDIS_URL: z.string().url().optional(),
  TRACKQL_S3_ENDPOINT: z.string().url().optional(),
  TRACKQL_S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).optional(),
  AWS_REGION: z.string().min(1).optional(),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  TRACKQL_ARTIFACT_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).optional(),
  TRACKQL_OTLP_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 ** 2),
  TRACKQL_REDIS_PREFIX: z.string().default('trackql:'),
  TRACKQL_SUB_MAX_BUFFERED_POINTS: z.coerce.number().int().min(1000).default(100_000),
  TRACKQL_SUB_MAX_BUFFERED_EVENTS: z.coerce.number().int().min(10).default(5_000),
  TRACKQL_SUB_MAX_EVENT_POINTS: z.coerce.number().int().min(1).default(10_000),
  TRACKQL_SUB_GAP_WAIT_MS: z.coerce.number().int().min(0).default(50),
  TRACKQL_SUB_FRAME_MS: z.coerce.number().int().min(0).max(1000).default(16),
  TRACKQL_SUB_MAX_FRAME_MS: z.coerce.number().int().min(0).max(5000).default(128),
  TRACKQL_TRANSPORT_FAST_PATHS: z.enum(['true', 'false', '1', '0']).default('true'),
  TRACKQL_GRAPHQL_JIT: OnOff.optional(),
  TRACKQL_AUTO_ANALYZE_MS: z.coerce.number().int().min(-1).default(2000),
  LOG_LEVEL: LogLevel.default('info'),
  TRACKQL_MLFLOW_STATIC_PREFIX: z
    .string()
    .regex(/^(\/.*[^/])?$/, 'must start with / and not end with /')
    .default(''),
  TRACKQL_AUTH: OnOff.optional(),
  TRACKQL_ADMIN_USERNAME: z.string().min(1).max(256).optional(),
  TRACKQL_ADMIN_PASSWORD: z.string().min(1).optional(),
  TRACKQL_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  TRACKQL_DEFAULT_PERMISSION: z.enum(['READ', 'EDIT', 'MANAGE', 'NO_PERMISSIONS']).default('READ'),
  TRACKQL_INSECURE_PUBLIC_BIND_WITHOUT_AUTH: OnOff.optional(),
  TRACKQL_CORS_ORIGINS: z.string().optional(),
  TRACKQL_GRAPHIQL: OnOff.optional(),
  TRACKQL_INTROSPECTION: OnOff.optional(),
  TRACKQL_ARTIFACT_ALLOWED_ROOTS: z.string().optional(),
  TRACKQL_UI_DIR: z.string().min(1).optional(),
});
