import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: {
    alias: {
      graphql: 'graphql/index.js',
      // the client packages from source (their package.json exports point at the built dist)
      '@trackql/client': fileURLToPath(
        new URL('../client/packages/client/src/index.ts', import.meta.url),
      ),
      '@trackql/node': fileURLToPath(
        new URL('../client/packages/node/src/index.ts', import.meta.url),
      ),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
