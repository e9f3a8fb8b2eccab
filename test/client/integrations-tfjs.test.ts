import * as tf from '@tensorflow/tfjs';
import { autolog, modelFiles, trackqlCallback } from '@trackql/integrations/tfjs';
import {
  endRun,
  getLoggedModel,
  getMetricHistory,
  getRun,
  listArtifacts,
  readModelFile,
  setExperiment,
  setTrackingUri,
  startRun,
  TrackingError,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunLinks } from '../helpers/model-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * TensorFlow.js (pure JS CPU backend) trained on XOR for a few epochs against a real server:
 * run, params, per-epoch metrics, early stopping, the summary artifact, and the logged model's
 * files read back and loaded with tf.loadLayersModel.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  setTrackingUri(await t.listen());
  await setExperiment('integrations-tfjs');
  await tf.setBackend('cpu');
});
afterAll(() => t.close());

const X = tf.tensor2d(
  Array.from({ length: 64 }, (_, i) => [(i >> 1) & 1, i & 1]),
  [64, 2],
);
const Y = tf.tensor2d(
  Array.from({ length: 64 }, (_, i) => [((i >> 1) & 1) ^ (i & 1)]),
  [64, 1],
);

function xorModel(): tf.Sequential {
  const model = tf.sequential({ name: 'xor' });
  model.add(tf.layers.dense({ units: 8, activation: 'tanh', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy', metrics: ['acc'] });
  return model;
}

describe('TensorFlow.js autolog', () => {
  it('logs params, per-epoch metrics, the summary and a loadable logged model', async () => {
    const off = autolog();
    const trained = xorModel();
    let runId: string;
    try {
      const run = await startRun({ runName: 'xor' });
      runId = run.runId;
      const seen: number[] = [];
      const history = await trained.fit(X, Y, {
        // a plain callback object of the caller's keeps working next to autolog's callback
        callbacks: { onEpochEnd: async (epoch) => void seen.push(epoch) },
        epochs: 4,
        batchSize: 16,
        validationSplit: 0.25,
        shuffle: false,
        verbose: 0,
      });
      expect(history.epoch).toEqual([0, 1, 2, 3]);
      expect(seen).toEqual([0, 1, 2, 3]);
      await endRun();
    } finally {
      off();
    }

    const logged = (await getRun(runId))!;
    expect(logged.data.params).toMatchObject({
      epochs: '4',
      batch_size: '16',
      validation_split: '0.25',
      shuffle: 'false',
      optimizer_name: 'Adam',
      opt_learning_rate: '0.05',
      loss: 'binaryCrossentropy',
    });
    expect(Object.keys(logged.data.params)).not.toContain('verbose');
    expect(Object.keys(logged.data.metrics).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    const loss = await getMetricHistory(runId, 'loss');
    expect(loss.map((p) => p.step)).toEqual([0, 1, 2, 3]);
    expect(loss.every((p) => Number.isFinite(p.value))).toBe(true);

    const artifacts = await listArtifacts('', runId);
    expect(artifacts.map((a) => a.path)).toContain('model_summary.txt');

    // the model: READY, an output of the run, its metrics linked, its files loadable
    const outputs = (await t.execute(RunLinks, { runId })).run!.outputs;
    expect(outputs).toHaveLength(1);
    const modelId = outputs[0]!.modelId;
    const model = await getLoggedModel(modelId);
    expect(model).toMatchObject({ name: 'model', status: 'READY', sourceRunId: runId });
    expect(model!.metrics!.filter((m) => m.key === 'loss').map((m) => m.step)).toEqual([
      0, 1, 2, 3,
    ]);
    const json = JSON.parse((await readModelFile(modelId, 'model.json')).toString('utf8'));
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(json.weightsManifest[0].weights).toHaveLength(4); // two kernels, two biases

    const loaded = await tf.loadLayersModel(modelFiles(modelId));
    expect(loaded.layers.filter((l) => l.getClassName() === 'Dense')).toHaveLength(2);
    const probe = tf.tensor2d([
      [0, 1],
      [1, 1],
    ]);
    const fromServer = loaded.predict(probe) as tf.Tensor;
    const inMemory = trained.predict(probe) as tf.Tensor;
    expect(Array.from(await fromServer.data())).toEqual(Array.from(await inMemory.data()));
  });
});

describe('trackqlCallback', () => {
  it('starts and ends its own run, and logs early stopping when the fit has one', async () => {
    const stopping = tf.callbacks.earlyStopping({ monitor: 'loss', patience: 0, minDelta: 10 });
    const callback = trackqlCallback({
      logModel: false,
      fitArgs: { epochs: 20, callbacks: [stopping] },
    });
    await xorModel().fit(X, Y, {
      epochs: 20,
      batchSize: 32,
      verbose: 0,
      callbacks: [stopping, callback],
    });
    const { data, info } = (await getRun(callback.runId!))!;
    expect(info.status).toBe('FINISHED');
    expect(data.params).toMatchObject({
      monitor: 'loss',
      patience: '0',
      min_delta: '10',
      restore_best_weights: 'false',
      epochs: '20',
      batch_size: '32',
    });
    // minDelta 10 never counts as an improvement: stopped after the second epoch
    expect(data.metrics.stopped_epoch).toBe(1);
    expect((await getMetricHistory(info.runId, 'loss')).map((p) => p.step)).toEqual([0, 1]);
  });

  it('refuses to save into a model that does not exist', async () => {
    const model = xorModel();
    await expect(model.save(modelFiles('m-00000000000000000000000000000000'))).rejects.toThrow(
      TrackingError,
    );
  });
});
