import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '../../server/scripts/bundle.mjs';

/** The loader of the `trackql` command's CommonJS bundle, with V8's code cache beside it. */
mkdirSync(path.join(root, 'test/.output'), { recursive: true });
const dir = mkdtempSync(path.join(root, 'test/.output/code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'mod.cjs');
const loader = pathToFileURL(path.join(root, 'server/scripts/code-cache.mjs')).href;

/**
 * Loads `file` with requireCached in a fresh process (V8 also caches compilations in memory, so
 * only a new process shows what the file cache does), then saves the cache.
 */
function load(): { fromCache: boolean; answer: number; where: string } {
  const script = `
    const { requireCached } = await import(${JSON.stringify(loader)});
    const m = requireCached(${JSON.stringify(file)});
    console.log(JSON.stringify({ fromCache: m.fromCache, answer: m.exports.answer(), where: m.exports.where }));
    m.saveCache();`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
  );
}

describe('requireCached', () => {
  it('compiles from the cache it saved, and replaces a cache V8 rejects', () => {
    writeFileSync(
      file,
      [
        "const path = require('node:path');",
        'exports.answer = () => 6 * 7;',
        'exports.where = path.basename(__dirname);',
      ].join('\n'),
    );
    const where = path.basename(dir);
    expect(load()).toEqual({ fromCache: false, answer: 42, where });
    expect(existsSync(`${file}.v8cache`)).toBe(true);
    expect(load()).toEqual({ fromCache: true, answer: 42, where });
    writeFileSync(`${file}.v8cache`, 'not a code cache');
    expect(load()).toEqual({ fromCache: false, answer: 42, where });
    expect(load()).toEqual({ fromCache: true, answer: 42, where });
    // a file of another length: V8 rejects the old cache, and the file's new code runs
    writeFileSync(file, 'exports.answer = () => 43; exports.where = "x";');
    expect(load()).toEqual({ fromCache: false, answer: 43, where: 'x' });
  });
});
