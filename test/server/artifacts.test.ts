import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { json, rawRequest } from '../helpers/http.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const ListArtifacts = graphql(`
  query ListArtifacts($runId: String!, $path: String, $first: Int, $after: String) {
    run(runId: $runId) {
      artifactUri
      artifacts(path: $path, first: $first, after: $after) {
        edges { node { path name isDir fileSize totalSize sha256 } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

const root = mkdtempSync(path.join(tmpdir(), 'trackql-artifacts-'));
let t: TestApp;
let base: string;
let exp: string;
beforeAll(async () => {
  t = await createTestApp({
    config: { artifactRoot: root, artifactMaxUploadBytes: 8 * 1024 * 1024 },
  });
  base = (await t.listen()).replace(/\/graphql$/, '');
  exp = await seedExperiment(t);
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const put = (runId: string, p: string, body: Buffer | string) =>
  rawRequest(base, 'PUT', `/artifacts/${runId}/${p}`, body);
const get = (runId: string, p: string, headers: Record<string, string> = {}) =>
  rawRequest(base, 'GET', `/artifacts/${runId}/${p}`, undefined, headers);
const runDir = (runId: string) => path.join(root, exp, runId, 'artifacts');

describe('artifact upload and download', () => {
  it('round-trips a binary file, recording its size and sha256', async () => {
    const run = await seedRun(t, exp);
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const up = await put(run, 'model/weights.bin', data);
    expect(up.status).toBe(201);
    expect(json(up)).toMatchObject({
      path: 'model/weights.bin',
      size: data.length,
      sha256: sha(data),
    });
    const down = await get(run, 'model/weights.bin');
    expect(down.status).toBe(200);
    expect(down.headers.etag).toBe(`"${sha(data)}"`);
    expect(down.headers['accept-ranges']).toBe('bytes');
    expect(sha(down.body)).toBe(sha(data));
    const head = await rawRequest(base, 'HEAD', `/artifacts/${run}/model/weights.bin`);
    expect(head.headers['content-length']).toBe(String(data.length));
  });

  it('stores empty files and names with spaces and Unicode', async () => {
    const run = await seedRun(t, exp);
    expect((await put(run, 'empty.txt', '')).status).toBe(201);
    const name = encodeURIComponent('résumé plot.png');
    expect((await put(run, `plots/${name}`, 'png')).status).toBe(201);
    expect((await get(run, 'empty.txt')).body.length).toBe(0);
    expect((await get(run, `plots/${name}`)).body.toString()).toBe('png');
  });

  it('accepts a 255-byte file name', async () => {
    const run = await seedRun(t, exp);
    const name = 'n'.repeat(255);
    expect((await put(run, `dir/${name}`, 'long')).status).toBe(201);
    expect((await get(run, `dir/${name}`)).body.toString()).toBe('long');
  });

  it('replaces a file uploaded again at the same path', async () => {
    const run = await seedRun(t, exp);
    await put(run, 'a.txt', 'one');
    await put(run, 'a.txt', 'two!');
    expect((await get(run, 'a.txt')).body.toString()).toBe('two!');
    const res = await t.execute(ListArtifacts, { runId: run });
    expect(res.run?.artifacts.edges.map((e) => e.node.fileSize)).toEqual([4]);
  });

  it('keeps the record in step with the file when uploads race to one path', async () => {
    const run = await seedRun(t, exp);
    const bodies = Array.from({ length: 8 }, () => randomBytes(64 * 1024));
    await Promise.all(bodies.map((b) => put(run, 'race.bin', b)));
    const down = await get(run, 'race.bin');
    const list = await t.execute(ListArtifacts, { runId: run });
    expect(bodies.map(sha)).toContain(sha(down.body));
    expect(list.run?.artifacts.edges[0]?.node.sha256).toBe(sha(down.body));
    expect(down.headers.etag).toBe(`"${sha(down.body)}"`);
    expect(readdirSync(runDir(run))).toEqual(['race.bin']);
  });

  it('serves byte ranges with 206 and Content-Range, and 416 past the end', async () => {
    const run = await seedRun(t, exp);
    const data = Buffer.from('0123456789');
    await put(run, 'digits.txt', data);
    const mid = await get(run, 'digits.txt', { range: 'bytes=2-5' });
    expect(mid.status).toBe(206);
    expect(mid.headers['content-range']).toBe('bytes 2-5/10');
    expect(mid.body.toString()).toBe('2345');
    expect((await get(run, 'digits.txt', { range: 'bytes=7-' })).body.toString()).toBe('789');
    expect((await get(run, 'digits.txt', { range: 'bytes=-3' })).body.toString()).toBe('789');
    expect((await get(run, 'digits.txt', { range: 'bytes=8-100' })).body.toString()).toBe('89');
    const past = await get(run, 'digits.txt', { range: 'bytes=10-' });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe('bytes */10');
    expect((await get(run, 'digits.txt', { range: 'bytes=1-2,4-5' })).status).toBe(200);
  });

  it('answers MLflow-style JSON errors: 404 for a missing run or file, 409 for a deleted run', async () => {
    const missing = await put('f'.repeat(32), 'x.txt', 'x');
    expect(missing.status).toBe(404);
    expect(json(missing)).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
    const run = await seedRun(t, exp);
    expect(json(await get(run, 'nope.txt'))).toMatchObject({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
    });
    await t.executeRaw(`mutation { deleteRun(input: { runId: "${run}" }) { __typename } }`);
    const gone = await put(run, 'x.txt', 'x');
    expect(gone.status).toBe(409);
    expect(json(gone)).toMatchObject({ error_code: 'INVALID_STATE' });
  });

  it('refuses a file below a file, and a file where a directory is', async () => {
    const run = await seedRun(t, exp);
    await put(run, 'dir/file.txt', 'x');
    expect(json(await put(run, 'dir/file.txt/below', 'x'))).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
    });
    expect((await put(run, 'dir', 'x')).status).toBe(400);
  });
});

describe('upload size limit', () => {
  it('refuses a body over TRACKQL_ARTIFACT_MAX_UPLOAD_BYTES, declared or streamed, leaving nothing', async () => {
    const run = await seedRun(t, exp);
    const big = randomBytes(8 * 1024 * 1024 + 1);
    const declared = await put(run, 'big.bin', big);
    expect(declared.status).toBe(400);
    const url = new URL(base);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, method: 'PUT', path: `/artifacts/${run}/big.bin` },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(big.subarray(0, 4 * 1024 * 1024));
      req.end(big.subarray(4 * 1024 * 1024));
    });
    expect(streamed).toBe(400);
    expect((await get(run, 'big.bin')).status).toBe(404);
    expect(readdirSync(runDir(run), { recursive: true })).toEqual([]);
  });
});

describe('interrupted uploads', () => {
  it('leaves no file, no temporary file and no record when the client disconnects midway', async () => {
    const run = await seedRun(t, exp);
    await put(run, 'keep/model.bin', 'old');
    const url = new URL(base);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        method: 'PUT',
        path: `/artifacts/${run}/keep/model.bin`,
        headers: { 'content-length': String(10 * 1024 * 1024) },
      });
      req.on('error', () => resolve());
      req.write(randomBytes(1024 * 1024), () => setTimeout(() => req.destroy(), 100));
      req.on('close', () => resolve());
    });
    let left: string[] = [];
    for (let i = 0; i < 40; i++) {
      left = readdirSync(path.join(runDir(run), 'keep'));
      if (left.length === 1) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(left).toEqual(['model.bin']);
    expect((await get(run, 'keep/model.bin')).body.toString()).toBe('old');
    const res = await t.execute(ListArtifacts, { runId: run, path: 'keep' });
    expect(res.run?.artifacts.edges.map((e) => [e.node.path, e.node.fileSize])).toEqual([
      ['keep/model.bin', 3],
    ]);
  });
});

