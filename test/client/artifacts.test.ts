import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ArtifactError } from '@trackql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  downloadArtifacts,
  getArtifactUri,
  listArtifacts,
  logArtifact,
  logArtifacts,
  logDict,
  logText,
} from '../../client/packages/node/src/artifacts.ts';
import type { RunTarget, TransferProgress } from '../../client/packages/node/src/transfer.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const root = mkdtempSync(path.join(tmpdir(), 'trackql-client-art-'));
const work = mkdtempSync(path.join(tmpdir(), 'trackql-client-work-'));
let t: TestApp;
let url: string;
let exp: string;
beforeAll(async () => {
  t = await createTestApp({ config: { artifactRoot: root } });
  url = await t.listen();
  exp = await seedExperiment(t);
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const target = async (): Promise<RunTarget> => ({ url, runId: await seedRun(t, exp) });

describe('client artifacts', () => {
  it('logs a file, reports progress, lists it and downloads it back intact', async () => {
    const run = await target();
    const data = randomBytes(5 * 1024 * 1024 + 3);
    const file = path.join(work, 'weights.bin');
    writeFileSync(file, data);
    const seen: TransferProgress[] = [];
    const stored = await logArtifact(run, file, 'model', {
      onProgress: (p) => seen.push(p),
      progressBar: false,
    });
    expect(stored).toMatchObject({
      path: 'model/weights.bin',
      size: data.length,
      sha256: sha(data),
    });
    expect(seen.at(-1)).toEqual({
      path: 'model/weights.bin',
      bytes: data.length,
      total: data.length,
    });
    expect(await listArtifacts(run)).toEqual([
      { path: 'model', isDir: true, fileSize: null, sha256: null },
    ]);
    expect(await listArtifacts(run, 'model')).toEqual([
      { path: 'model/weights.bin', isDir: false, fileSize: data.length, sha256: sha(data) },
    ]);
    expect(await getArtifactUri(run, 'model')).toBe(`${root}/${exp}/${run.runId}/artifacts/model`);
    const dest = mkdtempSync(path.join(work, 'dl-'));
    const local = await downloadArtifacts(run, 'model/weights.bin', dest);
    expect(local).toBe(path.join(dest, 'weights.bin'));
    expect(sha(readFileSync(local))).toBe(sha(data));
  });

  it('logs a folder with bounded concurrency and downloads folders and the whole run', async () => {
    const run = await target();
    const dir = path.join(work, 'plots');
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 12; i++) {
      const rel = i % 3 === 0 ? `sub/deep/f${i}.bin` : i % 2 ? `sub/f${i}.bin` : `f${i}.bin`;
      files[rel] = randomBytes(1000 + i);
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), files[rel]);
    }
    let last: TransferProgress | undefined;
    const stored = await logArtifacts(run, dir, 'plots', {
      concurrency: 3,
      onProgress: (p) => {
        last = p;
      },
    });
    expect(stored).toHaveLength(12);
    const total = Object.values(files).reduce((a, b) => a + b.length, 0);
    expect(last).toMatchObject({ bytes: total, total });
    const dest = mkdtempSync(path.join(work, 'dl-'));
    const sub = await downloadArtifacts(run, 'plots/sub', dest);
    expect(sub).toBe(path.join(dest, 'sub'));
    for (const [rel, data] of Object.entries(files).filter(([r]) => r.startsWith('sub/'))) {
      expect(sha(readFileSync(path.join(dest, rel)))).toBe(sha(data));
    }
    const all = mkdtempSync(path.join(work, 'dl-'));
    await downloadArtifacts(run, '', all, { concurrency: 5 });
    for (const [rel, data] of Object.entries(files)) {
      expect(sha(readFileSync(path.join(all, 'plots', rel)))).toBe(sha(data));
    }
  });

  it('logs text and dictionaries as JSON or YAML by extension', async () => {
    const run = await target();
    await logText(run, 'héllo\n', 'notes/readme.txt');
    await logDict(run, { lr: 0.01, layers: [64, 32] }, 'config.json');
    await logDict(run, { lr: 0.01, layers: [64, 32] }, 'config.yaml');
    const dest = mkdtempSync(path.join(work, 'dl-'));
    await downloadArtifacts(run, '', dest);
    expect(readFileSync(path.join(dest, 'notes/readme.txt'), 'utf8')).toBe('héllo\n');
    expect(JSON.parse(readFileSync(path.join(dest, 'config.json'), 'utf8'))).toEqual({
      lr: 0.01,
      layers: [64, 32],
    });
    const yaml = readFileSync(path.join(dest, 'config.yaml'), 'utf8');
    expect(yaml).toContain('lr: 0.01');
    expect(YAML.parse(yaml)).toEqual({ lr: 0.01, layers: [64, 32] });
  });

  it('throws ArtifactError with the MLflow code for a missing run or file', async () => {
    const missing: RunTarget = { url, runId: 'e'.repeat(32) };
    const err = await logText(missing, 'x', 'a.txt').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArtifactError);
    expect(err).toMatchObject({ status: 404, code: 'RESOURCE_DOES_NOT_EXIST' });
    const run = await target();
    const bad = await logText(run, 'x', '../a.txt').catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400, code: 'INVALID_PARAMETER_VALUE' });
    const none = await downloadArtifacts(run, 'nope.txt', work).catch((e: unknown) => e);
    expect(none).toMatchObject({ status: 404, code: 'RESOURCE_DOES_NOT_EXIST' });
  });
});
