import * as artifacts from '../artifacts.ts';
import * as datasets from '../datasets.ts';
import * as media from '../media/images.ts';
import * as tables from '../media/tables.ts';
import type { TransferOptions } from '../transfer.ts';
import { runTarget } from './config.ts';
import { activeRun, autoStartRun } from './runs.ts';

/**
 * The active run as an artifact target; with no active run one is started, as MLflow's
 * `log_artifact` does.
 */
async function target() {
  const run = activeRun() ?? autoStartRun();
  await run.ready;
  return runTarget(run.runId);
}

/** Uploads a local file to the active run's artifacts (MLflow `log_artifact`). */
export async function logArtifact(
  localPath: string,
  artifactPath?: string,
  opts?: TransferOptions,
) {
  return artifacts.logArtifact(await target(), localPath, artifactPath, opts);
}

/** Uploads a local folder's files to the active run's artifacts (MLflow `log_artifacts`). */
export async function logArtifacts(
  localDir: string,
  artifactPath?: string,
  opts?: TransferOptions,
) {
  return artifacts.logArtifacts(await target(), localDir, artifactPath, opts);
}

/** Stores text as an artifact of the active run (MLflow `log_text`). */
export async function logText(text: string, artifactFile: string) {
  return artifacts.logText(await target(), text, artifactFile);
}

/** Stores an object as a JSON or YAML artifact of the active run (MLflow `log_dict`). */
export async function logDict(dict: Record<string, unknown>, artifactFile: string) {
  return artifacts.logDict(await target(), dict, artifactFile);
}

/** The artifact URI of the active run, or of `artifactPath` below it (MLflow `get_artifact_uri`). */
export async function getArtifactUri(artifactPath?: string): Promise<string> {
  return artifacts.getArtifactUri(await target(), artifactPath);
}

/** Lists an artifact folder of a run (default: the active run's root). */
export async function listArtifacts(artifactPath = '', runId?: string) {
  return artifacts.listArtifacts(runId ? runTarget(runId) : await target(), artifactPath);
}

/** Downloads a run's artifact file or folder to `dest` (MLflow `download_artifacts`). */
export async function downloadArtifacts(
  artifactPath: string,
  dest: string,
  opts: TransferOptions & { runId?: string } = {},
): Promise<string> {
  const t = opts.runId ? runTarget(opts.runId) : await target();
  return artifacts.downloadArtifacts(t, artifactPath, dest, opts);
}

/** Records a dataset as an input of the active run (MLflow `log_input`), e.g. `{ context: 'training' }`. */
export async function logInput(
  dataset: datasets.DatasetSpec,
  opts: { context?: string; tags?: Record<string, string> } = {},
): Promise<void> {
  return datasets.logInput(await target(), dataset, opts);
}

/** Stores PNG/JPEG bytes or an SVG string as an artifact file of the active run (MLflow `log_image`). */
export async function logImage(image: media.ImageInput, artifactFile: string) {
  return media.logImage(await target(), image, artifactFile);
}

/**
 * Stores a figure as an artifact file of the active run (MLflow `log_figure`): a Plotly figure or
 * Vega-Lite spec as `.json`, or a rendered PNG/JPEG/SVG image.
 */
export async function logFigure(figure: media.FigureInput, artifactFile: string) {
  return media.logFigure(await target(), figure, artifactFile);
}

/**
 * Logs a table to the active run as MLflow's `{ columns, data }` JSON (MLflow `log_table`),
 * appending to the file when it exists.
 */
export async function logTable(data: tables.TableInput, artifactFile: string) {
  return tables.logTable(await target(), data, artifactFile);
}
