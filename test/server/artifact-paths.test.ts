import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeArtifactUrlPath,
  normaliseArtifactPath,
} from '../../server/modules/artifacts/artifact-path.ts';
import { json, rawRequest } from '../helpers/http.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const root = mkdtempSync(path.join(tmpdir(), 'trackql-paths-'));
const outside = mkdtempSync(path.join(tmpdir(), 'trackql-outside-'));
let t: TestApp;
let base: string;
let exp: string;
let run: string;
beforeAll(async () => {
  t = await createTestApp({ config: { artifactRoot: root } });
  base = (await t.listen()).replace(/\/graphql$/, '');
  exp = await seedExperiment(t);
  run = await seedRun(t, exp);
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const TRICKS: [string, string][] = [
  ['parent segment', '../escape.txt'],
  ['nested parent segment', 'a/../../escape.txt'],
  ['dot segment', 'a/./b.txt'],
  ['empty segment', 'a//b.txt'],
  ['absolute path', '/etc/passwd'],
  ['percent-encoded dots', '%2e%2e/escape.txt'],
  ['percent-encoded slash', '..%2fescape.txt'],
  ['double-encoded dots', '%252e%252e/escape.txt'],
  ['overlong UTF-8 dot', '%c0%ae%c0%ae/escape.txt'],
  ['malformed escape', '%zz.txt'],
  ['backslash', '..%5cescape.txt'],
  ['backslash inside', 'a%5cb.txt'],
  ['hash', 'a%23b.txt'],
  ['NUL byte', 'a%00.txt'],
  ['newline', 'a%0a.txt'],
  ['drive letter', 'C:%5cwindows.txt'],
  ['lone surrogate', '%ed%a0%80.txt'],
];

describe('artifact path confinement over HTTP', () => {
  it.each(TRICKS)('refuses %s with 400 INVALID_PARAMETER_VALUE', async (_, trick) => {
    for (const method of ['PUT', 'GET']) {
      const res = await rawRequest(
        base,
        method,
        `/artifacts/${run}/${trick}`,
        method === 'PUT' ? 'x' : undefined,
      );
      expect(res.status, `${method} ${trick}`).toBe(400);
      expect(json(res)).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    }
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses writing and reading through a symlink inside the run folder that points outside', async () => {
    const dir = path.join(root, exp, run, 'artifacts');
    mkdirSync(dir, { recursive: true });
    symlinkSync(outside, path.join(dir, 'link'));
    const up = await rawRequest(base, 'PUT', `/artifacts/${run}/link/evil.txt`, 'x').catch((e) => {
      throw new Error(`first put ${e}`);
    });
    expect(up.status).toBe(400);
    expect(readdirSync(outside)).toEqual([]);

    // a legitimately uploaded folder later swapped for a link
    expect(
      (await rawRequest(base, 'PUT', `/artifacts/${run}/data/secret.txt`, 'mine')).status,
    ).toBe(201);
    writeFileSync(path.join(outside, 'secret.txt'), 'not yours');
    rmSync(path.join(dir, 'data'), { recursive: true });
    symlinkSync(outside, path.join(dir, 'data'));
    const down = await rawRequest(base, 'GET', `/artifacts/${run}/data/secret.txt`);
    expect(down.status).toBe(400);
    expect(down.body.toString()).not.toContain('not yours');

    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'file-link.txt'));
    expect((await rawRequest(base, 'PUT', `/artifacts/${run}/other.txt`, 'x')).status).toBe(201);
    rmSync(path.join(dir, 'other.txt'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'other.txt'));
    expect((await rawRequest(base, 'GET', `/artifacts/${run}/other.txt`)).status).toBe(400);
  });

  it('refuses a malformed run id', async () => {
    const res = await rawRequest(base, 'GET', '/artifacts/..%2f..%2fetc/passwd');
    expect(res.status).toBe(400);
  });
});

describe('normaliseArtifactPath', () => {
  it('keeps ordinary paths and drops one trailing slash', () => {
    expect(normaliseArtifactPath('model/MLmodel')).toBe('model/MLmodel');
    expect(normaliseArtifactPath('plots/')).toBe('plots');
    expect(normaliseArtifactPath('', { allowRoot: true })).toBe('');
    expect(normaliseArtifactPath('...hidden/..x')).toBe('...hidden/..x');
  });

  it('refuses the root for files, overlong paths and segments', () => {
    expect(() => normaliseArtifactPath('')).toThrow(/empty/);
    expect(() => normaliseArtifactPath('a'.repeat(256))).toThrow(/segment too long/);
    expect(() => normaliseArtifactPath(`${'a/'.repeat(500)}b`)).toThrow(/longer than/);
  });

  it('decodes a URL path exactly once', () => {
    expect(decodeArtifactUrlPath('a%20b/c%2Bd.txt')).toBe('a b/c+d.txt');
    expect(() => decodeArtifactUrlPath('%252e')).toThrow(/percent-encoded/);
  });
});
