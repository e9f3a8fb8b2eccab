import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const exec = promisify(execFile);
let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
});
afterAll(() => t.close());

describe('process exit', () => {
  it('ends an active run and sends queued points before the process exits', async () => {
    const script = path.join(import.meta.dirname, 'fixtures/exit-without-end.ts');
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', script], {
      env: {
        ...process.env,
        MLFLOW_TRACKING_URI: url.replace(/\/graphql$/, ''),
        MLFLOW_EXPERIMENT_NAME: 'from-env',
        MLFLOW_TRACKING_USERNAME: 'alice',
        POINTS: '5000',
      },
      timeout: 60_000,
    });
    const runId = stdout.trim().split('\n').at(-1);
    const res = await t.executeRaw<
      {
        run: {
          status: string;
          userId: string;
          experiment: { name: string };
          metricSummaries: { key: string; count: number }[];
          params: { key: string; value: string }[];
        };
      },
      { id: string }
    >(
      'query($id: String!) { run(runId: $id) { status userId experiment { name } metricSummaries { key count } params { key value } } }',
      { id: String(runId) },
    );
    expect(res.data?.run).toEqual({
      status: 'FINISHED',
      userId: 'alice',
      experiment: { name: 'from-env' },
      metricSummaries: [{ key: 'x', count: 5000 }],
      params: [{ key: 'points', value: '5000' }],
    });
  });
});
