import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GetLoggedModel } from '../helpers/model-documents.ts';
import { seedExperiment, seedModel } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The env vars are read once, at the first read of the active model, as MLflow's per-thread default
 * is: each case loads a fresh copy of the client (its own module state) after setting them.
 */
type Client = typeof import('@trackql/node');
const fresh = async (): Promise<Client> => {
  vi.resetModules();
  return import('@trackql/node');
};

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
});
afterAll(() => t.close());
afterEach(() => {
  delete process.env.MLFLOW_ACTIVE_MODEL_ID;
  delete process.env._MLFLOW_ACTIVE_MODEL_ID;
});

describe('active model from the environment', () => {
  it('prefers MLFLOW_ACTIVE_MODEL_ID, then _MLFLOW_ACTIVE_MODEL_ID, else none', async () => {
    process.env.MLFLOW_ACTIVE_MODEL_ID = 'm-public';
    process.env._MLFLOW_ACTIVE_MODEL_ID = 'm-legacy';
    expect((await fresh()).getActiveModelId()).toBe('m-public');
    delete process.env.MLFLOW_ACTIVE_MODEL_ID;
    expect((await fresh()).getActiveModelId()).toBe('m-legacy');
    delete process.env._MLFLOW_ACTIVE_MODEL_ID;
    expect((await fresh()).getActiveModelId()).toBeNull();
  });

  it('reads the env once; setActiveModel overrides it, restore goes back, clear unsets both', async () => {
    const exp = await seedExperiment(t);
    const other = await seedModel(t, exp, { name: 'other' });
    process.env._MLFLOW_ACTIVE_MODEL_ID = 'm-legacy';
    const client = await fresh();
    client.setTrackingUri(url);
    expect(client.getActiveModelId()).toBe('m-legacy');
    process.env._MLFLOW_ACTIVE_MODEL_ID = 'm-changed-later';
    expect(client.getActiveModelId()).toBe('m-legacy');
    const active = await client.setActiveModel({ modelId: other });
    expect(client.getActiveModelId()).toBe(other);
    active.restore();
    expect(client.getActiveModelId()).toBe('m-legacy');
    client.clearActiveModel();
    expect(client.getActiveModelId()).toBeNull();
    expect(process.env._MLFLOW_ACTIVE_MODEL_ID).toBeUndefined();
  });

  it('links fluent metrics to the model named by MLFLOW_ACTIVE_MODEL_ID', async () => {
    const exp = await seedExperiment(t);
    const model = await seedModel(t, exp, { name: 'from-env' });
    process.env.MLFLOW_ACTIVE_MODEL_ID = model;
    const client = await fresh();
    client.setTrackingUri(url);
    const run = await client.startRun({ experimentId: exp });
    client.logMetric('accuracy', 0.75, 2);
    await client.endRun();
    const res = await t.execute(GetLoggedModel, { modelId: model });
    expect(res.loggedModel?.metrics).toMatchObject([
      { key: 'accuracy', value: 0.75, step: 2, runId: run.runId },
    ]);
  });
});
