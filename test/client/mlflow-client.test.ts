import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  datasetFromRecords,
  InvalidValueError,
  MlflowClient,
  operations,
  TrackingError,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let dir: string;
let client: MlflowClient;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'trackql-mlflow-client-'));
  t = await createTestApp({ config: { artifactRoot: path.join(dir, 'store') } });
  client = new MlflowClient({ trackingUri: await t.listen() });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof TrackingError ? e.code : `not a TrackingError: ${String(e)}`),
  );

describe('MlflowClient', () => {
  it('manages experiments: create, get, rename, tags, delete, restore, search', async () => {
    const name = uniqueName('mc-exp');
    const id = await client.createExperiment(name, { tags: { team: 'risk' } });
    expect((await client.getExperiment(id)).tags).toEqual({ team: 'risk' });
    expect(await code(client.createExperiment(name))).toBe('RESOURCE_ALREADY_EXISTS');
    await client.renameExperiment(id, `${name}-renamed`);
    expect((await client.getExperimentByName(`${name}-renamed`))?.experimentId).toBe(id);
    expect(await client.getExperimentByName(name)).toBeNull();
    await client.setExperimentTag(id, 'stage', 2);
    await client.deleteExperimentTag(id, 'team');
    expect((await client.getExperiment(id)).tags).toEqual({ stage: '2' });
    expect(await code(client.deleteExperimentTag(id, 'team'))).toBe('RESOURCE_DOES_NOT_EXIST');
    await client.deleteExperiment(id);
    expect((await client.getExperiment(id)).lifecycleStage).toBe('DELETED');
    const active = await client.searchExperiments({ filter: `name = '${name}-renamed'` });
    expect(active).toEqual([]);
    await client.restoreExperiment(id);
    const found = await client.searchExperiments({ filter: `name = '${name}-renamed'` });
    expect(found.map((e) => e.experimentId)).toEqual([id]);
    expect(await code(client.getExperiment('987654321'))).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('manages runs and logs synchronously: metrics, params, tags, batches, history', async () => {
    const exp = await client.createExperiment(uniqueName('mc-runs'));
    const run = await client.createRun(exp, { runName: 'baseline', tags: { a: 1 } });
    const runId = run.info.runId;
    expect(run.info.name).toBe('baseline');
    await client.logMetric(runId, 'loss', 0.5, { step: 1, timestamp: 1000 });
    await client.logMetric(runId, 'loss', Number.NaN, { step: 2, timestamp: 2000 });
    await client.logParam(runId, 'lr', 0.01);
    await client.setTag(runId, 'stage', 'dev');
    await client.logBatch(runId, {
      metrics: Array.from({ length: 1500 }, (_, i) => ({ key: 'acc', value: i / 1500, step: i })),
      params: { batch: 32 },
      tags: [{ key: 'owner', value: 'me' }],
    });
    const got = await client.getRun(runId);
    expect(got.data.params).toEqual({ lr: '0.01', batch: '32' });
    expect(got.data.tags).toMatchObject({ a: '1', stage: 'dev', owner: 'me' });
    expect(got.data.metrics.acc).toBeCloseTo(1499 / 1500);
    expect(got.inputs).toEqual({ datasetInputs: [], modelInputs: [] });
    const loss = await client.getMetricHistory(runId, 'loss');
    expect(loss.map((p) => [p.step, p.timestamp])).toEqual([
      [1, 1000],
      [2, 2000],
    ]);
    expect(Number.isNaN(loss[1]!.value)).toBe(true);
    expect((await client.getMetricHistory(runId, 'acc')).length).toBe(1500);

    // bad input: refused before anything is sent
    await expect(client.logMetric(runId, 'loss', '1' as unknown as number)).rejects.toBeInstanceOf(
      InvalidValueError,
    );
    await expect(
      client.logBatch(runId, {
        metrics: [
          { key: 'ok', value: 1 },
          { key: '../x', value: 2 },
        ],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_PARAMETER_VALUE', field: 'metrics[1].key' });
    expect(await client.getMetricHistory(runId, 'ok')).toEqual([]);
    // the server's own checks: a changed param
    expect(await code(client.logParam(runId, 'lr', 0.02))).toBe('INVALID_PARAMETER_VALUE');

    await client.deleteTag(runId, 'stage');
    expect((await client.getRun(runId)).data.tags.stage).toBeUndefined();
    await client.updateRun(runId, { runName: 'renamed' });
    await client.setTerminated(runId, 'KILLED', 5000);
    const ended = (await client.getRun(runId)).info;
    expect([ended.name, ended.status, ended.endTime]).toEqual(['renamed', 'KILLED', 5000]);

    const other = (await client.createRun(exp, { runName: 'other' })).info.runId;
    await client.logMetric(other, 'acc', 0.1);
    const best = await client.searchRuns([exp], { orderBy: ['metrics.acc DESC'], maxResults: 1 });
    expect(best.map((r) => r.info.runId)).toEqual([runId]);
    await client.deleteRun(other);
    expect((await client.searchRuns([exp])).map((r) => r.info.runId)).toEqual([runId]);
    await client.restoreRun(other);
    expect((await client.searchRuns([exp])).length).toBe(2);
    expect(await code(client.getRun('0'.repeat(32)))).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(await code(client.getMetricHistory('0'.repeat(32), 'loss'))).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
  });

  it('handles logged models, outputs, dataset inputs and traces', async () => {
    const exp = await client.createExperiment(uniqueName('mc-models'));
    const runId = (await client.createRun(exp)).info.runId;
    const params = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`p${i}`, i]));
    const model = await client.createLoggedModel(exp, { name: 'clf', sourceRunId: runId, params });
    expect(Object.keys(model.params).length).toBe(150);
    expect(model.tags).toEqual({});
    await client.setLoggedModelTags(model.modelId, { flavor: 'onnx', temp: 1 });
    await client.deleteLoggedModelTag(model.modelId, 'temp');
    await client.logModelParams(model.modelId, { extra: 'yes' });
    const ready = await client.finalizeLoggedModel(model.modelId, 'READY');
    expect([ready.status, ready.tags]).toEqual(['READY', { flavor: 'onnx' }]);
    expect((await client.getLoggedModel(model.modelId)).params.extra).toBe('yes');
    const search = await client.searchLoggedModels([exp], { filter: "tags.flavor = 'onnx'" });
    expect(search.map((m) => m.modelId)).toEqual([model.modelId]);

    await client.logOutputs(runId, [{ modelId: model.modelId, step: 3 }]);
    const ds = datasetFromRecords([{ x: 1 }], { name: 'train' });
    await client.logInputs(runId, [{ dataset: ds, context: 'training' }]);
    const run = await client.getRun(runId);
    expect(run.outputs).toEqual({ modelOutputs: [{ modelId: model.modelId, step: 3 }] });
    expect(run.inputs?.datasetInputs.map((i) => [i.dataset.name, i.context])).toEqual([
      ['train', 'training'],
    ]);
    expect(await code(client.logInputs('f'.repeat(32), [{ dataset: ds }]))).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );

    await client.deleteLoggedModel(model.modelId);
    expect(await code(client.getLoggedModel(model.modelId))).toBe('RESOURCE_DOES_NOT_EXIST');
    expect((await client.getLoggedModel(model.modelId, { allowDeleted: true })).modelId).toBe(
      model.modelId,
    );

    const traceId = operations.unwrap(
      await operations.logTrace(client.client, {
        experimentId: exp,
        spans: [
          {
            spanId: '00000000000000a1',
            name: 'agent',
            startTimeNs: '1700000000000000000',
            endTimeNs: '1700000000250000000',
          },
        ],
      }),
    );
    await client.setTraceTag(traceId, 'reviewed', 'yes');
    expect((await client.searchTraces([exp], { filter: "tags.reviewed = 'yes'" })).length).toBe(1);
    await client.deleteTraceTag(traceId, 'reviewed');
    expect((await client.getTrace(traceId))?.tags).not.toContainEqual({
      key: 'reviewed',
      value: 'yes',
    });
    expect(await client.deleteTraces({ experimentId: exp, traceIds: [traceId] })).toBe(1);
    expect(await client.getTrace(traceId)).toBeNull();
  });

  it('uploads, lists and downloads artifacts of a run', async () => {
    const exp = await client.createExperiment(uniqueName('mc-art'));
    const runId = (await client.createRun(exp)).info.runId;
    const local = path.join(dir, 'weights.bin');
    writeFileSync(local, Buffer.alloc(3000, 7));
    await client.logArtifact(runId, local, 'model');
    await client.logText(runId, 'hello', 'notes/a.txt');
    await client.logDict(runId, { a: 1 }, 'cfg.json');
    expect((await client.listArtifacts(runId)).map((f) => f.path)).toEqual([
      'cfg.json',
      'model',
      'notes',
    ]);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const got = await client.downloadArtifacts(runId, 'model', out);
    expect(readFileSync(path.join(got, 'weights.bin')).length).toBe(3000);
    expect(await client.getArtifactUri(runId, 'model')).toBe(
      `${path.join(dir, 'store')}/${exp}/${runId}/artifacts/model`,
    );
  });

  it('refuses tracking URIs it cannot use, naming what is supported', () => {
    expect(() => new MlflowClient({ trackingUri: 'sqlite:///mlflow.db' })).toThrow(
      /supports an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => new MlflowClient({ trackingUri: 'databricks' })).toThrow(InvalidValueError);
  });
});
