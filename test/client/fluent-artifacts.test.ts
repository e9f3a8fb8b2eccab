import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  datasetFromRecords,
  downloadArtifacts,
  getArtifactUri,
  listArtifacts,
  logArtifact,
  logDict,
  logInput,
  logText,
  setExperiment,
  setTrackingUri,
  withRun,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const RunInputs = graphql(`
  query FluentRunInputs($runId: String!) {
    run(runId: $runId) {
      inputs {
        context
        dataset {
          name
          digest
        }
      }
    }
  }
`);

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'trackql-fluent-art-'));
  t = await createTestApp({ config: { artifactRoot: path.join(dir, 'store') } });
  setTrackingUri(await t.listen());
  await setExperiment(uniqueName('fluent-artifacts'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fluent artifacts and inputs', () => {
  it('logs files, text, dicts and a dataset to the active run and reads them back', async () => {
    const local = path.join(dir, 'weights.bin');
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    writeFileSync(local, bytes);
    const runId = await withRun({ runName: 'with-artifacts' }, async (run) => {
      await logArtifact(local, 'model');
      await logText('hello', 'notes/readme.txt');
      await logDict({ lr: 0.01, layers: [1, 2] }, 'config.yaml');
      await logInput(datasetFromRecords([{ x: 1 }, { x: 2 }], { name: 'toy' }), {
        context: 'training',
      });
      expect(await getArtifactUri('model')).toBe(
        `${path.join(dir, 'store')}/${run.info.experimentId}/${run.runId}/artifacts/model`,
      );
      return run.runId;
    });
    const root = await listArtifacts('', runId);
    expect(root.map((f) => [f.path, f.isDir])).toEqual([
      ['config.yaml', false],
      ['model', true],
      ['notes', true],
    ]);
    const out = path.join(dir, 'download');
    mkdirSync(out);
    await downloadArtifacts('model/weights.bin', out, { runId });
    const got = readFileSync(path.join(out, 'weights.bin'));
    expect(createHash('sha256').update(got).digest('hex')).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
    const inputs = (await t.execute(RunInputs, { runId })).run!.inputs;
    expect(inputs).toEqual([
      { context: 'training', dataset: { name: 'toy', digest: expect.any(String) } },
    ]);
  });
});
