import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import { infrastructureError } from '../../shared/db-errors.ts';
import { DomainError } from '../../shared/errors.ts';
import { HTTP_STATUS, sendJson } from '../../shared/http-json.ts';
import { OtlpShapeError, type OtlpTrace, tracesOfExport } from './otlp-json.ts';
import { tracesOfProtobufExport } from './otlp-protobuf.ts';
import type { TraceService } from './trace.service.ts';

/** Path of the OTLP/HTTP trace ingest route (as MLflow and every OTLP exporter use it). */
export const OTLP_TRACES_PATH = '/v1/traces';

/** Header naming the experiment the spans go to (MLflow's). */
const EXPERIMENT_HEADER = 'x-mlflow-experiment-id';

/** The two OTLP/HTTP encodings. */
const JSON_TYPE = 'application/json';
const PROTOBUF_TYPE = 'application/x-protobuf';

/** A refusal with its HTTP status, before the spans are looked at. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'BAD_REQUEST',
  ) {
    super(message);
  }
}

/** Whether a request targets the OTLP route (the path, query ignored). */
export function isOtlpTracesRequest(url: string | undefined): boolean {
  return url !== undefined && url.split('?')[0] === OTLP_TRACES_PATH;
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Reads the body, inflated per `Content-Encoding` (gzip, deflate or none), refusing it with 413
 * once it (inflated) passes `maxBytes`: the rest is never read or buffered.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'identity'
          ? null
          : undefined;
  if (decoder === undefined) {
    return Promise.reject(
      new HttpError(415, `Unsupported Content-Encoding '${encoding}': use gzip, deflate or none.`),
    );
  }
  const tooLarge = () => new HttpError(413, `The body exceeds the limit of ${maxBytes} bytes.`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.reject(tooLarge());
  // a plain body of known length is copied into one buffer as it arrives (no second copy)
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  let whole =
    decoder === null && Number.isSafeInteger(declared) && declared >= 0
      ? Buffer.allocUnsafe(declared)
      : null;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const fail = (err: Error) => {
      if (done) return;
      done = true;
      req.unpipe();
      req.pause();
      decoder?.destroy();
      reject(err);
    };
    const out = decoder ?? req;
    if (decoder) {
      decoder.on('error', (e) =>
        fail(new HttpError(400, `Cannot ${encoding}-decode the body: ${e.message}`)),
      );
      req.pipe(decoder);
    }
    req.on('error', fail);
    out.on('data', (chunk: Buffer) => {
      if (done) return;
      if (size + chunk.length > maxBytes) return fail(tooLarge());
      if (whole && size + chunk.length <= whole.length) chunk.copy(whole, size);
      else {
        if (whole) chunks.push(whole.subarray(0, size));
        whole = null;
        chunks.push(chunk);
      }
      size += chunk.length;
    });
    out.on('end', () => {
      if (done) return;
      done = true;
      const body = whole ? whole.subarray(0, size) : Buffer.concat(chunks, size);
      // the request keeps these listeners: they must not keep the body alive after it is handed on
      whole = null;
      chunks.length = 0;
      resolve(body);
    });
  });
}

/** What the OTLP route needs from the app: settings, a logger and a request's trace service. */
export interface OtlpDeps {
  config: Pick<Config, 'otlpMaxBodyBytes'>;
  logger: Logger;
  /** The trace service of a new request context. */
  traces: (req: IncomingMessage) => TraceService;
}

