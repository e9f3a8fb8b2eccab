import type { Plugin } from 'graphql-yoga';

/**
 * Answers `GET <endpoint>` with 200 when `check` resolves and 503 (with the reason) when it throws.
 *
 * @remarks yoga's own readiness plugin parses every request URL and runs a URLPattern on it; this one
 * compares the path as a string, which keeps the per-request cost of the GraphQL endpoint down.
 */
export function useReadiness(endpoint: string, check: () => Promise<void>): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const url = request.url;
      const q = url.indexOf('?');
      if (!(q < 0 ? url : url.slice(0, q)).endsWith(endpoint)) return;
      return check().then(
        () => endResponse(new fetchAPI.Response('ready', { status: 200 })),
        (err: unknown) =>
          endResponse(
            new fetchAPI.Response(err instanceof Error ? err.message : 'not ready', {
              status: 503,
              headers: { 'content-type': 'text/plain; charset=utf-8' },
            }),
          ),
      );
    },
  };
}
