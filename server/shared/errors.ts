/** MLflow's error codes for expected failures. */
export type ErrorCode =
  | 'RESOURCE_DOES_NOT_EXIST'
  | 'RESOURCE_ALREADY_EXISTS'
  | 'INVALID_PARAMETER_VALUE'
  | 'INVALID_STATE'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'TEMPORARILY_UNAVAILABLE'
  | 'DEADLINE_EXCEEDED';

/** An expected failure; the errors plugin turns each subclass into a schema type. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

/** The entity does not exist (MLflow `RESOURCE_DOES_NOT_EXIST`). */
export class NotFoundError extends DomainError {
  readonly code = 'RESOURCE_DOES_NOT_EXIST' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
    message = `${entity} with id=${id} not found`,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A unique name or key is taken (MLflow `RESOURCE_ALREADY_EXISTS`). */
export class AlreadyExistsError extends DomainError {
  readonly code = 'RESOURCE_ALREADY_EXISTS' as const;
  constructor(message: string) {
    super(message);
    this.name = 'AlreadyExistsError';
  }
}

/** Bad input; `field` is the path of the offending input (MLflow `INVALID_PARAMETER_VALUE`). */
export class ValidationError extends DomainError {
  readonly code = 'INVALID_PARAMETER_VALUE' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** The entity is in a state that forbids the operation, such as a deleted run (MLflow `INVALID_STATE`). */
export class InvalidStateError extends DomainError {
  readonly code = 'INVALID_STATE' as const;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStateError';
  }
}

/** The request carries no valid credentials (MLflow `UNAUTHENTICATED`). */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'Authentication required') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** The caller is known but may not do this (MLflow `PERMISSION_DENIED`). */
export class PermissionDeniedError extends DomainError {
  readonly code = 'PERMISSION_DENIED' as const;
  constructor(message = 'Permission denied') {
    super(message);
    this.name = 'PermissionDeniedError';
  }
}

/**
 * A dependency (the database) cannot be reached right now; retrying later may succeed (MLflow
 * `TEMPORARILY_UNAVAILABLE`, HTTP 503). Nothing was written.
 */
export class UnavailableError extends DomainError {
  readonly code = 'TEMPORARILY_UNAVAILABLE' as const;
  constructor(message = 'The database is unavailable; retry later.') {
    super(message);
    this.name = 'UnavailableError';
  }
}

/**
 * A statement ran past the server's statement timeout, or was cancelled because the client went
 * away (MLflow `DEADLINE_EXCEEDED`, HTTP 504). Nothing was written.
 */
export class DeadlineExceededError extends DomainError {
  readonly code = 'DEADLINE_EXCEEDED' as const;
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineExceededError';
  }
}
