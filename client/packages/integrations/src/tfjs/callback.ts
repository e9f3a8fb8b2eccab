import { Callback, EarlyStopping, type Logs, type ModelFitArgs } from '@tensorflow/tfjs';
import {
  type ActiveRun,
  activeRun,
  endRun,
  finalizeLoggedModel,
  initializeLoggedModel,
  logMetrics,
  logOutputs,
  logParams,
  logText,
  startRun,
} from '@trackql/node';
import { modelFiles } from './model-files.ts';
import { fitParams, modelParams } from './params.ts';

/** Options of {@link trackqlCallback}. */
export interface TrackqlCallbackOptions {
  /** Log the trained model as a logged model with its files (default true). */
  logModel?: boolean;
  /** The logged model's name (default `model`, as MLflow's Keras autolog). */
  modelName?: string;
  /** The arguments `fit` was called with, logged as params (`autolog` passes them). */
  fitArgs?: ModelFitArgs;
}

type EpochLogs = Record<string, number | { dataSync(): ArrayLike<number> }>;

/** The numeric value of each log entry (TensorFlow.js passes numbers or scalars). */
function numbers(logs: EpochLogs | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(logs ?? {})) {
    out[k] = typeof v === 'number' ? v : Number(v.dataSync()[0]);
  }
  return out;
}

/**
 * A `model.fit` callback that logs the training to trackql, as MLflow's Keras autolog does.
 *
 * At the start of training: the active run (one is started, and ended after `fit`, when none is
 * active), params (`epochs`, `batch_size`, the fit arguments given, `optimizer_name`,
 * `opt_<config>` such as `opt_learning_rate`, `loss`), and a PENDING logged model named `model`.
 * After each epoch: the epoch's logs (`loss`, `acc`, `val_*`) as metrics at step = epoch,
 * linked to the logged model. At the end: EarlyStopping's settings (`monitor`, `patience`,
 * `min_delta`, `mode`, `restore_best_weights`) as params and `stopped_epoch` as a metric, the
 * summary as the artifact `model_summary.txt`, and the model's files (`model.json`,
 * `weights.bin`) saved to the logged model, which becomes READY and an output of the run.
 */
export class TrackqlCallback extends Callback {
  /** The run this training logs to, once training has started. */
  runId: string | null = null;
  /** The logged model of this training, once training has started (with `logModel`). */
  modelId: string | null = null;
  private ownRun: ActiveRun | null = null;
  private lastEpoch = 0;

  constructor(private readonly options: TrackqlCallbackOptions = {}) {
    super();
  }

  override async onTrainBegin(): Promise<void> {
    let run = activeRun();
    if (!run) {
      run = await startRun();
      this.ownRun = run;
    }
    await run.ready;
    this.runId = run.runId;
    const args = this.options.fitArgs;
    logParams({
      ...fitParams(this.params, args),
      ...modelParams(this.model),
      ...earlyStoppingParams(args),
    });
    if (this.options.logModel !== false) {
      const model = await initializeLoggedModel({ name: this.options.modelName ?? 'model' });
      this.modelId = model.modelId;
    }
  }

  override async onEpochEnd(epoch: number, logs?: Logs): Promise<void> {
    this.lastEpoch = epoch;
    logMetrics(numbers(logs as EpochLogs), { step: epoch, modelId: this.modelId ?? undefined });
  }

  override async onTrainEnd(): Promise<void> {
    const stopping = earlyStoppingOf(this.options.fitArgs);
    if (stopping) {
      const stopped = (stopping as unknown as { stoppedEpoch?: number }).stoppedEpoch ?? 0;
      logMetrics({ stopped_epoch: stopped }, { step: this.lastEpoch });
    }
    const lines: string[] = [];
    this.model.summary(undefined, undefined, (line?: unknown) => lines.push(String(line ?? '')));
    await logText(`${lines.join('\n')}\n`, 'model_summary.txt');
    if (this.modelId) {
      await this.saveModel(this.modelId);
    }
    if (this.ownRun) await endRun();
  }

  /**
   * Ends a training that threw: the logged model becomes UPLOAD_FAILED and a run this callback
   * started ends FAILED (`autolog` calls it; call it yourself around a failing `fit`).
   */
  async onTrainError(): Promise<void> {
    if (this.modelId) await finalizeLoggedModel(this.modelId, 'UPLOAD_FAILED');
    if (this.ownRun) await endRun('FAILED');
  }

  private async saveModel(modelId: string): Promise<void> {
    try {
      await this.model.save(modelFiles(modelId));
    } catch (err) {
      await finalizeLoggedModel(modelId, 'UPLOAD_FAILED');
      throw err;
    }
    await finalizeLoggedModel(modelId, 'READY');
    await logOutputs([{ modelId, step: this.lastEpoch }]);
  }
}

function earlyStoppingOf(args: ModelFitArgs | undefined): EarlyStopping | undefined {
  const callbacks = args?.callbacks;
  const list = Array.isArray(callbacks) ? callbacks : callbacks ? [callbacks] : [];
  return list.find((c): c is EarlyStopping => c instanceof EarlyStopping);
}

/** EarlyStopping's settings under MLflow's param names (its fields are protected in the typings). */
function earlyStoppingParams(args: ModelFitArgs | undefined): Record<string, string | number> {
  const es = earlyStoppingOf(args) as unknown as
    | { monitor: string; patience: number; minDelta: number; mode: string; baseline?: number }
    | undefined;
  if (!es) return {};
  return {
    monitor: es.monitor,
    patience: es.patience,
    min_delta: Math.abs(es.minDelta),
    mode: es.mode,
    baseline: String(es.baseline ?? 'None'),
    // TensorFlow.js refuses restoreBestWeights = true
    restore_best_weights: 'false',
  };
}

/** A fresh {@link TrackqlCallback} to pass in `model.fit(x, y, { callbacks: [...] })`. */
export function trackqlCallback(options: TrackqlCallbackOptions = {}): TrackqlCallback {
  return new TrackqlCallback(options);
}
