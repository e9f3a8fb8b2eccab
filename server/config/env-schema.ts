import { en } from 'zod/locales';
import * as z from 'zod/mini';

// The shape of the environment variables the server reads. Only `server/config.ts` applies it to
// the process environment (it is the one reader of the environment).
//
// zod/mini is zod's functional form: `npm start`'s bundle keeps only the parts used here (zod's full
// form loads every locale and method, ~1.5 MB of source held in memory for the server's life).
// English messages, as zod's full form gives them.
z.config(en());

const OnOff = z.enum(['on', 'off', 'true', 'false', '1', '0']);
export const isOn = (v: string | undefined): boolean | undefined =>
  v === undefined ? undefined : ['on', 'true', '1'].includes(v);

export const LogLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']);
export type LogLevel = z.infer<typeof LogLevel>;

/** An integer read from the variable's text, at least `min` (and at most `max`). */
const int = (min: number, max?: number) =>
  z.coerce.number().check(z.int(), z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));
/** A string of at least `min` characters. */
const text = (min: number) => z.string().check(z.minLength(min));
const url = () => z.optional(z.string().check(z.url()));
const Bool = z.enum(['true', 'false', '1', '0']);

export const EnvSchema = z.object({
  PORT: z._default(int(0, 65535), 4000),
  HOST: z._default(text(1), '127.0.0.1'),
  DATABASE_URL: url(),
  TRACKQL_DATA_DIR: z._default(text(1), '.trackql'),
  TRACKQL_EMBEDDED_PG_PORT: z._default(int(0, 65535), 0),
  TRACKQL_ARTIFACT_ROOT: z.optional(text(1)),
  TRACKQL_DB_POOL_SIZE: z._default(int(1, 200), 10),
  TRACKQL_STATEMENT_TIMEOUT_MS: z._default(int(0), 30_000),
  TRACKQL_METRICS: z.optional(OnOff),
  TRACKQL_METRICS_TOKEN: z.optional(text(16)),
  TRACKQL_HEADERS_TIMEOUT_MS: z._default(int(1000), 20_000),
  TRACKQL_BODY_TIMEOUT_MS: z._default(int(0), 30_000),
  TRACKQL_MAX_CONNECTIONS: z._default(int(1), 1024),
  TRACKQL_GRAPHQL_MAX_BODY_BYTES: z._default(int(1024), 16 * 1024 ** 2),
  TRACKQL_GRAPHQL_MAX_TOKENS: z._default(int(100), 20_000),
  TRACKQL_GRAPHQL_MAX_DEPTH: z._default(int(4, 1000), 32),
  TRACKQL_GRAPHQL_MAX_ALIASES: z._default(int(0), 256),
  TRACKQL_MAX_STRING_LENGTH: z._default(int(1024), 1024 ** 2),
  REDIS_URL: url(),
  TRACKQL_S3_ENDPOINT: url(),
  TRACKQL_S3_FORCE_PATH_STYLE: z.optional(Bool),
  AWS_REGION: z.optional(text(1)),
  AWS_ACCESS_KEY_ID: z.optional(text(1)),
  AWS_SECRET_ACCESS_KEY: z.optional(text(1)),
  TRACKQL_ARTIFACT_MAX_UPLOAD_BYTES: z.optional(int(1)),
  TRACKQL_OTLP_MAX_BODY_BYTES: z._default(int(1024), 16 * 1024 ** 2),
  TRACKQL_REDIS_PREFIX: z._default(z.string(), 'trackql:'),
  TRACKQL_SUB_MAX_BUFFERED_POINTS: z._default(int(1000), 100_000),
  TRACKQL_SUB_MAX_BUFFERED_EVENTS: z._default(int(10), 5_000),
  TRACKQL_SUB_MAX_EVENT_POINTS: z._default(int(1), 10_000),
  TRACKQL_SUB_GAP_WAIT_MS: z._default(int(0), 50),
  TRACKQL_SUB_FRAME_MS: z._default(int(0, 1000), 16),
  TRACKQL_SUB_MAX_FRAME_MS: z._default(int(0, 5000), 128),
  TRACKQL_TRANSPORT_FAST_PATHS: z._default(Bool, 'true'),
  TRACKQL_GRAPHQL_JIT: z.optional(OnOff),
  TRACKQL_AUTO_ANALYZE_MS: z._default(int(-1), 2000),
  LOG_LEVEL: z._default(LogLevel, 'info'),
  TRACKQL_MLFLOW_STATIC_PREFIX: z._default(
    z.string().check(z.regex(/^(\/.*[^/])?$/, 'must start with / and not end with /')),
    '',
  ),
  TRACKQL_AUTH: z.optional(OnOff),
  TRACKQL_ADMIN_USERNAME: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  TRACKQL_ADMIN_PASSWORD: z.optional(text(1)),
  TRACKQL_AUTH_CACHE_MS: z._default(int(0, 300_000), 10_000),
  TRACKQL_DEFAULT_PERMISSION: z._default(
    z.enum(['READ', 'EDIT', 'MANAGE', 'NO_PERMISSIONS']),
    'READ',
  ),
  TRACKQL_INSECURE_PUBLIC_BIND_WITHOUT_AUTH: z.optional(OnOff),
  TRACKQL_CORS_ORIGINS: z.optional(z.string()),
  TRACKQL_GRAPHIQL: z.optional(OnOff),
  TRACKQL_INTROSPECTION: z.optional(OnOff),
  TRACKQL_ARTIFACT_ALLOWED_ROOTS: z.optional(z.string()),
  TRACKQL_UI_DIR: z.optional(text(1)),
});