async function ingest(deps: OtlpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    throw new HttpError(405, `${req.method} not allowed on ${OTLP_TRACES_PATH}; POST an export.`);
  }
  const experimentId = req.headers[EXPERIMENT_HEADER];
  if (typeof experimentId !== 'string' || experimentId.trim() === '') {
    throw new HttpError(400, `The header '${EXPERIMENT_HEADER}' is required.`);
  }
  const type = mediaType(req);
  if (type !== JSON_TYPE && type !== PROTOBUF_TYPE) {
    throw new HttpError(
      415,
      `Unsupported Content-Type '${type}': use ${PROTOBUF_TYPE} or ${JSON_TYPE} (OTLP/HTTP).`,
    );
  }
  const traces = await decodeExport(req, type, deps.config.otlpMaxBodyBytes);
  await deps.traces(req).logSpansOfTraces(experimentId.trim(), traces);
  // an empty ExportTraceServiceResponse (every span was accepted), in the request's encoding
  if (type === PROTOBUF_TYPE) {
    res.writeHead(200, { 'content-type': PROTOBUF_TYPE, 'content-length': 0 });
    res.end();
  } else sendJson(res, 200, {});
}

/**
 * The traces of the request's export in either encoding; a body that does not decode is a 400.
 *
 * @remarks Each step gets only what the step before made, so a large export's bytes, its text and
 * its parsed JSON are each let go as soon as the next form exists (nothing holds the body while
 * the JSON is converted, nor the JSON while the spans are written).
 */
async function decodeExport(
  req: IncomingMessage,
  type: string,
  maxBytes: number,
): Promise<OtlpTrace[]> {
  if (type === PROTOBUF_TYPE) {
    return readBody(req, maxBytes).then((body) => shaped(() => tracesOfProtobufExport(body)));
  }
  const document = await readBody(req, maxBytes).then(parseJsonBody);
  return shaped(() => tracesOfExport(document));
}

/** Runs a decoder, turning a body that is not an export into a 400. */
function shaped<T>(decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    if (err instanceof OtlpShapeError) throw new HttpError(400, err.message);
    throw err;
  }
}

/** The JSON document of a body (400 when it is not UTF-8 or not JSON). */
function parseJsonBody(body: Buffer): unknown {
  if (!isUtf8(body)) {
    throw new HttpError(400, 'The body is not valid UTF-8.', 'INVALID_PARAMETER_VALUE');
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new HttpError(400, `The body is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * Handles `POST /v1/traces`: OTLP/HTTP with an `ExportTraceServiceRequest` in protobuf
 * (`application/x-protobuf`, what MLflow's Python client and most exporters send) or JSON, into
 * the experiment named by the `x-mlflow-experiment-id` header, all or nothing (MLflow's OTLP
 * ingest).
 *
 * @remarks Replies 200 with an empty `ExportTraceServiceResponse` (no bytes for protobuf, `{}` for
 * JSON); 400 for a missing header, a body that does not decode (bad JSON, malformed or truncated
 * protobuf, invalid UTF-8 in JSON, values nested too deep) or no spans; 404 for an unknown
 * experiment, 409 for a deleted one; 413 past `otlpMaxBodyBytes` (inflated); 415 for another
 * content type or encoding; 422 when a span cannot be stored (bad id, time, NUL character, invalid
 * UTF-8 in a protobuf string...: INVALID_PARAMETER_VALUE naming the field). Errors are MLflow-style
 * JSON `{error_code, message}`.
 */
export function createOtlpHandler(deps: OtlpDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      await ingest(deps, req, res);
    } catch (thrown) {
      // a lost database is 503 TEMPORARILY_UNAVAILABLE, a statement timeout 504 (db-errors.ts)
      const err = infrastructureError(thrown) ?? thrown;
      // a body refused before it was read: close rather than drain it
      const close = !req.readableEnded;
      if (err instanceof HttpError) {
        sendJson(res, err.status, { error_code: err.code, message: err.message }, close);
      } else if (err instanceof DomainError) {
        // the export parsed: an invalid value is a span that cannot be converted (MLflow: 422)
        const status = err.code === 'INVALID_PARAMETER_VALUE' ? 422 : HTTP_STATUS[err.code];
        sendJson(res, status, { error_code: err.code, message: err.message }, close);
      } else {
        deps.logger.error('OTLP ingest failed', { url: req.url }, err);
        sendJson(res, 500, { error_code: 'INTERNAL_ERROR', message: 'Unexpected error.' }, close);
      }
    }
  };
}
