import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import { spansOfTraceDataFile, TRACE_DATA_FILE, traceDataFile } from '../traces/public.ts';
import type { ArtifactOwner } from './artifacts.rest.ts';
import type { RestRoute } from './rest.routes.ts';
import { readBody } from './rest-body.ts';
import { RestError } from './rest-errors.ts';
import { getTraceInfo } from './traces.rest.ts';

/** Largest `traces.json` accepted (it is parsed whole). */
const MAX_TRACE_FILE_BYTES = 64 * 1024 ** 2;

/** A trace's `traces.json`, made from its stored spans. */
async function traceFile(services: Services, traceId: string): Promise<Buffer> {
  const [spans] = await services.traceReads.spansByTraceIds([traceId]);
  return Buffer.from(traceDataFile(traceId, spans!));
}

/**
 * A trace's artifact location (`<exp>/traces/<trace_id>/artifacts`, the tag
 * `mlflow.artifactLocation`) as a proxied artifact owner holding one file, `traces.json`: read, it
 * is made from the stored spans; written (MLflow's clients upload it when the spans did not reach
 * the server over OTLP), its spans are stored.
 */
export async function traceOwner(
  services: Services,
  experimentId: string,
  traceId: string,
): Promise<ArtifactOwner> {
  const info = await getTraceInfo(services, traceId);
  if (String(info.experimentId) !== experimentId) {
    throw new NotFoundError('Trace', traceId, `Trace with ID '${traceId}' not found.`);
  }
  const only = (path: string) => {
    if (path !== TRACE_DATA_FILE) {
      throw new NotFoundError('Artifact', path, `No artifact at '${path}' of trace ${traceId}.`);
    }
  };
  let file: Buffer | null = null;
  const load = async () => {
    file ??= await traceFile(services, traceId);
    return file;
  };
  const stat = async (path: string) => {
    only(path);
    const bytes = await load();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { path, size: bytes.length, sha256, createdTime: info.requestTime };
  };
  return {
    async list(dir) {
      if (dir !== '') return [];
      return [{ ...(await stat(TRACE_DATA_FILE)), name: TRACE_DATA_FILE, isDir: false }];
    },
    stat,
    async open(_file, range) {
      const bytes = await load();
      return Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]);
    },
    async upload(path, body) {
      if (path !== TRACE_DATA_FILE) {
        throw new ValidationError('path', `Only ${TRACE_DATA_FILE} can be stored for a trace.`);
      }
      const text = (await readBody(body, MAX_TRACE_FILE_BYTES)).toString('utf8');
      const spans = spansOfTraceDataFile(text, traceId);
      for (let i = 0; i < spans.length; i += LIMITS.maxSpansPerRequest) {
        const batch = spans.slice(i, i + LIMITS.maxSpansPerRequest);
        await services.traces.logSpans({ traceId, spans: batch });
      }
    },
    async delete(path) {
      only(path);
      throw new ValidationError(
        'path',
        `The spans of trace ${traceId} are deleted with the trace.`,
      );
    },
  };
}

/** MLflow's trace data download for its UI and clients: `traces.json` from the stored spans. */
export const TRACE_ARTIFACT_ROUTES: RestRoute[] = [
  {
    method: 'GET',
    path: 'mlflow/get-trace-artifact',
    streams: true,
    async handle({ input, services, res }) {
      const traceId = input.string('request_id');
      if (!traceId) {
        throw new RestError(
          'BAD_REQUEST',
          'Request must include the "request_id" query parameter.',
        );
      }
      await getTraceInfo(services, traceId);
      const bytes = await traceFile(services, traceId);
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename=${TRACE_DATA_FILE}`,
        'content-length': bytes.length,
        'x-content-type-options': 'nosniff',
      });
      res.end(bytes);
    },
  },
];
