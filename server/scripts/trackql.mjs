#!/usr/bin/env node
// The `trackql` command: bundles the CLI (server/cli, with the client packages from source) once
// per version of the files it is made of, like `npm start` does for the server, then runs it in
// this process.
import { pathToFileURL } from 'node:url';
import { bundle, root } from './bundle.mjs';
import { requireCached } from './code-cache.mjs';

let main;
try {
  main = await bundle('cli', 'server/cli/main.ts', {
    workspace: true,
    // the client's dependencies inside the bundle too: one file to compile (from the code cache),
    // no package lookups
    inline: ['graphql-sse', '@urql/core', 'wonka', '@0no-co/graphql.web', 'commander'],
    esbuild: {
      // CommonJS, to be compiled from V8's code cache (code-cache.mjs): a command starts many times
      format: 'cjs',
      // a minified bundle with its source map beside it parses faster
      minify: true,
      sourcemap: 'linked',
      // import() as require(): code compiled by node:vm has no import() without an experimental
      // option (server code, whose packages need import(), is the ES module bundle below)
      supported: { 'dynamic-import': false },
      // the one `import.meta` of the sources (watch-node.ts loads `ws` relative to itself)
      define: { 'import.meta.url': '__trackql_url' },
      banner: { js: "const __trackql_url=require('node:url').pathToFileURL(__filename).href;" },
    },
  });
} catch (err) {
  process.stderr.write(`trackql: building the command failed: ${err.message}\n`);
  process.exit(1);
}
process.env.NODE_ENV ??= 'production';
/** Server code for `db migrate`: its own ES module bundle, built and loaded on first use. */
const serverTools = async () =>
  import(pathToFileURL(await bundle('cli-server', 'server/cli/server-tools.ts')).href);
const { exports, saveCache } = requireCached(main);
process.exitCode = await exports.run(process.argv.slice(2), root, serverTools);
saveCache();
