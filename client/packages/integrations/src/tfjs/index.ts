export { autolog } from './autolog.ts';
export type { TrackqlCallbackOptions } from './callback.ts';
export { TrackqlCallback, trackqlCallback } from './callback.ts';
export { MODEL_FILES, modelFiles } from './model-files.ts';
