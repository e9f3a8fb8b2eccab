import type { ServerResponse } from 'node:http';
import type { Logger } from '../../logger.ts';
import { infrastructureError } from '../../shared/db-errors.ts';
import { DomainError, type ErrorCode } from '../../shared/errors.ts';
import { sendJson } from '../../shared/http-json.ts';

/** An MLflow error code with the HTTP status MLflow's server answers it with. */
export interface WireError {
  code: string;
  status: number;
}

/** MLflow's statuses (`mlflow/server/handlers.py`): RESOURCE_ALREADY_EXISTS is 400, INVALID_STATE 500. */
export const STATUS_OF: Record<string, number> = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  NOT_FOUND: 404,
  PERMISSION_DENIED: 403,
  REQUEST_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  INVALID_STATE: 500,
  NOT_IMPLEMENTED: 501,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

/** A refusal by the transport itself (unknown route, bad body, wrong content type). */
export class RestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = STATUS_OF[code] ?? 500,
  ) {
    super(message);
    this.name = 'RestError';
  }
}

/**
 * How a route reports each domain error code; unlisted codes keep MLflow's usual mapping.
 *
 * @remarks The services report a write to a deleted run or experiment as INVALID_STATE; MLflow
 * answers most of those with 400 INVALID_PARAMETER_VALUE (and its clients would retry a 500 for
 * minutes), so that is the default here; routes where MLflow differs say so.
 */
export type ErrorOverrides = Partial<Record<ErrorCode, WireError>>;

const DEFAULTS: Record<ErrorCode, WireError> = {
  RESOURCE_DOES_NOT_EXIST: { code: 'RESOURCE_DOES_NOT_EXIST', status: 404 },
  RESOURCE_ALREADY_EXISTS: { code: 'RESOURCE_ALREADY_EXISTS', status: 400 },
  INVALID_PARAMETER_VALUE: { code: 'INVALID_PARAMETER_VALUE', status: 400 },
  INVALID_STATE: { code: 'INVALID_PARAMETER_VALUE', status: 400 },
  UNAUTHENTICATED: { code: 'UNAUTHENTICATED', status: 401 },
  PERMISSION_DENIED: { code: 'PERMISSION_DENIED', status: 403 },
  TEMPORARILY_UNAVAILABLE: { code: 'TEMPORARILY_UNAVAILABLE', status: 503 },
  DEADLINE_EXCEEDED: { code: 'DEADLINE_EXCEEDED', status: 504 },
};

/** Whether an error is an expected refusal (sent as MLflow JSON, not logged as a failure). */
export function isExpected(err: unknown): boolean {
  return err instanceof DomainError || err instanceof RestError;
}

/** Sends `err` as MLflow's `{error_code, message}` with its status; unexpected errors are logged. */
export function sendError(
  res: ServerResponse,
  err: unknown,
  logger: Logger,
  overrides: ErrorOverrides = {},
  close = false,
): void {
  const infra = infrastructureError(err);
  if (infra) {
    const wire = DEFAULTS[infra.code];
    sendJson(res, wire.status, { error_code: wire.code, message: infra.message }, close);
  } else if (err instanceof RestError) {
    sendJson(res, err.status, { error_code: err.code, message: err.message }, close);
  } else if (err instanceof DomainError) {
    const wire = overrides[err.code] ?? DEFAULTS[err.code];
    sendJson(res, wire.status, { error_code: wire.code, message: err.message }, close);
  } else {
    logger.error('MLflow REST request failed', err);
    sendJson(res, 500, { error_code: 'INTERNAL_ERROR', message: 'Unexpected error.' }, close);
  }
}
