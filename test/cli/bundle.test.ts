import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
