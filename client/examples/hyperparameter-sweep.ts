/**
 * The nested hyperparameter sweep of MLflow's tracking guide: a parent run, a child run per
 * combination, the best result logged to the parent, and the child runs queried back.
 *
 * Run against a server: `MLFLOW_TRACKING_URI=http://127.0.0.1:4000/graphql npm run example:hyperparameter-sweep`
 */
import {
  logMetric,
  logParam,
  logParams,
  runsToTable,
  SYSTEM_TAGS,
  searchRuns,
  setExperiment,
  withRun,
} from '@trackql/node';

/** Stand-in for training and evaluation: a smooth score surface with a little noise. */
function trainAndEvaluate(lr: number, batchSize: number): number {
  const score = 0.95 - 0.05 * Math.abs(Math.log10(lr) + 2) - 0.0005 * Math.abs(batchSize - 32);
  return Math.round((score + Math.random() * 0.005) * 10_000) / 10_000;
}

const experiment = await setExperiment(
  process.env.MLFLOW_EXPERIMENT_NAME ?? 'hyperparameter-tuning',
);

const parentRunId = await withRun({ runName: 'hyperparameter_sweep' }, async (parent) => {
  logParam('search_strategy', 'grid');
  let bestScore = 0;
  let bestParams: Record<string, number> = {};
  for (const lr of [0.001, 0.01, 0.1]) {
    for (const batchSize of [16, 32, 64]) {
      await withRun({ nested: true, runName: `lr_${lr}_bs_${batchSize}` }, async () => {
        logParams({ learning_rate: lr, batch_size: batchSize });
        const score = trainAndEvaluate(lr, batchSize);
        logMetric('accuracy', score);
        if (score > bestScore) {
          bestScore = score;
          bestParams = { learning_rate: lr, batch_size: batchSize };
        }
      });
    }
  }
  // log the best configuration to the parent run
  logParams(Object.fromEntries(Object.entries(bestParams).map(([k, v]) => [`best_${k}`, v])));
  logMetric('best_accuracy', bestScore);
  return parent.runId;
});

// MLflow: search_runs(filter_string="tags.mlflow.parentRunId = '<id>'", order_by=[...])
const children = await searchRuns({
  experimentIds: [experiment.experimentId],
  filter: `tags.\`${SYSTEM_TAGS.parentRunId}\` = '${parentRunId}'`,
  orderBy: ['metrics.accuracy DESC'],
});
console.log('Child run results:');
console.table(
  runsToTable(children).map((row) => ({
    runId: row.runId,
    'params.learning_rate': row['params.learning_rate'],
    'params.batch_size': row['params.batch_size'],
    'metrics.accuracy': row['metrics.accuracy'],
  })),
);
console.log(JSON.stringify({ parentRunId, children: children.length }));
