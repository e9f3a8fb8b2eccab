import { asTrackingError, domainError, logRunInputs } from '@trackql/client';
import { type DatasetSpec, datasetInput } from '../datasets.ts';
import type { ActiveRun } from './active-run.ts';
import { getClient } from './config.ts';

/**
 * Logs, once per run, the inputs a linked metric implies (MLflow's fluent `log_metric` does so): a
 * model input for a model the run does not list as input or output, and a dataset input for the
 * metric's dataset.
 *
 * @remarks Sent in the background; `flush()` and `endRun()` wait for it and report its error.
 * What the run lists is what this process logged (`logOutputs`, earlier links), not a server read.
 */
export function ensureRunInputs(
  run: ActiveRun,
  modelId: string | null,
  dataset: DatasetSpec | undefined,
): void {
  const known = run.knownInputs;
  const needModel = modelId !== null && !known.has(modelId);
  const datasetKey = dataset ? `${dataset.name}\u0000${dataset.digest}` : null;
  const needDataset = datasetKey !== null && !known.has(datasetKey);
  if (!needModel && !needDataset) return;
  if (needModel) known.add(modelId);
  if (needDataset) known.add(datasetKey);
  const sink = run.sink;
  sink.outstanding++;
  void (async () => {
    try {
      await run.ready;
      if (sink.failed) return;
      const res = await logRunInputs(getClient(), {
        runId: run.runId,
        models: needModel ? [{ modelId }] : [],
        datasets: needDataset && dataset ? [datasetInput(dataset)] : [],
      });
      if (!res.ok) sink.errors.push(domainError(res.error));
    } catch (e) {
      sink.errors.push(asTrackingError(e));
    } finally {
      sink.outstanding--;
      sink.notifyIfIdle();
    }
  })();
}
