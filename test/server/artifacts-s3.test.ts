import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3Config } from '../../server/config.ts';
import { graphql } from '../gql/index.ts';
import { CreateExperiment } from '../helpers/documents.ts';
import { json, rawRequest } from '../helpers/http.ts';
import { seedRun, uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const ListArtifacts = graphql(`
  query ListS3Artifacts($runId: String!, $path: String) {
    run(runId: $runId) {
      artifactUri
      artifacts(path: $path) { edges { node { path isDir fileSize sha256 } } }
    }
  }
`);

const BUCKET = 'trackql-test';
const dir = mkdtempSync(path.join(tmpdir(), 'trackql-s3rver-'));
const s3rver = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: dir,
  configureBuckets: [{ name: BUCKET }],
});
let s3: S3Config;
let t: TestApp;
let base: string;
let exp: string;
let prefix: string;

beforeAll(async () => {
  const addr = await s3rver.run();
  s3 = {
    endpoint: `http://127.0.0.1:${addr.port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
  t = await createTestApp({ config: { s3, artifactAllowedRoots: [`s3://${BUCKET}`] } });
  base = (await t.listen()).replace(/\/graphql$/, '');
  prefix = uniqueName('exp');
  const res = await t.execute(CreateExperiment, {
    input: { name: uniqueName(), artifactLocation: `s3://${BUCKET}/${prefix}` },
  });
  if (res.createExperiment.__typename !== 'CreateExperimentSuccess')
    throw new Error('no experiment');
  exp = res.createExperiment.experiment.experimentId;
});
afterAll(async () => {
  await t.close();
  await s3rver.close();
  rmSync(dir, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function keys(runId: string): Promise<string[]> {
  const client = new S3Client({ ...s3 });
  const res = await client.send(
    new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `${prefix}/${runId}/` }),
  );
  client.destroy();
  return (res.Contents ?? []).map((o) => o.Key ?? '');
}

describe('S3 artifact store (s3rver)', () => {
  it('round-trips a multipart-sized binary file under the run prefix, with ranges', async () => {
    const run = await seedRun(t, exp);
    const data = randomBytes(20 * 1024 * 1024 + 5);
    const up = await rawRequest(base, 'PUT', `/artifacts/${run}/ckpt/model.bin`, data);
    expect(up.status, up.body.toString()).toBe(201);
    expect(json(up)).toMatchObject({ size: data.length, sha256: sha(data) });
    expect(await keys(run)).toEqual([`${prefix}/${run}/artifacts/ckpt/model.bin`]);
    const down = await rawRequest(base, 'GET', `/artifacts/${run}/ckpt/model.bin`);
    expect(sha(down.body)).toBe(sha(data));
    const part = await rawRequest(base, 'GET', `/artifacts/${run}/ckpt/model.bin`, undefined, {
      range: 'bytes=100-199',
    });
    expect(part.status).toBe(206);
    expect(part.body.equals(data.subarray(100, 200))).toBe(true);
    const list = await t.execute(ListArtifacts, { runId: run });
    expect(list.run?.artifactUri).toBe(`s3://${BUCKET}/${prefix}/${run}/artifacts`);
    expect(list.run?.artifacts.edges.map((e) => e.node)).toEqual([
      { path: 'ckpt', isDir: true, fileSize: null, sha256: null },
    ]);
  });

  it('stores small and empty files', async () => {
    const run = await seedRun(t, exp);
    expect((await rawRequest(base, 'PUT', `/artifacts/${run}/a.txt`, 'hello')).status).toBe(201);
    expect((await rawRequest(base, 'PUT', `/artifacts/${run}/empty`, '')).status).toBe(201);
    expect((await rawRequest(base, 'GET', `/artifacts/${run}/a.txt`)).body.toString()).toBe(
      'hello',
    );
    expect((await rawRequest(base, 'GET', `/artifacts/${run}/empty`)).body.length).toBe(0);
  });

  it('leaves no object when the client disconnects midway', async () => {
    const run = await seedRun(t, exp);
    const url = new URL(base);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: url.hostname,
        port: url.port,
        method: 'PUT',
        path: `/artifacts/${run}/partial.bin`,
        headers: { 'content-length': String(40 * 1024 * 1024) },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(randomBytes(12 * 1024 * 1024), () => setTimeout(() => req.destroy(), 300));
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await keys(run)).toEqual([]);
    expect((await rawRequest(base, 'GET', `/artifacts/${run}/partial.bin`)).status).toBe(404);
  });
});
