import path from 'node:path';
import { z } from 'zod';

const OnOff = z.enum(['on', 'off', 'true', 'false', '1', '0']);
const isOn = (v: string | undefined): boolean | undefined =>
  v === undefined ? undefined : ['on', 'true', '1'].includes(v);

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
  /** Longest a database statement may run (ms) before PostgreSQL cancels it; 0 = no limit. */
  statementTimeoutMs: number;
  /** Bounds on slow or numerous clients of the HTTP listener. */
  connections: ConnectionLimits;
  /** The Prometheus endpoint `/metrics`. */
  metrics: MetricsConfig;
  /** Bounds on GraphQL requests, checked before parsing and validation. */
  documentLimits: DocumentLimits;
  /** Redis for cross-instance subscriptions; when absent events stay in process. */
  redisUrl?: string;
  /** S3-compatible object store used by `s3://bucket/prefix` artifact locations. */
  s3: S3Config;
  /** Largest artifact accepted by one upload, in bytes. */
  artifactMaxUploadBytes: number;
  /** Largest OTLP export accepted by `POST /v1/traces`, in bytes after inflating. */
  otlpMaxBodyBytes: number;
  /** Prefix of the Redis channels, so deployments can share a Redis. */
  redisPrefix: string;
  subscriptions: SubscriptionLimits;
  /**
   * The subscription transport's fast paths (shared execution, payload splicing, direct pushes to
   * WebSocket and SSE streams); off, the stock graphql-ws and yoga paths serve every subscriber.
   */
  transportFastPaths: boolean;
  /**
   * Queries run on graphql-jit's compiled executor (one compiled function per query document);
   * off, graphql-tools' executor runs them, as it always runs mutations and subscriptions.
   */
  graphqlJit: boolean;
  /**
   * Least time (ms) between two checks of the search tables' planner statistics before a search
   * (stale tables are analyzed by the server); -1 switches the checks off.
   */
  autoAnalyzeMs: number;
  logLevel: LogLevel;
  /** Prefix before MLflow's REST paths (`/api/2.0/mlflow/...`), like `mlflow server --static-prefix`. */
  mlflowStaticPrefix: string;
  /** Authentication and the browser-facing safety checks. */
  security: SecurityConfig;
  /**
   * Roots under which clients may place an experiment's artifacts (`createExperiment`'s
   * `artifactLocation`): local absolute paths and `s3://bucket[/prefix]` URIs.
   */
  artifactAllowedRoots: string[];
  /** Folder of the built web UI served at `/`; unset: no UI (`npm start` builds and sets it). */
  uiDir?: string;
}

/** The Prometheus endpoint. */
export interface MetricsConfig {
  /** Serve `/metrics` (default: on when listening on loopback). */
  enabled: boolean;
  /**
   * A bearer token that opens `/metrics` on its own (for a scraper without a user account); with
   * authentication on and no token, `/metrics` takes any user's credentials like every route.
   */
  token?: string;
}

/** Bounds on slow or numerous clients of the HTTP listener. */
export interface ConnectionLimits {
  /** Time (ms) a client has to send a request's headers. */
  headersTimeoutMs: number;
  /** Time (ms) a client has to send a whole request body (artifact uploads excepted); 0 = none. */
  bodyTimeoutMs: number;
  /** Most sockets open at once; further connections are closed at accept. */
  maxConnections: number;
}

/** Bounds on a GraphQL request, checked before any work that grows faster than its size. */
export interface DocumentLimits {
  /** Largest request body (bytes), refused by the listener before it is read. */
  maxBodyBytes: number;
  /** Most lexical tokens in a document (graphql-js's `maxTokens`, enforced while parsing). */
  maxTokens: number;
  /** Deepest nesting of `{`, `(` and `[` in a document or of objects and lists in its variables. */
  maxDepth: number;
  /** Most aliased fields in a document. */
  maxAliases: number;
  /** Most selections (fields, fragment spreads, inline fragments) in a document. */
  maxSelections: number;
  /** Longest string (UTF-16 code units) in a document's literals or its variables. */
  maxStringLength: number;
}

