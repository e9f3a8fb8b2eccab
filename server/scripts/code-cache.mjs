// Loads a CommonJS bundle the way require() does, but compiled with V8's code cache kept beside
// it: Node 20 has no compile cache of its own for modules (module.enableCompileCache() came in
// Node 22.1), and a command that starts many times spends much of its start compiling.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Runs the CommonJS file `file` and returns its exports, compiled from `<file>.v8cache` when V8
 * accepts that cache (V8 checks its own version and flags and the source's length, and rejects a
 * mismatch). `saveCache()`, called once the program has run (so the functions it ran are compiled
 * too), writes the cache when it was missing or rejected. Keep the file in a folder that is
 * replaced whenever the file changes (as bundle.mjs's builds are): an edit that keeps the length
 * would pass V8's check. The file cannot use import() (node:vm supports it only with an
 * experimental option): bundle it with esbuild's `supported: { 'dynamic-import': false }`.
 *
 * @returns `{ exports, fromCache, saveCache }`; `fromCache` says V8 compiled it from the cache.
 */
export function requireCached(file) {
  const cacheFile = `${file}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // the wrapper require() puts around a CommonJS file
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return {
    exports: module.exports,
    fromCache: cachedData !== undefined && !script.cachedDataRejected,
    saveCache() {
      if (cachedData && !script.cachedDataRejected) return;
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        // a read-only cache folder: every start compiles, nothing else changes
      }
    },
  };
}
