import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
});
afterAll(() => t.close());

async function example(name: string, env: Record<string, string> = {}) {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'client/examples', `${name}.ts`)],
    { cwd: root, env: { ...process.env, MLFLOW_TRACKING_URI: url, ...env }, timeout: 60_000 },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as Record<string, unknown>;
}

describe('client examples against a listening server', () => {
  it('training-loop logs every step of every epoch', { timeout: 120_000 }, async () => {
    const out = await example('training-loop', { EPOCHS: '3', STEPS_PER_EPOCH: '500' });
    expect(out).toMatchObject({
      status: 'FINISHED',
      params: { learning_rate: '0.01', batch_size: '32', epochs: '3' },
    });
    const res = await t.executeRaw<
      { run: { metricSummaries: { key: string; count: number }[] } },
      { id: string }
    >('query($id: String!) { run(runId: $id) { metricSummaries { key count } } }', {
      id: String(out.runId),
    });
    expect(res.data?.run.metricSummaries).toEqual([
      { key: 'epoch_loss', count: 3 },
      { key: 'train_loss', count: 1500 },
      { key: 'val_loss', count: 3 },
    ]);
  });

  it('hyperparameter-sweep nests a child run per combination and finds them again', {
    timeout: 120_000,
  }, async () => {
    const out = await example('hyperparameter-sweep', { MLFLOW_EXPERIMENT_NAME: 'sweep-test' });
    expect(out.children).toBe(9);
    const res = await t.executeRaw<
      {
        run: {
          params: { key: string }[];
          children: { status: string }[];
          latestMetrics: { key: string }[];
        };
      },
      { id: string }
    >(
      'query($id: String!) { run(runId: $id) { params { key } children { status } latestMetrics { key } } }',
      { id: String(out.parentRunId) },
    );
    expect(res.data?.run.children).toHaveLength(9);
    expect(res.data?.run.children.every((c) => c.status === 'FINISHED')).toBe(true);
    expect(res.data?.run.params.map((p) => p.key).sort()).toEqual([
      'best_batch_size',
      'best_learning_rate',
      'search_strategy',
    ]);
    expect(res.data?.run.latestMetrics.map((m) => m.key)).toEqual(['best_accuracy']);
  });

  it('tfjs-xor autologs a fit and loads the logged model back', { timeout: 120_000 }, async () => {
    const out = await example('tfjs-xor', { EPOCHS: '3' });
    expect(out).toMatchObject({
      status: 'READY',
      params: { epochs: '3', batch_size: '16', optimizer_name: 'Adam', loss: 'binaryCrossentropy' },
    });
    expect(Object.keys(out.metrics as object).sort()).toEqual([
      'acc',
      'loss',
      'val_acc',
      'val_loss',
    ]);
    expect(out.predictions).toHaveLength(4);
  });
});
