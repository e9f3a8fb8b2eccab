import { baseUrl, encodePath, type RunTarget } from './transfer.ts';

/** The `/artifacts/<runId>/<path>` URL of a run's artifact file. */
export const fileUrl = (t: RunTarget, p: string) =>
  `${baseUrl(t.url)}/artifacts/${encodeURIComponent(t.runId)}/${encodePath(p)}`;
/** `name` inside the run-relative folder `dir` (none: the artifact root). */
export const joinPath = (dir: string | undefined, name: string) =>
  dir ? `${dir.replace(/\/+$/, '')}/${name}` : name;
