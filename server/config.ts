// The server's configuration: `loadConfig` is the one reader of the process environment. The
// variables' schema is in `config/env-schema.ts`, the sections' types in `config/types.ts`.
import path from 'node:path';
import { EnvSchema, isOn } from './config/env-schema.ts';
import type { Config, SecurityConfig } from './config/types.ts';

export type { LogLevel } from './config/env-schema.ts';
export type {
  Config,
  ConnectionLimits,
  DocumentLimits,
  MetricsConfig,
  S3Config,
  SecurityConfig,
  SubscriptionLimits,
} from './config/types.ts';

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
