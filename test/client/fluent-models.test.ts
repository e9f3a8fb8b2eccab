import {
  clearActiveModel,
  createExternalModel,
  deleteLoggedModel,
  deleteLoggedModelTag,
  EXTERNAL_MODEL_TAG,
  endRun,
  finalizeLoggedModel,
  flush,
  getActiveModelId,
  getLoggedModel,
  initializeLoggedModel,
  lastLoggedModel,
  logMetric,
  logMetrics,
  logModelParams,
  logOutputs,
  SYSTEM_TAGS,
  searchLoggedModels,
  setActiveModel,
  setExperiment,
  setLoggedModelTags,
  setTrackingUri,
  startRun,
  TrackingError,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunLinks } from '../helpers/model-documents.ts';
import { seedModel } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  setTrackingUri(await t.listen());
});
afterAll(() => t.close());

const rejection = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TrackingError);
  return e as TrackingError;
};

describe('fluent logged models', () => {
  it('initializeLoggedModel defaults to the active run, adds context tags and sends params 100 at a time', async () => {
    const exp = await setExperiment('fluent-models-init');
    const run = await startRun();
    const params = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`p${i}`, i]));
    const m = await initializeLoggedModel({
      name: 'clf',
      modelType: 'sklearn',
      params,
      tags: { team: 'x' },
    });
    await endRun();
    expect(m).toMatchObject({
      experimentId: exp.experimentId,
      sourceRunId: run.runId,
      status: 'PENDING',
      modelUri: `models:/${m.modelId}`,
    });
    expect(Object.keys(m.params)).toHaveLength(150);
    expect(m.params.p149).toBe('149');
    expect(m.tags.team).toBe('x');
    expect(m.tags[SYSTEM_TAGS.user]).toBeTruthy();
    expect((await lastLoggedModel())?.modelId).toBe(m.modelId);
  });

  it('createExternalModel tags the model external and finalizes it READY', async () => {
    await setExperiment('fluent-models-external');
    const m = await createExternalModel({ name: 'ext' });
    expect(m.status).toBe('READY');
    expect(m.tags[EXTERNAL_MODEL_TAG]).toBe('true');
    expect((await lastLoggedModel())?.modelId).toBe(m.modelId);
  });

  it('finalizes, tags, logs params, and deletes through the fluent functions', async () => {
    await setExperiment('fluent-models-crud');
    const m = await initializeLoggedModel({ name: 'crud' });
    expect((await finalizeLoggedModel(m.modelId, 'UPLOAD_FAILED')).status).toBe('UPLOAD_FAILED');
    expect((await setLoggedModelTags(m.modelId, { a: 1, b: true })).tags).toMatchObject({
      a: '1',
      b: 'true',
    });
    expect((await deleteLoggedModelTag(m.modelId, 'a')).tags.a).toBeUndefined();
    const missingTag = await rejection(deleteLoggedModelTag(m.modelId, 'a'));
    expect(missingTag.code).toBe('RESOURCE_DOES_NOT_EXIST');
    await logModelParams({ alpha: 0.5 }, m.modelId);
    const changed = await rejection(logModelParams({ alpha: 0.6 }, m.modelId));
    expect(changed.code).toBe('INVALID_PARAMETER_VALUE');
    expect((await getLoggedModel(m.modelId))?.params).toEqual({ alpha: '0.5' });
    await deleteLoggedModel(m.modelId);
    expect(await getLoggedModel(m.modelId)).toBeNull();
    expect((await getLoggedModel(m.modelId, { allowDeleted: true }))?.name).toBe('crud');
  });

  it('searchLoggedModels follows pages up to maxResults in the current experiment', async () => {
    const exp = await setExperiment('fluent-models-search');
    for (let i = 0; i < 105; i++) await seedModel(t, exp.experimentId, { name: `s${i}` });
    expect(await searchLoggedModels()).toHaveLength(105);
    const three = await searchLoggedModels({ maxResults: 3, orderBy: [{ fieldName: 'name' }] });
    expect(three.map((m) => m.name)).toEqual(['s0', 's1', 's10']);
    const one = await searchLoggedModels({ filter: "name = 's42'" });
    expect(one.map((m) => m.name)).toEqual(['s42']);
    const bad = await rejection(searchLoggedModels({ filter: 'name ==' }));
    expect(bad.code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('active model', () => {
  it('setActiveModel by name creates an external model once, and logMetric links to it', async () => {
    await setExperiment('fluent-active-model');
    clearActiveModel();
    const active = await setActiveModel({ name: 'agent' });
    expect(active.status).toBe('READY');
    expect(active.tags[EXTERNAL_MODEL_TAG]).toBe('true');
    expect(getActiveModelId()).toBe(active.modelId);
    const again = await setActiveModel({ name: 'agent' });
    expect(again.modelId).toBe(active.modelId);
    again.restore();
    expect(getActiveModelId()).toBe(active.modelId);
    const run = await startRun();
    logMetric('accuracy', 0.9, 1);
    logMetrics({ f1: 0.8, recall: 0.7 }, 2);
    await endRun();
    const m = await getLoggedModel(active.modelId);
    expect(m?.metrics?.map((x) => [x.key, x.value, x.step, x.runId])).toEqual([
      ['accuracy', 0.9, 1, run.runId],
      ['f1', 0.8, 2, run.runId],
      ['recall', 0.7, 2, run.runId],
    ]);
    const links = await t.execute(RunLinks, { runId: run.runId });
    expect(links.run?.modelInputs).toEqual([{ modelId: active.modelId }]);
    active.restore();
    expect(getActiveModelId()).toBeNull();
  });

  it('setActiveModel by id checks the model and the name', async () => {
    await setExperiment('fluent-active-by-id');
    clearActiveModel();
    const m = await initializeLoggedModel({ name: 'byid' });
    const active = await setActiveModel({ modelId: m.modelId });
    expect(active.name).toBe('byid');
    const other = await rejection(setActiveModel({ modelId: m.modelId, name: 'other' }));
    expect(other.code).toBe('INVALID_PARAMETER_VALUE');
    const missing = await rejection(setActiveModel({ modelId: `m-${'0'.repeat(32)}` }));
    expect(missing.code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(getActiveModelId()).toBe(m.modelId);
    await logModelParams({ from: 'active' });
    expect((await getLoggedModel(m.modelId))?.params).toEqual({ from: 'active' });
    clearActiveModel();
    expect(getActiveModelId()).toBeNull();
    expect((await rejection(logModelParams({ x: 1 }))).code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('logMetric links', () => {
  it('links to an explicit model with a dataset, logging the model and dataset as run inputs', async () => {
    await setExperiment('fluent-metric-links');
    clearActiveModel();
    const m = await initializeLoggedModel({ name: 'explicit' });
    const dataset = { name: 'eval', digest: 'abc123', sourceType: 'code', source: '{}' };
    const run = await startRun();
    logMetric('rmse', 0.25, { step: 3, modelId: m.modelId, dataset });
    logMetric('plain', 1, 3);
    await endRun();
    expect((await getLoggedModel(m.modelId))?.metrics).toEqual([
      {
        key: 'rmse',
        value: 0.25,
        step: 3,
        timestamp: expect.any(Number),
        runId: run.runId,
        dataset: { name: 'eval', digest: 'abc123' },
      },
    ]);
    const links = (await t.execute(RunLinks, { runId: run.runId })).run!;
    expect(links.modelInputs).toEqual([{ modelId: m.modelId }]);
    expect(links.inputs).toEqual([{ dataset: { name: 'eval' } }]);
    expect(links.latestMetrics.map((x) => x.key)).toEqual(['plain', 'rmse']);
  });

  it('links points of a step the run output a model at, and only those', async () => {
    await setExperiment('fluent-metric-outputs');
    clearActiveModel();
    const run = await startRun();
    const m = await initializeLoggedModel({ name: 'ckpt' });
    await logOutputs([{ modelId: m.modelId, step: 5 }]);
    logMetric('loss', 0.1, 5);
    logMetric('loss', 0.2, 6);
    await endRun();
    expect((await getLoggedModel(m.modelId))?.metrics?.map((x) => x.step)).toEqual([5]);
    const links = (await t.execute(RunLinks, { runId: run.runId })).run!;
    expect(links.outputs).toEqual([{ modelId: m.modelId, step: 5 }]);
    expect(links.modelInputs).toEqual([]);
  });

  it('reports a link to an unknown model on flush without losing the run’s other points', async () => {
    await setExperiment('fluent-metric-unknown');
    clearActiveModel();
    const run = await startRun();
    logMetric('ok', 1, 0);
    logMetric('linked', 2, { modelId: `m-${'f'.repeat(32)}` });
    const err = await rejection(flush());
    expect(err.code).toBe('RESOURCE_DOES_NOT_EXIST');
    await endRun();
    const links = (await t.execute(RunLinks, { runId: run.runId })).run!;
    expect(links.latestMetrics.map((x) => x.key)).toEqual(['ok']);
  });
});
