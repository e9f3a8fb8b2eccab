import type { CombinedError } from '@urql/core';
import type { ErrorCode } from './gql/graphql.ts';

/** Where a failure came from: the transport, the GraphQL layer, or an expected domain error. */
export type TrackingErrorKind = 'network' | 'graphql' | 'domain';

/**
 * MLflow's error codes, plus the client's own: `CHECKSUM_MISMATCH` (an artifact stored with other
 * bytes than were sent), `HTTP_ERROR` (a non-JSON HTTP failure), `SUBSCRIBER_LAGGED` and others a
 * server sends in `extensions.code`.
 */
export type TrackingErrorCode = ErrorCode | 'CHECKSUM_MISMATCH' | 'HTTP_ERROR' | (string & {});

/** The common shape of the schema's `Error` union members (`NotFoundError`, `ValidationError`...). */
export interface DomainErrorFields {
  __typename: 'NotFoundError' | 'AlreadyExistsError' | 'ValidationError' | 'InvalidStateError';
  code: ErrorCode;
  message: string;
  /** Offending input path, for `ValidationError`. */
  field?: string;
}

/** Options of {@link TrackingError}. */
export interface TrackingErrorOptions {
  code?: TrackingErrorCode;
  typename?: DomainErrorFields['__typename'];
  field?: string;
  /** HTTP status of a failed response, when there was one. */
  status?: number;
  cause?: unknown;
}

/**
 * The base class of every error the client throws: {@link InvalidValueError}, `ArtifactError`,
 * `WatchError` are subclasses.
 *
 * @remarks `kind: 'domain'` carries MLflow's `code` (e.g. `RESOURCE_DOES_NOT_EXIST`) and the union
 * member's `typename`; `kind: 'network'` covers failed connections and 5xx responses, which the
 * batch logger retries; `kind: 'graphql'` is a GraphQL-level error (bad document, masked server fault).
 */
export class TrackingError extends Error {
  override name = 'TrackingError';
  readonly kind: TrackingErrorKind;
  readonly code?: TrackingErrorCode;
  readonly typename?: DomainErrorFields['__typename'];
  readonly field?: string;
  readonly status?: number;
  /** Further errors reported by the same `flush()`, when several batches failed. */
  related: TrackingError[] = [];

  constructor(kind: TrackingErrorKind, message: string, options: TrackingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.code = options.code;
    this.typename = options.typename;
    this.field = options.field;
    this.status = options.status;
  }

  /**
   * True for failures worth retrying with the same request: network errors, 5xx responses, 408
   * and 429. GraphQL validation errors, domain errors and other 4xx are permanent.
   */
  get retryable(): boolean {
    if (this.kind !== 'network') return false;
    const s = this.status;
    return s === undefined || s === 0 || s >= 500 || s === 408 || s === 429;
  }
}

/**
 * A value rejected by the client before anything was sent (a metric value that is not a number, a
 * fractional step, a malformed key...): kind `domain`, code `INVALID_PARAMETER_VALUE`, `field`
 * naming the argument.
 */
export class InvalidValueError extends TrackingError {
  override name = 'InvalidValueError';
  constructor(field: string, message: string) {
    super('domain', message, {
      code: 'INVALID_PARAMETER_VALUE',
      typename: 'ValidationError',
      field,
    });
  }
}

/** Turns a union error member into a thrown-ready {@link TrackingError} of kind `domain`. */
export function domainError(e: DomainErrorFields): TrackingError {
  return new TrackingError('domain', e.message, {
    code: e.code,
    typename: e.__typename,
    field: e.field,
  });
}

/**
 * Turns urql's `CombinedError` into a {@link TrackingError} of kind `network` or `graphql`.
 *
 * @remarks A response with no GraphQL body (a proxy's 503, a dropped connection) counts as
 * `network`, and so does the server's TEMPORARILY_UNAVAILABLE (its database is down); other
 * GraphQL errors in a well-formed response count as `graphql`.
 */
export function fromCombinedError(error: CombinedError): TrackingError {
  const response = error.response as { status?: number } | undefined;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  if (error.networkError || error.graphQLErrors.length === 0) {
    return new TrackingError('network', error.message, { status, cause: error });
  }
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  // the server's database is unreachable: transient, retried like a dropped connection
  if (code === 'TEMPORARILY_UNAVAILABLE') {
    return new TrackingError('network', error.message, {
      status: status ?? 503,
      code,
      cause: error,
    });
  }
  return new TrackingError('graphql', error.message, {
    status,
    cause: error,
    code: typeof code === 'string' ? code : undefined,
  });
}

/** The kind an HTTP status maps to: transport trouble (0, 408, 429, 5xx) or a domain answer. */
function kindOfStatus(status: number): TrackingErrorKind {
  return status === 0 || status === 408 || status === 429 || status >= 500 ? 'network' : 'domain';
}

/** A failed artifact or dataset transfer, with the HTTP status and the server's MLflow error code. */
export class ArtifactError extends TrackingError {
  override name = 'ArtifactError';
  declare readonly status: number;
  declare readonly code: TrackingErrorCode;

  constructor(
    status: number,
    code: TrackingErrorCode,
    message: string,
    options: { kind?: TrackingErrorKind; cause?: unknown } = {},
  ) {
    super(options.kind ?? kindOfStatus(status), message, { status, code, cause: options.cause });
  }
}

const DOMAIN_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'INVALID_PARAMETER_VALUE',
  'INVALID_STATE',
  'RESOURCE_ALREADY_EXISTS',
  'RESOURCE_DOES_NOT_EXIST',
]);

/**
 * A watch that reconnecting cannot fix: an unknown run, invalid arguments, a document the server
 * rejects, a refused connection (4xx close codes). Transient failures are retried, not thrown.
 */
export class WatchError extends TrackingError {
  override name = 'WatchError';

  constructor(
    message: string,
    code: TrackingErrorCode | undefined,
    options: { kind?: TrackingErrorKind; status?: number; cause?: unknown } = {},
  ) {
    const kind =
      options.kind ?? (code !== undefined && DOMAIN_CODES.has(code) ? 'domain' : 'graphql');
    super(kind, message, { code, status: options.status, cause: options.cause });
  }
}
