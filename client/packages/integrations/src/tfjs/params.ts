import type { LayersModel, ModelFitArgs } from '@tensorflow/tfjs';

type Params = Record<string, string | number | boolean>;

/** `learningRate` → `learning_rate`. */
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Fit arguments not logged (MLflow leaves out data, callbacks and verbosity too). */
const SKIPPED = new Set(['callbacks', 'validationData', 'verbose', 'sampleWeight', 'yieldEvery']);

/**
 * Params of a fit: `epochs` and `batch_size` (from the callback params), then each fit argument
 * given, snake_cased (`validation_split`, `shuffle`, `initial_epoch`, `class_weight` as JSON).
 */
export function fitParams(
  params: Record<string, unknown> | undefined,
  args: ModelFitArgs | undefined,
): Params {
  const out: Params = {};
  if (typeof params?.epochs === 'number') out.epochs = params.epochs;
  if (typeof params?.batchSize === 'number') out.batch_size = params.batchSize;
  for (const [key, value] of Object.entries(args ?? {})) {
    if (SKIPPED.has(key) || value === undefined || value === null) continue;
    out[snake(key)] =
      typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
  return out;
}

function lossName(loss: unknown): string {
  if (typeof loss === 'string') return loss;
  if (typeof loss === 'function') return loss.name || 'custom';
  if (Array.isArray(loss)) return loss.map(lossName).join(',');
  if (loss && typeof loss === 'object') {
    return Object.entries(loss)
      .map(([k, v]) => `${k}:${lossName(v)}`)
      .join(',');
  }
  return String(loss);
}

/**
 * Params of a compiled model: `optimizer_name` (`Adam`), its config as `opt_<key>`
 * (`opt_learning_rate`, `opt_beta1`...) and `loss`.
 */
export function modelParams(model: LayersModel): Params {
  const out: Params = {};
  const optimizer = model.optimizer;
  if (optimizer) {
    out.optimizer_name = optimizer.getClassName();
    for (const [k, v] of Object.entries(optimizer.getConfig())) {
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') {
        out[`opt_${snake(k)}`] = v;
      }
    }
  }
  if (model.loss !== undefined) out.loss = lossName(model.loss);
  return out;
}
