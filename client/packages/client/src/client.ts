import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createSseClient } from 'graphql-sse';
import { InvalidValueError } from './errors.ts';

/** Options of {@link createTrackingClient}. */
export interface TrackingClientOptions {
  /** GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`; a base URL gets `/graphql` appended. */
  url: string;
  /** Bearer token sent as `authorization: Bearer <token>` on every request. */
  token?: string;
  /** A `fetch` implementation (tests, proxies, custom runtimes); defaults to the global one. */
  fetch?: typeof fetch;
}

const SUPPORTED = 'an http:// or https:// URL of a trackql server, e.g. http://127.0.0.1:4000';

/**
 * Checks a tracking URI is one this client can talk to: `http(s)://` (or `ws(s)://`).
 *
 * @throws {@link InvalidValueError} (field `trackingUri`) naming what is supported, for MLflow's
 * local stores (`file:`, a plain path, `sqlite:` and other database URIs), `databricks` and
 * anything else.
 */
export function checkTrackingUri(uri: unknown): URL {
  if (typeof uri !== 'string' || uri.trim() === '') {
    throw new InvalidValueError('trackingUri', `The tracking URI must be ${SUPPORTED}`);
  }
  let u: URL | null = null;
  try {
    u = new URL(uri);
  } catch {
    u = null;
  }
  if (u !== null && ['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return u;
  const scheme =
    u?.protocol.replace(/:$/, '') ?? (/^databricks\b/.test(uri) ? 'databricks' : 'a path');
  const why = scheme.startsWith('databricks')
    ? 'Databricks workspaces are not supported'
    : scheme === 'file' || scheme === 'a path'
      ? 'local file stores (file:, plain paths) are MLflow stores this client cannot write'
      : `'${scheme}:' URIs (database stores such as sqlite:, postgresql:, mysql:) are MLflow server-side stores this client cannot use`;
  throw new InvalidValueError(
    'trackingUri',
    `Unsupported tracking URI '${uri}': ${why}. trackql's client supports ${SUPPORTED}.`,
  );
}

/**
 * Normalises a tracking URI to the GraphQL endpoint: a bare base URL gets `/graphql` appended.
 *
 * @throws {@link InvalidValueError} for a URI that is not `http(s)://` (see {@link checkTrackingUri}).
 * @example `graphqlUrl('http://127.0.0.1:4000')` → `'http://127.0.0.1:4000/graphql'`
 */
export function graphqlUrl(uri: string): string {
  const u = checkTrackingUri(uri);
  if (!/\/graphql\/?$/.test(u.pathname)) u.pathname = `${u.pathname.replace(/\/$/, '')}/graphql`;
  return u.toString();
}

/**
 * Creates the urql `Client` the SDK uses: `fetchExchange` for queries and mutations and a
 * `subscriptionExchange` over graphql-sse for subscriptions, with no document cache.
 *
 * @remarks Subscriptions use graphql-sse's "distinct connections" mode against yoga's built-in SSE
 * (`accept: text/event-stream` on the same endpoint). urql's own `fetchSubscriptions` is not used:
 * it crashes Node 20 when a subscription is cancelled. Every request sends the bearer token.
 */
export function createTrackingClient(options: TrackingClientOptions): Client {
  const url = graphqlUrl(options.url);
  const headers: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  const sse = createSseClient({
    url,
    headers,
    fetchFn: options.fetch,
    singleConnection: false,
    retryAttempts: 0,
  });
  return new Client({
    url,
    fetch: options.fetch,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: () => ({ headers }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const dispose = sse.subscribe(input, sink);
              return { unsubscribe: dispose };
            },
          };
        },
      }),
    ],
  });
}
