// `npm start`: bundles the server's own TypeScript (dependencies stay external) into
// server/.build/main-<pid>.mjs, runs it in this process and removes the file once loaded. Plain JavaScript at run time avoids the
// TypeScript loader's memory (~35 MiB) and start-up cost; `npm run dev` keeps tsx for editing.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');
const outfile = path.join(root, `server/.build/main-${process.pid}.mjs`);

await build({
  entryPoints: [path.join(root, 'server/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  // mappings only: stack traces still point at the TypeScript, and the map held in memory is half the size
  sourcesContent: false,
  logLevel: 'warning',
});
// graphql-js picks its fast code paths when NODE_ENV is 'production' at import time
process.env.NODE_ENV ??= 'production';
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outfile, { force: true });
}
