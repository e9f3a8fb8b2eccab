import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, root } from '../../server/scripts/bundle.mjs';

/**
 * The build cache behind `npm start` and the `trackql` command: a build is reused while the files
 * esbuild read for it are unchanged, and replaced once one of them changes.
 */
mkdirSync(path.join(root, 'test/.output'), { recursive: true });
const src = mkdtempSync(path.join(root, 'test/.output/bundle-'));
const name = `test${process.pid}`;
const builds = new Set<string>();
afterAll(() => {
  rmSync(src, { recursive: true, force: true });
  for (const main of builds) rmSync(path.dirname(main), { recursive: true, force: true });
});

async function build(): Promise<string> {
  const main = await bundle(name, path.relative(root, path.join(src, 'entry.ts')));
  builds.add(main);
  return main;
}
const loadedValue = async (main: string) =>
  ((await import(pathToFileURL(main).href)) as { value: number }).value;

describe('bundle cache', () => {
  it('reuses a build until a file it was made of changes', { timeout: 60_000 }, async () => {
    const dep = path.join(src, 'dep.ts');
    writeFileSync(path.join(src, 'entry.ts'), "export { value } from './dep.ts';\n");
    writeFileSync(dep, 'export const value: number = 1;\n');
    const first = await build();
    expect(await loadedValue(first)).toBe(1);
    expect(await build()).toBe(first);
    // a file no input imports does not matter
    writeFileSync(path.join(src, 'other.ts'), 'export const other = 2;\n');
    expect(await build()).toBe(first);

    writeFileSync(dep, 'export const value: number = 22;\n');
    const second = await build();
    expect(second).not.toBe(first);
    expect(existsSync(first)).toBe(false); // the older build is removed
    expect(await loadedValue(second)).toBe(22);

    // same size, another modification time: rebuilt too
    writeFileSync(dep, 'export const value: number = 33;\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(dep, later, later);
    const third = await build();
    expect(third).not.toBe(second);
    expect(await loadedValue(third)).toBe(33);

    // a deleted input: rebuilt (and the build fails like the import does)
    rmSync(dep);
    await expect(build()).rejects.toThrow(/dep\.ts/);
  });
});

/**
 * V8 keeps every module's source text for the life of the process: the bundles keep theirs lean
 * (server/scripts/bundle.mjs). Pinned here because nothing else would notice it grow again.
 */
describe('bundle text', () => {
  it('is ASCII, without comments, with its source map in a file', { timeout: 60_000 }, async () => {
    writeFileSync(
      path.join(src, 'lean.ts'),
      "// a comment with → and µ\n/** Doc × */\nexport const text: string = 'café →';\n",
    );
    const main = await bundle(`${name}lean`, path.relative(root, path.join(src, 'lean.ts')));
    builds.add(main);
    const bytes = readFileSync(main);
    // one non-ASCII character makes V8 store the whole text at two bytes a character
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const code = bytes.toString('latin1');
    expect(code).not.toContain('a comment');
    expect(code).not.toContain('Doc');
    expect(code.trimEnd().endsWith('//# sourceMappingURL=main.mjs.map')).toBe(true);
    expect(existsSync(`${main}.map`)).toBe(true);
    expect(((await import(pathToFileURL(main).href)) as { text: string }).text).toBe('café →');
  });

  it("keeps the server's optional packages out of its start", { timeout: 60_000 }, async () => {
    const main = await bundle(`${name}server`, 'server/main.ts', { splitting: true });
    builds.add(main);
    const code = readFileSync(main, 'latin1');
    expect(Buffer.from(code, 'latin1').every((b) => b < 0x80)).toBe(true);
    // zod's functional form is taken in (tree-shaken); its full form, with every locale, is not loaded
    // (booleans: a failed match would print the whole bundle)
    expect(/from\s*"zod(\/[^"]*)?"/.test(code)).toBe(false);
    // the sources that made it into the text: English only, of zod's locales
    const { sources } = JSON.parse(readFileSync(`${main}.map`, 'utf8')) as { sources: string[] };
    expect(sources.some((f) => f.endsWith('zod/v4/locales/en.js'))).toBe(true);
    expect(sources.some((f) => f.endsWith('zod/v4/locales/de.js'))).toBe(false);
    // the Redis client is imported on demand only
    expect(/from\s*"(ioredis|@graphql-yoga\/redis-event-target)"/.test(code)).toBe(false);
    expect(/import\(\s*"ioredis"\s*\)/.test(code)).toBe(true);
  });
});