/** Authentication, CORS and the other defaults that keep a server safe to run. */
export interface SecurityConfig {
  /** Every request must carry a valid token or password (`/healthz` and `/readyz` excepted). */
  authEnabled: boolean;
  /** Admin account made (or whose password is reset) at start, when both are set. */
  admin?: { username: string; password: string };
  /** How long a verified credential is trusted without checking again (ms); 0 disables the cache. */
  authCacheMs: number;
  /**
   * What a non-admin user may do with an experiment (or logged model) nobody granted it anything
   * on (MLflow's `default_permission`).
   */
  defaultPermission: 'READ' | 'EDIT' | 'MANAGE' | 'NO_PERMISSIONS';
  /** Browser origins allowed to call the API cross-site (exact `scheme://host[:port]`). */
  corsOrigins: string[];
  /** Serve GraphiQL at the GraphQL endpoint. */
  graphiql: boolean;
  /** Answer introspection queries (`__schema`, `__type`). */
  introspection: boolean;
  /** Listening beyond loopback with authentication off was explicitly allowed. */
  insecurePublicBind: boolean;
  /**
   * scrypt cost of new password hashes; unset = the production cost. Not read from the
   * environment: only tests lower it, so that they do not spend seconds per hash on a busy machine.
   */
  kdfCost?: { logN: number; r: number; p: number };
}

