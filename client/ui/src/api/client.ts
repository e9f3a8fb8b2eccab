import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client, type CombinedError, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { authHeader, getToken } from './auth.ts';

const listeners = new Set<() => void>();

/** Called when the server answers that credentials are missing or wrong. */
export function onAuthRequired(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether an urql error is the server refusing the caller's credentials. */
export function isAuthError(error: CombinedError): boolean {
  const status = (error.response as { status?: number } | undefined)?.status;
  return (
    status === 401 ||
    error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ||
    /\b4401\b|Unauthorized|Authentication required/i.test(error.message)
  );
}

/** Reports an auth failure to the app (which then shows the sign-in form). */
export function reportAuthError(error: CombinedError): void {
  if (isAuthError(error)) for (const l of listeners) l();
}

function build(): Client {
  const url = new URL('/graphql', window.location.href).toString();
  const ws = createWsClient({
    url: url.replace(/^http/, 'ws'),
    // sent in graphql-ws's connection_init: the server reads `authorization` from it
    connectionParams: () => {
      const token = getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    lazy: true,
    retryAttempts: 5,
  });
  return new Client({
    url,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: () => ({ headers: authHeader() }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
  });
}

let client: Client | null = null;
let clientToken: string | null = null;

/** The urql client for the current token (rebuilt after signing in or out). */
export function getClient(): Client {
  const token = getToken();
  if (!client || token !== clientToken) {
    client = build();
    clientToken = token;
  }
  return client;
}

/** Runs a query or mutation; resolves with its data or throws its error. */
export async function run<R, V extends Record<string, unknown>>(
  doc: TypedDocumentNode<R, V>,
  variables: V,
): Promise<R> {
  const op = doc.definitions.find((d) => d.kind === 'OperationDefinition');
  const c = getClient();
  const res = await (op && 'operation' in op && op.operation === 'mutation'
    ? c.mutation(doc, variables)
    : c.query(doc, variables)
  ).toPromise();
  if (res.error) {
    reportAuthError(res.error);
    throw res.error;
  }
  if (!res.data) throw new Error('The server sent no data');
  return res.data;
}

/** The message of a GraphQL error without urql's `[GraphQL]` prefix. */
export function errorText(error: unknown): string {
  const e = error as Partial<CombinedError>;
  if (e.graphQLErrors?.length) return e.graphQLErrors.map((g) => g.message).join('; ');
  if (e.networkError) return e.networkError.message;
  return error instanceof Error ? error.message : String(error);
}
