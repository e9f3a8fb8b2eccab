import { TrackingError } from '@trackql/client';
import { getModelFile, type ModelTarget, putModelFile } from '../model-files.ts';
import { runTarget } from './config.ts';
import { getLoggedModel } from './logged-models.ts';

async function modelTarget(modelId: string): Promise<ModelTarget> {
  const model = await getLoggedModel(modelId);
  if (!model) {
    throw new TrackingError('domain', `Logged model with ID '${modelId}' not found.`, {
      code: 'RESOURCE_DOES_NOT_EXIST',
    });
  }
  const { runId: _, ...server } = runTarget('');
  return { ...server, modelId, experimentId: model.experimentId };
}

/**
 * Stores bytes as a file of a logged model (what MLflow's `log_model` writes under the model's
 * artifact location), e.g. `logModelFile(id, 'model.json', bytes)`.
 *
 * @remarks Rejects with RESOURCE_DOES_NOT_EXIST for an unknown or deleted model.
 */
export async function logModelFile(
  modelId: string,
  artifactPath: string,
  data: Uint8Array,
): Promise<void> {
  await putModelFile(await modelTarget(modelId), artifactPath, data);
}

/** Reads a file of a logged model (what `load_model("models:/<id>")` reads). */
export async function readModelFile(modelId: string, artifactPath: string): Promise<Buffer> {
  return getModelFile(await modelTarget(modelId), artifactPath);
}
