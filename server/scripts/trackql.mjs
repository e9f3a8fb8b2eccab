#!/usr/bin/env node
// The `trackql` command: bundles the CLI (server/cli, with the client packages from source) once
// per version of the files it is made of, like `npm start` does for the server, then runs it in
// this process.
import { pathToFileURL } from 'node:url';
import { bundle, root } from './bundle.mjs';

let main;
try {
  main = await bundle('cli', 'server/cli/main.ts', {
    workspace: true,
    splitting: true,
    // the client's dependencies inside the bundle too: one module to compile, no package lookups,
    // and commander without Node's CommonJS loader
    inline: ['graphql-sse', '@urql/core', 'wonka', '@0no-co/graphql.web', 'commander'],
    // a command starts many times: a minified bundle with its source map beside it parses faster
    esbuild: {
      minify: true,
      sourcemap: 'linked',
      // commander is CommonJS: its require() calls of Node's modules need a require in ESM
      banner: {
        js: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);",
      },
    },
  });
} catch (err) {
  process.stderr.write(`trackql: building the command failed: ${err.message}\n`);
  process.exit(1);
}
process.env.NODE_ENV ??= 'production';
const { run } = await import(pathToFileURL(main).href);
process.exitCode = await run(process.argv.slice(2), root);
