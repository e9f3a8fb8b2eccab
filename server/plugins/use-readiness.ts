import type { Plugin } from 'graphql-yoga';

/** How long one dependency may take to answer before it counts as failing. */
const CHECK_TIMEOUT_MS = 2000;

function withTimeout(check: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    check(),
    new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Answers `GET <endpoint>` with 200 `{"status":"ready"}` when every named dependency check
 * resolves within 2 s, else 503 `{"status":"unavailable","failing":[names]}`: which dependency
 * fails, never why (no host, port or error text for whoever can reach the endpoint).
 *
 * @remarks yoga's own readiness plugin parses every request URL and runs a URLPattern on it; this one
 * compares the path as a string, which keeps the per-request cost of the GraphQL endpoint down.
 */
export function useReadiness(
  endpoint: string,
  checks: Record<string, () => Promise<void>>,
): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const url = request.url;
      const q = url.indexOf('?');
      if (!(q < 0 ? url : url.slice(0, q)).endsWith(endpoint)) return;
      const names = Object.keys(checks);
      return Promise.allSettled(names.map((n) => withTimeout(checks[n]!))).then((results) => {
        const failing = names.filter((_, i) => results[i]!.status === 'rejected');
        const body = failing.length ? { status: 'unavailable', failing } : { status: 'ready' };
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status: failing.length ? 503 : 200,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          }),
        );
      });
    },
  };
}
