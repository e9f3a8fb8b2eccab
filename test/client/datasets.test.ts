import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalJson,
  computeDigest,
  datasetFromFile,
  datasetFromRecords,
  datasetFromUrl,
  datasetInput,
  logInput,
} from '../../client/packages/node/src/datasets.ts';
import { graphql } from '../gql/index.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const RunInputs = graphql(`
  query ClientTestRunInputs($runId: String!) {
    run(runId: $runId) { inputs { context dataset { name digest sourceType source schema profile } } }
  }
`);

const work = mkdtempSync(path.join(tmpdir(), 'trackql-client-ds-'));
let t: TestApp;
let url: string;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
  exp = await seedExperiment(t);
});
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

const rows = [
  { x: 1, y: 'a', ok: true },
  { x: 2, y: 'b', ok: false },
];

describe('dataset helpers', () => {
  it('digests in-memory data stably, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    const reordered = rows.map((r) => ({ ok: r.ok, y: r.y, x: r.x }));
    expect(computeDigest(rows)).toBe(computeDigest(reordered));
    expect(computeDigest(rows)).toMatch(/^[0-9a-f]{8}$/);
    expect(computeDigest(rows, 36)).toHaveLength(36);
    expect(computeDigest(rows)).not.toBe(computeDigest([...rows, { x: 3, y: 'c', ok: true }]));
    expect(() => computeDigest(rows, 40)).toThrow(RangeError);
  });

  it('describes records with a column schema and a row count', () => {
    const ds = datasetFromRecords(rows, { name: 'toy' });
    expect(ds).toMatchObject({ name: 'toy', sourceType: 'code', digest: computeDigest(rows) });
    expect(JSON.parse(ds.schema ?? '')).toEqual({
      mlflow_colspec: [
        { name: 'ok', type: 'boolean', required: true },
        { name: 'x', type: 'long', required: true },
        { name: 'y', type: 'string', required: true },
      ],
    });
    expect(JSON.parse(ds.profile ?? '')).toEqual({ num_rows: 2, num_elements: 6 });
  });

  it('describes files by their bytes and URLs by scheme', async () => {
    const file = path.join(work, 'train.csv');
    writeFileSync(file, 'x,y\n1,a\n');
    const ds = await datasetFromFile(file);
    expect(ds).toMatchObject({
      name: 'train.csv',
      sourceType: 'local',
      digest: createHash('sha256').update('x,y\n1,a\n').digest('hex').slice(0, 8),
      source: JSON.stringify({ uri: `file://${file}` }),
    });
    expect(datasetFromUrl('https://example.com/data/iris.parquet')).toMatchObject({
      name: 'iris.parquet',
      sourceType: 'http',
      source: '{"url":"https://example.com/data/iris.parquet"}',
    });
    expect(datasetFromUrl('s3://bucket/x.csv', { digest: 'abc' })).toMatchObject({
      sourceType: 's3',
      digest: 'abc',
    });
    expect(datasetInput(ds, { context: 'eval' }).tags).toEqual([
      { key: 'mlflow.data.context', value: 'eval' },
    ]);
  });

  it('logs an input with its context through the server', async () => {
    const runId = await seedRun(t, exp);
    const ds = datasetFromRecords(rows, { name: 'toy' });
    await logInput({ url, runId }, ds, { context: 'training' });
    await logInput({ url, runId }, ds, { context: 'eval' });
    const res = await t.execute(RunInputs, { runId });
    expect(res.run?.inputs).toEqual([{ context: 'training', dataset: { ...ds } }]);
    const err = await logInput({ url, runId: 'f'.repeat(32) }, ds).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
  });
});
