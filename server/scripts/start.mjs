// `npm start`: bundles the server's own TypeScript (dependencies stay external) once per version
// of the sources into a cache folder outside the source tree, then runs the bundle in this process.
// Plain JavaScript at run time avoids the TypeScript loader's memory (~35 MiB) and start-up cost;
// `npm run dev` keeps tsx for editing. esbuild's service is stopped once the bundle is written, so
// nothing runs beside the server.
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');

/** esbuild options; part of the cache key. */
const OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  // mappings only: stack traces still point at the TypeScript, and the map held in memory is half the size
  sourcesContent: false,
  logLevel: 'warning',
};

/** Every file under `dir`, sorted (the server's sources). */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A hash of what the bundle is made of: the server's sources, package.json, the lockfile, the options. */
function sourceHash() {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(OPTIONS));
  for (const file of [
    ...files(path.join(root, 'server')),
    path.join(root, 'package.json'),
    path.join(root, 'package-lock.json'),
  ]) {
    if (!existsSync(file)) continue;
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A writable cache folder from which the bundle resolves the project's packages: node_modules/.cache
 * in the project, else a private folder in the OS temp dir with a node_modules link to the project's.
 */
function cacheDir() {
  const inProject = path.join(root, 'node_modules', '.cache', 'trackql');
  try {
    mkdirSync(inProject, { recursive: true });
    const probe = path.join(inProject, `.probe-${process.pid}`);
    mkdirSync(probe);
    rmSync(probe, { recursive: true });
    return inProject;
  } catch {
    const uid = process.getuid?.() ?? 'user';
    const project = createHash('sha256').update(root).digest('hex').slice(0, 8);
    const dir = path.join(tmpdir(), `trackql-build-${uid}-${project}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory() || (process.getuid && stat.uid !== process.getuid())) {
      throw new Error(`${dir} is not a folder of this user; remove it`);
    }
    const link = path.join(dir, 'node_modules');
    if (!existsSync(link)) symlinkSync(path.join(root, 'node_modules'), link, 'dir');
    return dir;
  }
}

/** Builds the bundle for the current sources unless it exists; returns its path. */
async function bundle() {
  const hash = sourceHash();
  const dir = cacheDir();
  const outfile = path.join(dir, `main-${hash}.mjs`);
  if (existsSync(outfile)) return outfile;
  const esbuild = await import('esbuild');
  const tmp = `${outfile}.${process.pid}.tmp`;
  try {
    await esbuild.build({
      ...OPTIONS,
      entryPoints: [path.join(root, 'server/main.ts')],
      outfile: tmp,
    });
  } finally {
    await esbuild.stop();
  }
  renameSync(tmp, outfile);
  // older bundles (earlier versions of the sources) are of no further use
  for (const old of readdirSync(dir)) {
    if (/^main-[0-9a-f]+\.mjs$/.test(old) && path.join(dir, old) !== outfile) {
      rmSync(path.join(dir, old), { force: true });
    }
  }
  return outfile;
}

let main;
try {
  main = await bundle();
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
