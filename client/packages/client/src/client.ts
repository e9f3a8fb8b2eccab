import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createSseClient } from 'graphql-sse';

/** Options of {@link createTrackingClient}. */
export interface TrackingClientOptions {
  /** GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`; a base URL gets `/graphql` appended. */
  url: string;
  /** Bearer token sent as `authorization: Bearer <token>` on every request. */
  token?: string;
  /** A `fetch` implementation (tests, proxies, custom runtimes); defaults to the global one. */
  fetch?: typeof fetch;
}

/**
 * Normalises a tracking URI to the GraphQL endpoint: a bare base URL gets `/graphql` appended.
 *
 * @example `graphqlUrl('http://127.0.0.1:4000')` → `'http://127.0.0.1:4000/graphql'`
 */
export function graphqlUrl(uri: string): string {
  const u = new URL(uri);
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
