// Bundles trackql's own TypeScript with esbuild (dependencies stay external) once per version of
// the files it is made of, into a cache folder outside the source tree. Used by `npm start` (start.mjs) and the
// `trackql` command (trackql.mjs).
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
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
  // a map file beside the bundle, mappings only: stack traces still point at the TypeScript. An
  // inline map stays in the module's source text, which V8 keeps for the process's life
  sourcemap: 'linked',
  sourcesContent: false,
  // no comments or indentation in the source text V8 keeps in memory (a single non-ASCII character
  // in a comment made V8 store the whole text at two bytes a character)
  minifyWhitespace: true,
  charset: 'ascii',
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

/**
 * Packages every bundle takes in (tree-shaken) when it imports them: zod's functional form and its
 * locales, of which the server's configuration uses a few functions and the English messages. Left
 * external, they load every locale (~1.5 MB of source kept in memory for the process's life).
 */
const ALWAYS_INLINED = ['zod/mini', 'zod/locales'];

/** Files besides a bundle's inputs that make it stale: dependency versions, and this file. */
const ALWAYS = ['package.json', 'package-lock.json', 'server/scripts/bundle.mjs'];

/** `[path, size, mtime]` of a file relative to the root; a missing file is `[path, -1, 0]`. */
function fileStamp(file) {
  // plain concatenation: path.join per file cost more than the stat itself
  const st = statSync(`${root}/${file}`, { throwIfNoEntry: false });
  return st ? [file, st.size, st.mtimeMs] : [file, -1, 0];
}

/**
 * The entry of the newest build of `name` for `key` under `dir` whose recorded inputs are all
 * unchanged (same size and modification time), or null. Only the metadata of the files the bundle
 * was built from is read, so a cached start stays cheap (the `trackql` command runs this on every
 * call): an added file matters only once an input imports it, and that edit changes the input.
 */
function currentBuild(dir, name, key) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return null;
  }
  const pattern = new RegExp(`^${name}-[0-9a-f]{16}$`);
  for (const entry of entries) {
    if (!pattern.test(entry)) continue;
    let stamp;
    try {
      stamp = JSON.parse(readFileSync(path.join(dir, entry, STAMP), 'utf8'));
    } catch {
      continue;
    }
    if (stamp.key !== key) continue;
    const unchanged = stamp.inputs.every(([file, size, mtime]) => {
      const [, s, m] = fileStamp(file);
      return s === size && m === mtime;
    });
    if (unchanged) return path.join(dir, entry, entryFile(stamp.key));
  }
  return null;
}

/** The record of what a build was made from, written into its folder. */
const STAMP = 'inputs.json';

/** The entry file's name in a build folder: `main.mjs`, or `main.cjs` for a CommonJS build. */
const entryFile = (key) => (JSON.parse(key).format === 'cjs' ? 'main.cjs' : 'main.mjs');

/** The cache folder inside the project (node_modules/.cache/trackql). */
const projectCache = path.join(root, 'node_modules', '.cache', 'trackql');

/** The private cache folder in the OS temp dir, for a project whose node_modules is read-only. */
function tempCache() {
  const uid = process.getuid?.() ?? 'user';
  const project = createHash('sha256').update(root).digest('hex').slice(0, 8);
  return path.join(tmpdir(), `trackql-build-${uid}-${project}`);
}

/**
 * A writable cache folder from which the bundle resolves the project's packages: node_modules/.cache
 * in the project, else a private folder in the OS temp dir with a node_modules link to the project's.
 */
export function cacheDir() {
  try {
    mkdirSync(projectCache, { recursive: true });
    const probe = path.join(projectCache, `.probe-${process.pid}`);
    mkdirSync(probe);
    rmSync(probe, { recursive: true });
    return projectCache;
  } catch {
    const dir = tempCache();
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
 * Builds the bundle `name` of `entry` unless a build of the current sources exists; returns the
 * path of its entry file. A build is a folder `<name>-<hash>/` holding `main.mjs` (`main.cjs` with
 * `esbuild.format` 'cjs'), its chunks and the list of the files esbuild read (with their size and
 * modification time), which is all a later call checks. Older builds of the same name are removed.
 *
 * @param options.workspace - bundle `@trackql/client` and `@trackql/node` from source.
 * @param options.splitting - code splitting: a dynamic `import()` becomes a chunk loaded on use.
 * @param options.inline - packages bundled from node_modules (tree-shaken) instead of left external.
 * @param options.esbuild - further esbuild options.
 */
export async function bundle(
  name,
  entry,
  { workspace = false, splitting = false, inline = [], esbuild: extra = {} } = {},
) {
  const key = JSON.stringify({ ...OPTIONS, ...extra, entry, workspace, splitting, inline });
  const found = currentBuild(projectCache, name, key) ?? currentBuild(tempCache(), name, key);
  if (found) return found;
  const dir = cacheDir();
  const esbuild = await import('esbuild');
  const tmp = path.join(dir, `${name}.${process.pid}.tmp`);
  let result;
  try {
    result = await esbuild.build({
      ...OPTIONS,
      ...extra,
      absWorkingDir: root,
      metafile: true,
      entryPoints: { main: path.join(root, entry) },
      outdir: tmp,
      outExtension: { '.js': path.extname(entryFile(key)) },
      splitting,
      plugins: [...(workspace ? [workspaceSources] : []), inlined([...ALWAYS_INLINED, ...inline])],
    });
  } finally {
    await esbuild.stop();
  }
  const files = [...new Set([...Object.keys(result.metafile.inputs), ...ALWAYS])].sort();
  const stamp = JSON.stringify({ key, inputs: files.map(fileStamp) });
  writeFileSync(path.join(tmp, STAMP), stamp);
  const out = path.join(
    dir,
    `${name}-${createHash('sha256').update(stamp).digest('hex').slice(0, 16)}`,
  );
  try {
    renameSync(tmp, out);
  } catch (err) {
    // another process built the same bundle meanwhile
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(path.join(out, entryFile(key)))) throw err;
  }
  const old = new RegExp(`^${name}-[0-9a-f]+(\\.mjs)?$`);
  for (const entry of readdirSync(dir)) {
    if (old.test(entry) && path.join(dir, entry) !== out) {
      rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
  }
  return path.join(out, entryFile(key));
}
