#!/usr/bin/env node
// The `trackql` command: bundles the CLI (server/cli, with the client packages from source) once
// per version of the sources, like `npm start` does for the server, then runs it in this process.
import { pathToFileURL } from 'node:url';
import { bundle, root } from './bundle.mjs';

let main;
try {
  main = await bundle('cli', 'server/cli/main.ts', {
    sources: ['server', 'client/packages/client/src', 'client/packages/node/src'],
    workspace: true,
    splitting: true,
    inline: ['graphql-sse'],
    // a command starts many times: a minified bundle with its source map beside it parses faster
    esbuild: { minify: true, sourcemap: 'linked' },
  });
} catch (err) {
  process.stderr.write(`trackql: building the command failed: ${err.message}\n`);
  process.exit(1);
}
process.env.NODE_ENV ??= 'production';
const { run } = await import(pathToFileURL(main).href);
process.exitCode = await run(process.argv.slice(2), root);
