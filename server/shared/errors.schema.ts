import { builder } from '../builder.ts';
import {
  AlreadyExistsError,
  type DomainError,
  type ErrorCode,
  InvalidStateError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  ValidationError,
} from './errors.ts';

const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: "MLflow's error codes for expected failures.",
  values: {
    RESOURCE_DOES_NOT_EXIST: { description: 'The entity does not exist.' },
    RESOURCE_ALREADY_EXISTS: { description: 'A unique name or key is already taken.' },
    INVALID_PARAMETER_VALUE: { description: 'The input is invalid.' },
    INVALID_STATE: { description: 'The entity is in a state that forbids the operation.' },
    UNAUTHENTICATED: { description: 'The request carries no valid credentials.' },
    PERMISSION_DENIED: { description: 'The caller may not perform the operation.' },
    TEMPORARILY_UNAVAILABLE: {
      description: 'A dependency (the database) is unreachable right now; retry later (HTTP 503).',
    },
    DEADLINE_EXCEEDED: {
      description: "The request ran past the server's statement timeout (HTTP 504).",
    },
  } satisfies Record<ErrorCode, { description: string }>,
});

/** The interface every expected error implements, so clients can select `... on Error`. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure of an operation; nothing was written.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'Human-readable explanation.' }),
    code: t.field({
      type: ErrorCodeEnum,
      description: 'MLflow error code.',
      resolve: (e) => e.code,
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The referenced entity does not exist (RESOURCE_DOES_NOT_EXIST).',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
  fields: (t) => ({
    entity: t.exposeString('entity', { description: 'Kind of entity looked up, e.g. `Run`.' }),
    id: t.exposeString('id', { description: 'The id or name that was not found.' }),
  }),
});

builder.objectType(AlreadyExistsError, {
  name: 'AlreadyExistsError',
  description: 'A unique name is already taken (RESOURCE_ALREADY_EXISTS).',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof AlreadyExistsError,
  fields: () => ({}),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input is invalid (INVALID_PARAMETER_VALUE).',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ValidationError,
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'Path of the offending input, e.g. `params[2].value`.',
    }),
  }),
});

builder.objectType(InvalidStateError, {
  name: 'InvalidStateError',
  description:
    'The entity is in a state that forbids the operation, e.g. a deleted run (INVALID_STATE).',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidStateError,
  fields: () => ({}),
});

builder.objectType(UnauthenticatedError, {
  name: 'UnauthenticatedError',
  description: 'The request carries no valid credentials (UNAUTHENTICATED).',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof UnauthenticatedError,
  fields: () => ({}),
});

builder.objectType(PermissionDeniedError, {
  name: 'PermissionDeniedError',
  description: 'The caller may not perform the operation (PERMISSION_DENIED).',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof PermissionDeniedError,
  fields: () => ({}),
});
