import {
  CustomCallback,
  type CustomCallbackArgs,
  LayersModel,
  type ModelFitArgs,
  type Tensor,
} from '@tensorflow/tfjs';
import { type TrackqlCallbackOptions, trackqlCallback } from './callback.ts';

type Fit = LayersModel['fit'];

let original: Fit | null = null;

type Callbacks = NonNullable<ModelFitArgs['callbacks']>;
type CallbackObject = Exclude<Callbacks, unknown[]> | Extract<Callbacks, unknown[]>[number];

/**
 * The fit's callbacks as callback objects: `fit` treats a list whose first entry is a plain
 * `{ onEpochEnd... }` object as a list of plain objects, so those are wrapped first (as `fit`
 * would wrap them) before ours is added.
 */
function callbackList(args: ModelFitArgs): Extract<Callbacks, unknown[]> {
  const given = args.callbacks;
  const list: CallbackObject[] = Array.isArray(given) ? given : given ? [given] : [];
  return list.map((c) =>
    'setParams' in c && typeof c.setParams === 'function'
      ? c
      : new CustomCallback(c as CustomCallbackArgs, args.yieldEvery),
  ) as Extract<Callbacks, unknown[]>;
}

/**
 * Turns on autologging for TensorFlow.js (MLflow's `tensorflow.autolog`): every `fit` of a
 * layers model (`tf.sequential`, `tf.model`) afterwards logs through a {@link trackqlCallback}
 * given the fit's arguments. Returns a function that turns it off again.
 *
 * @remarks A `fit` that throws ends the logged model UPLOAD_FAILED and a run autolog started
 * FAILED, and re-throws.
 */
export function autolog(options: Omit<TrackqlCallbackOptions, 'fitArgs'> = {}): () => void {
  if (!original) {
    const fit: Fit = LayersModel.prototype.fit;
    original = fit;
    LayersModel.prototype.fit = async function (
      this: LayersModel,
      x: Tensor | Tensor[] | Record<string, Tensor>,
      y: Tensor | Tensor[] | Record<string, Tensor>,
      args: ModelFitArgs = {},
    ) {
      const callback = trackqlCallback({ ...options, fitArgs: args });
      try {
        return await fit.call(this, x, y, {
          ...args,
          callbacks: [...callbackList(args), callback],
        });
      } catch (err) {
        await callback.onTrainError();
        throw err;
      }
    };
  }
  return () => {
    if (original) LayersModel.prototype.fit = original;
    original = null;
  };
}