/** Connection settings for `s3://` artifact locations. */
export interface S3Config {
  /** Endpoint of an S3-compatible store (MinIO, s3rver...); unset = AWS. */
  endpoint?: string;
  region: string;
  /** Path-style addressing (`endpoint/bucket/key`); default true when an endpoint is set. */
  forcePathStyle: boolean;
  /** Static credentials; unset = the AWS SDK's default provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Per-subscriber bounds of live streams. */
export interface SubscriptionLimits {
  /** Metric points buffered for one subscriber before it is cut off as lagging. */
  maxBufferedPoints: number;
  /** Events (batches, run changes) buffered for one subscriber before it is cut off as lagging. */
  maxBufferedEvents: number;
  /** Points coalesced into one event when a subscriber is behind. */
  maxEventPoints: number;
  /** How long a missing sequence number may stay missing before it is read from storage. */
  gapWaitMs: number;
  /**
   * Frame length (ms) for pacing bursts: while commits come faster than this, a subscriber gets at
   * most one coalesced event per frame; 0 sends every event at once.
   */
  frameMs: number;
  /**
   * Longest frame while the server is overloaded (event loop ≥ 80 % busy): frames double from
   * `frameMs` up to this, and shrink back when the load drops; at or below `frameMs`, frames never
   * stretch.
   */
  maxFrameMs: number;
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
  const artifactRoot = e.TRACKQL_ARTIFACT_ROOT ?? path.join(dataDir, 'artifacts');
  if ((e.TRACKQL_ADMIN_USERNAME === undefined) !== (e.TRACKQL_ADMIN_PASSWORD === undefined)) {
    throw new Error(
      'Invalid configuration: set both TRACKQL_ADMIN_USERNAME and TRACKQL_ADMIN_PASSWORD, or neither',
    );
  }
  const admin =
    e.TRACKQL_ADMIN_USERNAME && e.TRACKQL_ADMIN_PASSWORD
      ? { username: e.TRACKQL_ADMIN_USERNAME, password: e.TRACKQL_ADMIN_PASSWORD }
      : undefined;
  const loopback = isLoopbackHost(e.HOST);
  const security: SecurityConfig = {
    authEnabled: isOn(e.TRACKQL_AUTH) ?? admin !== undefined,
    admin,
    authCacheMs: e.TRACKQL_AUTH_CACHE_MS,
    defaultPermission: e.TRACKQL_DEFAULT_PERMISSION,
    corsOrigins: splitList(e.TRACKQL_CORS_ORIGINS).map((o) => normalizeOrigin(o)),
    graphiql: isOn(e.TRACKQL_GRAPHIQL) ?? loopback,
    introspection: isOn(e.TRACKQL_INTROSPECTION) ?? loopback,
    insecurePublicBind: isOn(e.TRACKQL_INSECURE_PUBLIC_BIND_WITHOUT_AUTH) ?? false,
  };
  if (!loopback && !security.authEnabled && !security.insecurePublicBind) {
    throw new Error(
      `Refusing to listen on HOST=${e.HOST} with authentication off: anyone who reaches it could read and delete everything. ` +
        'Configure TRACKQL_AUTH=on with TRACKQL_ADMIN_USERNAME/TRACKQL_ADMIN_PASSWORD, bind to 127.0.0.1, ' +
        'or set TRACKQL_INSECURE_PUBLIC_BIND_WITHOUT_AUTH=on if something in front of the server authenticates.',
    );
  }
  const artifactAllowedRoots = e.TRACKQL_ARTIFACT_ALLOWED_ROOTS
    ? splitList(e.TRACKQL_ARTIFACT_ALLOWED_ROOTS)
    : [/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(artifactRoot) ? artifactRoot : path.resolve(artifactRoot)];
  for (const root of artifactAllowedRoots) {
    if (!/^(s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/|$)|file:\/|\/)/.test(root)) {
      throw new Error(
        `Invalid configuration: TRACKQL_ARTIFACT_ALLOWED_ROOTS entry '${root}' must be an absolute path, a file: URI or an s3://bucket URI`,
      );
    }
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    embeddedPgPort: e.TRACKQL_EMBEDDED_PG_PORT,
    artifactRoot,
    dbPoolSize: e.TRACKQL_DB_POOL_SIZE,
    statementTimeoutMs: e.TRACKQL_STATEMENT_TIMEOUT_MS,
    metrics: {
      enabled: isOn(e.TRACKQL_METRICS) ?? loopback,
      token: e.TRACKQL_METRICS_TOKEN,
    },
    connections: {
      headersTimeoutMs: e.TRACKQL_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: e.TRACKQL_BODY_TIMEOUT_MS,
      maxConnections: e.TRACKQL_MAX_CONNECTIONS,
    },
    documentLimits: {
      maxBodyBytes: e.TRACKQL_GRAPHQL_MAX_BODY_BYTES,
      maxTokens: e.TRACKQL_GRAPHQL_MAX_TOKENS,
      maxDepth: e.TRACKQL_GRAPHQL_MAX_DEPTH,
      maxAliases: e.TRACKQL_GRAPHQL_MAX_ALIASES,
      // pairs of same-named fields are compared by validation: bounded with the aliases
      maxSelections: 2000,
      maxStringLength: e.TRACKQL_MAX_STRING_LENGTH,
    },
    redisUrl: e.REDIS_URL,
    s3: {
      endpoint: e.TRACKQL_S3_ENDPOINT,
      region: e.AWS_REGION ?? 'us-east-1',
      forcePathStyle:
        e.TRACKQL_S3_FORCE_PATH_STYLE === undefined
          ? e.TRACKQL_S3_ENDPOINT !== undefined
          : ['true', '1'].includes(e.TRACKQL_S3_FORCE_PATH_STYLE),
      credentials:
        e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY
          ? { accessKeyId: e.AWS_ACCESS_KEY_ID, secretAccessKey: e.AWS_SECRET_ACCESS_KEY }
          : undefined,
    },
    artifactMaxUploadBytes: e.TRACKQL_ARTIFACT_MAX_UPLOAD_BYTES ?? 64 * 1024 ** 3,
    otlpMaxBodyBytes: e.TRACKQL_OTLP_MAX_BODY_BYTES,
    redisPrefix: e.TRACKQL_REDIS_PREFIX,
    subscriptions: {
      maxBufferedPoints: e.TRACKQL_SUB_MAX_BUFFERED_POINTS,
      maxBufferedEvents: e.TRACKQL_SUB_MAX_BUFFERED_EVENTS,
      maxEventPoints: e.TRACKQL_SUB_MAX_EVENT_POINTS,
      gapWaitMs: e.TRACKQL_SUB_GAP_WAIT_MS,
      frameMs: e.TRACKQL_SUB_FRAME_MS,
      maxFrameMs: e.TRACKQL_SUB_MAX_FRAME_MS,
    },
    transportFastPaths: ['true', '1'].includes(e.TRACKQL_TRANSPORT_FAST_PATHS),
    graphqlJit: isOn(e.TRACKQL_GRAPHQL_JIT) ?? true,
    autoAnalyzeMs: e.TRACKQL_AUTO_ANALYZE_MS,
    logLevel: e.LOG_LEVEL,
    mlflowStaticPrefix: e.TRACKQL_MLFLOW_STATIC_PREFIX,
    security,
    artifactAllowedRoots,
    uiDir: e.TRACKQL_UI_DIR ? path.resolve(e.TRACKQL_UI_DIR) : undefined,
  };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function normalizeOrigin(origin: string): string {
  try {
    const url = new URL(origin);
    if (url.origin === 'null' || url.pathname !== '/' || url.search || url.hash) throw new Error();
    return url.origin;
  } catch {
    throw new Error(
      `Invalid configuration: TRACKQL_CORS_ORIGINS entry '${origin}' is not an origin`,
    );
  }
}

/** Whether `host` (a HOST setting or a Host header's name) names the loopback interface only. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
