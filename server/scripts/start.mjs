// `npm start`: bundles the server's own TypeScript (dependencies stay external) once per version
// of the files it is made of into a cache folder outside the source tree, then runs the bundle in
// this process.
// Plain JavaScript at run time avoids the TypeScript loader's memory (~35 MiB) and start-up cost;
// `npm run dev` keeps tsx for editing. esbuild's service is stopped once the bundle is written, so
// nothing runs beside the server.
import { pathToFileURL } from 'node:url';
import { bundle, cacheDir } from './bundle.mjs';

let main;
try {
  // code splitting: what a start may not need (the migrator and the migrations, the S3 store, GraphiQL)
  // is a chunk loaded on first use, with the packages it imports
  main = await bundle('main', 'server/main.ts', { splitting: true });
} catch (err) {
  process.stderr.write(`trackql: cannot start: building the server failed: ${err.message}\n`);
  process.exit(1);
}
// the web UI, built with Vite once per version of its sources (client/ui/build.mjs), served at `/`
if (!process.env.TRACKQL_UI_DIR) {
  try {
    const { ensureUiBuild } = await import('../../client/ui/build.mjs');
    process.env.TRACKQL_UI_DIR = await ensureUiBuild(cacheDir());
  } catch (err) {
    process.stderr.write(`trackql: the web UI is not served: building it failed: ${err.message}\n`);
  }
}
// graphql-js picks its fast code paths when NODE_ENV is 'production' at import time
process.env.NODE_ENV ??= 'production';
await import(pathToFileURL(main).href);
