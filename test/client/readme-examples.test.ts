import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { MlflowClient } from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
// inside the checkout (not node_modules), so tsx resolves '@trackql/node' through tsconfig.json's paths
const scratch = path.join(root, 'test/.readme-examples');

/** The ```ts blocks of client/README.md whose first line is `// README example: <name>`. */
function examples(): Map<string, string> {
  const readme = readFileSync(path.join(root, 'client/README.md'), 'utf8');
  const out = new Map<string, string>();
  for (const m of readme.matchAll(/```ts\n\/\/ README example: ([\w-]+)\n([\s\S]*?)```/g)) {
    out.set(m[1]!, m[2]!);
  }
  return out;
}

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
  mkdirSync(scratch, { recursive: true });
});
afterAll(async () => {
  await t.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs one README block with plain node + tsx against the test server; returns its last JSON line. */
async function runExample(name: string): Promise<Record<string, unknown>> {
  const code = examples().get(name);
  if (code === undefined) throw new Error(`client/README.md has no example '${name}'`);
  const file = path.join(scratch, `${name}.mts`);
  writeFileSync(file, code);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', file], {
    cwd: root,
    env: { ...process.env, MLFLOW_TRACKING_URI: url },
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

describe('client/README.md examples, run as written', () => {
  it('has the examples this test runs', () => {
    expect([...examples().keys()].sort()).toEqual(['media', 'mlflow-client']);
  });

  it('mlflow-client', { timeout: 90_000 }, async () => {
    expect(await runExample('mlflow-client')).toEqual({
      points: 3,
      status: 'FINISHED',
      files: ['notes'],
    });
  });

  it('media', { timeout: 90_000 }, async () => {
    const { runId } = await runExample('media');
    const client = new MlflowClient({ trackingUri: url });
    const files = await client.listArtifacts(String(runId), 'eval');
    expect(files.map((f) => f.path)).toEqual(['eval/answers.json']);
    expect((await client.getRun(String(runId))).data.tags['mlflow.loggedArtifacts']).toBe(
      '[{"path":"eval/answers.json","type":"table"}]',
    );
  });
});
