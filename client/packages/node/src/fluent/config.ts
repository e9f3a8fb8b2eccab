import {
  type BatchEndpoint,
  checkTrackingUri,
  createTrackingClient,
  graphqlUrl,
  sendLogBatch,
} from '@trackql/client';
import type { Client } from '@urql/core';
import { httpPost } from '../http-post.ts';
import type { RunTarget } from '../transfer.ts';
import { BatchLogger, type LoggingOptions } from './batch-logger.ts';

/** Where the fluent API sends everything when nothing else is configured. */
export const DEFAULT_TRACKING_URI = 'http://127.0.0.1:4000/graphql';

/** Extra transport options of {@link setTrackingUri}. */
export interface TrackingUriOptions {
  /** Bearer token; defaults to env `MLFLOW_TRACKING_TOKEN`. */
  token?: string;
  /** A `fetch` implementation (tests, proxies). */
  fetch?: typeof fetch;
}

let uri: string | null = null;
let transport: TrackingUriOptions = {};
let client: Client | null = null;
let endpoint: BatchEndpoint | null = null;

/**
 * Sets the tracking server the fluent API talks to (`http://host:port/graphql` or a base URL).
 *
 * @remarks Also exports `MLFLOW_TRACKING_URI` so child processes inherit it, as MLflow does.
 * @throws `InvalidValueError` for a URI this client cannot use (`file:`, `sqlite:`, `databricks`),
 * naming what is supported.
 */
export function setTrackingUri(trackingUri: string, options: TrackingUriOptions = {}): void {
  checkTrackingUri(trackingUri);
  uri = trackingUri;
  transport = options;
  client = null;
  endpoint = null;
  process.env.MLFLOW_TRACKING_URI = trackingUri;
}

/** The tracking URI in use: {@link setTrackingUri}, else env `MLFLOW_TRACKING_URI`, else the default. */
export function getTrackingUri(): string {
  return uri ?? process.env.MLFLOW_TRACKING_URI ?? DEFAULT_TRACKING_URI;
}

/** The shared urql client of the fluent API, created on first use for the current tracking URI. */
export function getClient(): Client {
  client ??= createTrackingClient({
    url: getTrackingUri(),
    token: transport.token ?? process.env.MLFLOW_TRACKING_TOKEN,
    fetch: transport.fetch,
  });
  return client;
}

function batchEndpoint(): BatchEndpoint {
  endpoint ??= {
    url: graphqlUrl(getTrackingUri()),
    token: transport.token ?? process.env.MLFLOW_TRACKING_TOKEN,
    fetch: transport.fetch,
    post: httpPost,
  };
  return endpoint;
}

/**
 * Where the artifact and dataset helpers send requests for `runId`: the tracking server with the
 * fluent API's token and fetch.
 */
export function runTarget(runId: string): RunTarget {
  const token = transport.token ?? process.env.MLFLOW_TRACKING_TOKEN;
  return {
    url: getTrackingUri(),
    runId,
    headers: token ? { authorization: `Bearer ${token}` } : undefined,
    fetch: transport.fetch,
  };
}

/** The process-wide batch logger behind `logMetric`, `logParam` and `setTag`. */
export const logger = new BatchLogger((input) => sendLogBatch(batchEndpoint(), input));

/**
 * Changes how logging calls are sent: synchronously, or queued and batched (sizes, interval,
 * concurrency, retries, `onError`).
 *
 * @example `configureLogging({ synchronous: true })` makes every logging call return a promise
 * that resolves once the server has committed it.
 */
export function configureLogging(options: Partial<LoggingOptions>): void {
  logger.configure(options);
}

/** The current logging options. */
export function getLoggingOptions(): Readonly<LoggingOptions> {
  return logger.options;
}
