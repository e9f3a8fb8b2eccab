// Bundles trackql's own TypeScript with esbuild (dependencies stay external) once per version of
// the sources, into a cache folder outside the source tree. Used by `npm start` (start.mjs) and the
// `trackql` command (trackql.mjs).
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(import.meta.dirname, '../..');

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

/** The client packages, bundled from source (their package.json exports point at a dist that may not be built). */
const WORKSPACE_PACKAGES = {
  '@trackql/client': 'client/packages/client/src/index.ts',
  '@trackql/node': 'client/packages/node/src/index.ts',
};

/** Resolves the workspace packages to their sources, before `packages: 'external'` applies. */
const workspaceSources = {
  name: 'trackql-workspace-sources',
  setup(build) {
    build.onResolve({ filter: /^@trackql\/(client|node)$/ }, (args) => ({
      path: path.join(root, WORKSPACE_PACKAGES[args.path]),
    }));
  },
};

/**
 * Bundles the named packages from node_modules instead of leaving them external, so esbuild drops
 * what is not used (`graphql-sse`'s entry also holds its server handler, which loads graphql-js).
 */
const inlined = (names) => ({
  name: 'trackql-inlined-packages',
  setup(build) {
    const filter = new RegExp(
      `^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`,
    );
    build.onResolve({ filter }, (args) => ({
      path: fileURLToPath(import.meta.resolve(args.path)),
    }));
  },
});

/** Every file under `dir`, sorted. */
function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath}/${e.name}`)
    .sort();
}

/**
 * A hash of what a bundle is made of: the path, size and modification time of every file of the
 * source folders, package.json and the lockfile, and the options. Reading only the metadata keeps
 * a cached start cheap (the `trackql` command runs this on every call).
 */
function sourceHash(dirs, extra) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ ...OPTIONS, ...extra }));
  for (const file of [
    ...dirs.flatMap((d) => files(path.join(root, d))),
    path.join(root, 'package.json'),
    path.join(root, 'package-lock.json'),
  ]) {
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st) continue;
    // plain slicing: path.relative per file cost more than the stat itself
    hash.update(`${file.slice(root.length + 1)}\0${st.size}\0${st.mtimeMs}\0`);
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

/**
 * Builds the bundle `name` of `entry` for the current sources unless it exists; returns the path
 * of its entry file. Older bundles of the same name are removed.
 *
 * @param options.sources - folders (relative to the root) whose files make the cache key.
 * @param options.workspace - bundle `@trackql/client` and `@trackql/node` from source.
 * @param options.splitting - code splitting: a dynamic `import()` becomes a chunk loaded on use.
 * @param options.inline - packages bundled from node_modules (tree-shaken) instead of left external.
 * @param options.esbuild - further esbuild options (part of the cache key).
 */
export async function bundle(
  name,
  entry,
  { sources, workspace = false, splitting = false, inline = [], esbuild: extra = {} },
) {
  const hash = sourceHash(sources, { workspace, splitting, inline, ...extra });
  const dir = cacheDir();
  const out = path.join(dir, splitting ? `${name}-${hash}` : `${name}-${hash}.mjs`);
  const main = splitting ? path.join(out, 'main.mjs') : out;
  if (existsSync(main)) return main;
  const esbuild = await import('esbuild');
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await esbuild.build({
      ...OPTIONS,
      ...extra,
      entryPoints: splitting ? { main: path.join(root, entry) } : [path.join(root, entry)],
      ...(splitting
        ? { outdir: tmp, splitting: true, outExtension: { '.js': '.mjs' } }
        : { outfile: tmp }),
      plugins: [
        ...(workspace ? [workspaceSources] : []),
        ...(inline.length ? [inlined(inline)] : []),
      ],
    });
  } finally {
    await esbuild.stop();
  }
  try {
    renameSync(tmp, out);
  } catch (err) {
    // another process built the same bundle meanwhile
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(main)) throw err;
  }
  const pattern = new RegExp(`^${name}-[0-9a-f]+(\\.mjs)?$`);
  for (const old of readdirSync(dir)) {
    if (pattern.test(old) && path.join(dir, old) !== out) {
      rmSync(path.join(dir, old), { recursive: true, force: true });
    }
  }
  return main;
}
