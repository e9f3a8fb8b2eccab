import type { CombinedError } from '@urql/core';
import type { ErrorCode } from './gql/graphql.ts';

/** Where a failure came from: the transport, the GraphQL layer, or an expected domain error. */
export type TrackingErrorKind = 'network' | 'graphql' | 'domain';

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
  code?: ErrorCode;
  typename?: DomainErrorFields['__typename'];
  field?: string;
  /** HTTP status of a failed response, when there was one. */
  status?: number;
  cause?: unknown;
}

/**
 * The one error class the client throws.
 *
 * @remarks `kind: 'domain'` carries MLflow's `code` (e.g. `RESOURCE_DOES_NOT_EXIST`) and the union
 * member's `typename`; `kind: 'network'` covers failed connections and 5xx responses, which the
 * batch logger retries; `kind: 'graphql'` is a GraphQL-level error (bad document, masked server fault).
 */
export class TrackingError extends Error {
  override readonly name = 'TrackingError';
  readonly kind: TrackingErrorKind;
  readonly code?: ErrorCode;
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

  /** True for failures worth retrying with the same request: network errors and 5xx responses. */
  get retryable(): boolean {
    return this.kind === 'network' && (this.status === undefined || this.status >= 500);
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
 * `network`; GraphQL errors in a well-formed response count as `graphql`.
 */
export function fromCombinedError(error: CombinedError): TrackingError {
  const response = error.response as { status?: number } | undefined;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  if (error.networkError || error.graphQLErrors.length === 0) {
    return new TrackingError('network', error.message, { status, cause: error });
  }
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  return new TrackingError('graphql', error.message, {
    status,
    cause: error,
    code: typeof code === 'string' ? (code as ErrorCode) : undefined,
  });
}