describe('Run.artifacts', () => {
  it('lists immediate children with sizes and checksums, directories first-class, and pages', async () => {
    const run = await seedRun(t, exp);
    for (const p of ['b.txt', 'a/1.txt', 'a/2.txt', 'a/deep/3.txt', 'c.txt', 'd.txt']) {
      await put(run, p, p);
    }
    const top = await t.execute(ListArtifacts, { runId: run });
    expect(top.run?.artifactUri).toBe(`${root}/${exp}/${run}/artifacts`);
    expect(top.run?.artifacts.edges.map((e) => e.node)).toEqual([
      { path: 'a', name: 'a', isDir: true, fileSize: null, totalSize: 26, sha256: null },
      {
        path: 'b.txt',
        name: 'b.txt',
        isDir: false,
        fileSize: 5,
        totalSize: 5,
        sha256: sha(Buffer.from('b.txt')),
      },
      expect.objectContaining({ path: 'c.txt' }),
      expect.objectContaining({ path: 'd.txt' }),
    ]);
    const sub = await t.execute(ListArtifacts, { runId: run, path: 'a/' });
    expect(sub.run?.artifacts.edges.map((e) => [e.node.path, e.node.isDir])).toEqual([
      ['a/1.txt', false],
      ['a/2.txt', false],
      ['a/deep', true],
    ]);
    const seen: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = await t.execute(ListArtifacts, { runId: run, first: 3, after });
      seen.push(...(page.run?.artifacts.edges.map((e) => e.node.name) ?? []));
      if (!page.run?.artifacts.pageInfo.hasNextPage) break;
      after = page.run.artifacts.pageInfo.endCursor;
    }
    expect(seen).toEqual(['a', 'b.txt', 'c.txt', 'd.txt']);
    const none = await t.execute(ListArtifacts, { runId: run, path: 'b.txt' });
    expect(none.run?.artifacts.edges).toEqual([]);
  });

  it('refuses a traversal in the listed path', async () => {
    const run = await seedRun(t, exp);
    const res = await t.executeRaw(ListArtifacts, { runId: run, path: '../other' });
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_PARAMETER_VALUE');
  });
});
