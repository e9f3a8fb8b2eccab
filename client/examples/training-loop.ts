/**
 * A training loop with epochs, logged the way MLflow's fluent API does it.
 *
 * Run against a server: `MLFLOW_TRACKING_URI=http://127.0.0.1:4000/graphql npm run example:training-loop`
 */
import {
  flush,
  getRun,
  logMetric,
  logMetrics,
  logParams,
  setExperiment,
  setTag,
  withRun,
} from '@trackql/node';

const epochs = Number(process.env.EPOCHS ?? 5);
const stepsPerEpoch = Number(process.env.STEPS_PER_EPOCH ?? 200);

await setExperiment(process.env.MLFLOW_EXPERIMENT_NAME ?? 'training-loop-example');

const runId = await withRun(
  { runName: 'toy-regression', description: 'A toy training loop' },
  async (run) => {
    logParams({ learning_rate: 0.01, batch_size: 32, epochs });
    setTag('model_type', 'linear');
    let loss = 2;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = 0; i < stepsPerEpoch; i++) {
        const step = epoch * stepsPerEpoch + i;
        loss *= 0.995 + Math.random() * 0.004;
        // one call per step: queued and sent in batches in the background
        logMetric('train_loss', loss, step);
      }
      const valLoss = loss * (1.05 + Math.random() * 0.05);
      logMetrics({ val_loss: valLoss, epoch_loss: loss }, epoch);
      console.log(`epoch ${epoch}: train_loss=${loss.toFixed(4)} val_loss=${valLoss.toFixed(4)}`);
    }
    await flush();
    return run.runId;
  },
);

const run = await getRun(runId);
console.log(
  JSON.stringify({
    runId,
    status: run?.info.status,
    params: run?.data.params,
    metrics: run?.data.metrics,
  }),
);
