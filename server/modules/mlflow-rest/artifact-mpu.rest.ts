import { NotFoundError } from '../../shared/errors.ts';
import { decodeArtifactUrlPath } from '../artifacts/public.ts';
import { type OwnerResolvers, ownerOf } from './artifacts.rest.ts';
import type { RestCall, RestRoute } from './rest.routes.ts';
import { RestError } from './rest-errors.ts';
import { missing, type RestInput } from './wire.ts';

/**
 * MLflow's answer for an artifact store without multipart uploads; its client matches this
 * message's start and then uploads the file in one `PUT` instead.
 */
export const MULTIPART_UNSUPPORTED =
  'Multipart upload is not supported for the current artifact repository';

/** The body fields MLflow checks, per step, before it asks the store. */
const CHECKS: Record<'create' | 'complete' | 'abort', (input: RestInput) => void> = {
  create: (input) => {
    input.requiredString('path');
    input.int64('num_parts');
  },
  complete: (input) => {
    input.requiredString('path');
    input.string('upload_id');
    if (!input.has('parts')) throw missing(input.field('parts'));
  },
  abort: (input) => {
    input.requiredString('path');
    input.string('upload_id');
  },
};

/**
 * MLflow's proxied multipart upload endpoints (`mlflow-artifacts/mpu/{create,complete,abort}/<dir>`).
 *
 * @remarks The body's `path` is the client's local file and the URL names the destination folder.
 * MLflow serves these only for stores that hand out presigned part URLs (S3, GCS, Azure); trackql
 * streams every upload through itself, so after the same checks as MLflow (a safe path, the body's
 * fields, and here an owner the caller may read) each step answers 501 NOT_IMPLEMENTED with MLflow's
 * message, on which MLflow's client falls back to a single `PUT`.
 */
export function multipartRoutes(resolvers: OwnerResolvers): RestRoute[] {
  return (['create', 'complete', 'abort'] as const).map((step) => ({
    method: 'POST',
    path: `mlflow-artifacts/mpu/${step}/*`,
    async handle({ input, params, services }: RestCall) {
      const full = decodeArtifactUrlPath(params['*'] ?? '');
      CHECKS[step](input);
      if (!(await ownerOf(services, resolvers, full))) {
        throw new NotFoundError('Artifact', full, `No artifact location at '${full}'`);
      }
      throw new RestError('NOT_IMPLEMENTED', MULTIPART_UNSUPPORTED);
    },
  }));
}
