// Builds the web UI with Vite into a folder named after a hash of its sources, once per version:
// `npm start` and the UI tests call `ensureUiBuild()`, `npm run build -w client/ui` builds into dist/.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const root = path.resolve(here, '../..');

/** Every file the bundle is made of (sources, html, package files), sorted. */
function inputs() {
  const src = readdirSync(path.join(here, 'src'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
  return [
    ...src.sort(),
    path.join(here, 'index.html'),
    path.join(here, 'build.mjs'),
    path.join(here, 'package.json'),
    path.join(root, 'package-lock.json'),
  ];
}

/** A hash of the UI's sources and locked dependencies: the cache key of a build. */
export function uiSourceHash() {
  const hash = createHash('sha256');
  for (const file of inputs()) {
    if (!existsSync(file)) continue;
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Runs Vite's production build of the UI into `outDir` (replaced), in a child process: Vite reads
 * NODE_ENV when it loads (production JSX, minification) and the caller may run under another one
 * (vitest sets `test`); the server's own process never loads Vite.
 */
export async function buildUi(outDir) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), outDir], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`vite build exited with status ${code}`);
}

async function viteBuild(outDir) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: here,
    mode: 'production',
    base: '/',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1024 },
  });
}

/**
 * The folder holding the built UI for the current sources under `cacheDir`: built unless already
 * there (written to a temporary folder, then renamed, so concurrent builders never see half a build).
 * Older builds are removed.
 */
export async function ensureUiBuild(cacheDir) {
  const dir = path.join(cacheDir, `ui-${uiSourceHash()}`);
  if (existsSync(path.join(dir, 'index.html'))) return dir;
  const tmp = `${dir}.${process.pid}.tmp`;
  await buildUi(tmp);
  try {
    renameSync(tmp, dir);
  } catch (err) {
    // another process finished the same build first
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'index.html'))) throw err;
  }
  for (const old of readdirSync(cacheDir)) {
    if (/^ui-[0-9a-f]{16}$/.test(old) && path.join(cacheDir, old) !== dir) {
      rmSync(path.join(cacheDir, old), { recursive: true, force: true });
    }
  }
  return dir;
}

// `node build.mjs [outDir]` (npm run build -w client/ui: dist/)
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.NODE_ENV = 'production';
  await viteBuild(path.resolve(process.argv[2] ?? path.join(here, 'dist')));
}
