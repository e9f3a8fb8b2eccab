import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Tests of the live streams, run a second time with TRACKQL_TRANSPORT_FAST_PATHS off (project
 * `stock-transport`), so the stock graphql-ws and yoga paths stay correct too.
 */
const STREAM_TESTS = [
  'test/server/subscriptions.test.ts',
  'test/server/pacing.test.ts',
  'test/server/live-series.test.ts',
  'test/server/run-events.test.ts',
  'test/server/slow-subscriber.test.ts',
  'test/server/cross-instance.test.ts',
  'test/client/watch.test.ts',
];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: {
    alias: [
      { find: 'graphql', replacement: 'graphql/index.js' },
      // the client packages from source (their package.json exports point at the built dist)
      {
        find: '@trackql/client',
        replacement: fileURLToPath(
          new URL('../client/packages/client/src/index.ts', import.meta.url),
        ),
      },
      {
        find: '@trackql/node',
        replacement: fileURLToPath(
          new URL('../client/packages/node/src/index.ts', import.meta.url),
        ),
      },
      {
        find: /^@trackql\/integrations\/(tfjs|openai|anthropic|ai)$/,
        replacement: fileURLToPath(
          new URL('../client/packages/integrations/src/$1/index.ts', import.meta.url),
        ),
      },
    ],
  },
  test: {
    // no root `include`: projects that extend this config would add their own to it
    globalSetup: ['test/setup/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'default', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'stock-transport',
          include: STREAM_TESTS,
          env: { TRACKQL_TRANSPORT_FAST_PATHS: 'false' },
        },
      },
    ],
  },
});
