import { retry } from '@trackql/client';
import {
  baseUrl,
  encodePath,
  failure,
  httpFetch,
  type RunTarget,
  transferBackoff,
} from './transfer.ts';

/** Which server and logged model a model-file call addresses. */
export interface ModelTarget extends Omit<RunTarget, 'runId'> {
  modelId: string;
  experimentId: string;
}

/**
 * The URL of a model file on MLflow's proxied artifact service
 * (`mlflow-artifacts:/<experiment>/models/<model id>/artifacts/<path>`), which both MLflow's
 * `log_model`/`load_model("models:/<id>")` and this client use.
 */
const modelFileUrl = (t: ModelTarget, path: string) =>
  `${baseUrl(t.url)}/api/2.0/mlflow-artifacts/artifacts/${encodeURIComponent(t.experimentId)}/models/${encodeURIComponent(t.modelId)}/artifacts/${encodePath(path)}`;

/**
 * Stores bytes as a file of a logged model (replacing a file at that path), retried after
 * network errors, 408, 429 and 5xx.
 *
 * @throws `ArtifactError` with the server's code: RESOURCE_DOES_NOT_EXIST for an unknown or
 * deleted model, INVALID_PARAMETER_VALUE for a bad path.
 */
export async function putModelFile(t: ModelTarget, path: string, data: Uint8Array): Promise<void> {
  // a copy on its own ArrayBuffer: what fetch's BodyInit takes
  const body = new Uint8Array(data);
  await retry(async () => {
    const res = await httpFetch(t, modelFileUrl(t, path), {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', ...t.headers },
      body,
    });
    if (!res.ok) throw await failure(res);
    await res.arrayBuffer();
  }, transferBackoff());
}

/** Reads a file of a logged model; `ArtifactError` RESOURCE_DOES_NOT_EXIST when absent. */
export async function getModelFile(t: ModelTarget, path: string): Promise<Buffer> {
  return retry(async () => {
    const res = await httpFetch(t, modelFileUrl(t, path), { method: 'GET', headers: t.headers });
    if (!res.ok) throw await failure(res);
    return Buffer.from(await res.arrayBuffer());
  }, transferBackoff());
}
