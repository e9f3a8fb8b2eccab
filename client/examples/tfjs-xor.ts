/**
 * TensorFlow.js autologging: a small dense network learns XOR; `autolog()` logs the fit's params,
 * per-epoch metrics, the model summary and the trained model, which is then loaded back from the
 * server and asked for predictions.
 *
 * Run against a server: `MLFLOW_TRACKING_URI=http://127.0.0.1:4000/graphql npm run example:tfjs-xor`
 */
import * as tf from '@tensorflow/tfjs';
import { autolog, modelFiles } from '@trackql/integrations/tfjs';
import { getRun, lastLoggedModel, setExperiment, withRun } from '@trackql/node';

const epochs = Number(process.env.EPOCHS ?? 30);

await tf.setBackend('cpu');
await setExperiment(process.env.MLFLOW_EXPERIMENT_NAME ?? 'tfjs-xor-example');
autolog();

const inputs = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const x = tf.tensor2d(inputs.flatMap((row) => Array(16).fill(row)));
const y = tf.tensor2d(inputs.flatMap(([a, b]) => Array(16).fill([a! ^ b!])));

const model = tf.sequential();
model.add(tf.layers.dense({ units: 8, activation: 'tanh', inputShape: [2] }));
model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy', metrics: ['acc'] });

const runId = await withRun({ runName: 'xor' }, async (run) => {
  await model.fit(x, y, { epochs, batchSize: 16, validationSplit: 0.25, verbose: 0 });
  return run.runId;
});

const logged = await lastLoggedModel();
const loaded = await tf.loadLayersModel(modelFiles(logged!.modelId));
const predictions = Array.from(
  await (loaded.predict(tf.tensor2d(inputs)) as tf.Tensor).data(),
  (p) => Math.round(p * 100) / 100,
);
const run = await getRun(runId);
console.log(
  JSON.stringify({
    runId,
    modelId: logged!.modelId,
    status: logged!.status,
    params: run?.data.params,
    metrics: run?.data.metrics,
    predictions,
  }),
);
