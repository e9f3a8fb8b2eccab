import type { GraphiQLOptions } from 'graphql-yoga';

let page: Promise<string> | null = null;

/**
 * yoga's `renderGraphiQL` with GraphiQL's scripts and styles inlined from
 * `@graphql-yoga/render-graphiql` (yoga's default page loads them from a CDN): works offline.
 *
 * @remarks The bundle is ~9 MB of JavaScript: it is imported on the first GraphiQL request only,
 * not at start, and the page (the same for every request) is rendered once.
 */
export function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  page ??= import('@graphql-yoga/render-graphiql').then((m) => m.renderGraphiQL(options));
  return page;
}
