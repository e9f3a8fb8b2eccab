import type { LogLevel } from './env-schema.ts';

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
