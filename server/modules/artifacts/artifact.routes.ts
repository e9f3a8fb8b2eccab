import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import { infrastructureError } from '../../shared/db-errors.ts';
import { DomainError, ValidationError } from '../../shared/errors.ts';
import { HTTP_STATUS, sendJson } from '../../shared/http-json.ts';
import { isRunIdShape } from '../../shared/ids.ts';
import type { ArtifactService } from './artifact.service.ts';
import { sendArtifactFile } from './artifact-download.ts';
import { decodeArtifactUrlPath } from './artifact-path.ts';

/** URL prefix of the streaming artifact routes. */
export const ARTIFACTS_PREFIX = '/artifacts/';

/** Idle time after which a stalled transfer is dropped. */
const IDLE_TIMEOUT_MS = 120_000;

/** Splits `/artifacts/<runId>/<path>` into the run id and the decoded, checked path. */
function target(url: string): { runId: string; path: string } {
  const rest = url.slice(ARTIFACTS_PREFIX.length).split('?')[0] ?? '';
  const slash = rest.indexOf('/');
  const runId = slash < 0 ? rest : rest.slice(0, slash);
  if (!isRunIdShape(runId)) throw new ValidationError('runId', `Invalid run id '${runId}'`);
  return { runId, path: decodeArtifactUrlPath(slash < 0 ? '' : rest.slice(slash + 1)) };
}

async function upload(
  svc: ArtifactService,
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
) {
  const { runId, path } = target(req.url ?? '');
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    throw new ValidationError('body', `Artifact exceeds the limit of ${maxBytes} bytes`);
  }
  const file = await svc.upload(runId, path, req);
  sendJson(res, 201, file);
}

async function download(svc: ArtifactService, req: IncomingMessage, res: ServerResponse) {
  const { runId, path } = target(req.url ?? '');
  await sendArtifactFile(
    { stat: (p) => svc.stat(runId, p), open: (file, range) => svc.open(runId, file, range) },
    path,
    req,
    res,
  );
}

/**
 * Handles `PUT|GET|HEAD /artifacts/<runId>/<path>`: streaming upload, download with ranges.
 *
 * @remarks Bodies stream through in bounded memory. Errors are MLflow-style JSON
 * `{error_code, message}`: 404 for a missing run or file, 400 for a bad path, 409 for a deleted run.
 */
/** What the artifact routes need from the app: settings, a logger and a request's artifact service. */
export interface ArtifactRouteDeps {
  config: Pick<Config, 'artifactMaxUploadBytes'>;
  logger: Logger;
  /** The artifact service of a new request context. */
  artifacts: (req: IncomingMessage) => ArtifactService;
}

export function createArtifactHandler(deps: ArtifactRouteDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    req.setTimeout(IDLE_TIMEOUT_MS, () => req.destroy(new Error('idle timeout')));
    const svc = deps.artifacts(req);
    try {
      if (req.method === 'PUT') await upload(svc, req, res, deps.config.artifactMaxUploadBytes);
      else if (req.method === 'GET' || req.method === 'HEAD') await download(svc, req, res);
      else {
        res.setHeader('allow', 'GET, HEAD, PUT');
        sendJson(res, 405, { error_code: 'BAD_REQUEST', message: `${req.method} not allowed` });
      }
    } catch (thrown) {
      // a lost database is 503 TEMPORARILY_UNAVAILABLE, a statement timeout 504 (db-errors.ts)
      const err = infrastructureError(thrown) ?? thrown;
      // an upload refused before its body was read: close rather than drain gigabytes
      const close = req.method === 'PUT' && !req.readableEnded;
      if (err instanceof DomainError) {
        sendJson(res, HTTP_STATUS[err.code], { error_code: err.code, message: err.message }, close);
      } else if (req.destroyed || res.destroyed) {
        deps.logger.info('artifact transfer aborted', { url: req.url, error: String(err) });
        res.destroy();
      } else {
        deps.logger.error('artifact request failed', { url: req.url }, err);
        sendJson(res, 500, { error_code: 'INTERNAL_ERROR', message: 'Unexpected error.' }, close);
      }
    }
  };
}
