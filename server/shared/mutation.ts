import type { DomainError } from './errors.ts';

type ErrorClass = abstract new (...args: never[]) => DomainError;

/**
 * Options for a mutation whose result is `<Field>Success { <dataName> } | <errors>`.
 *
 * @remarks ValidationError and PermissionDeniedError are added to every mutation by the builder's
 * `defaultTypes`.
 */
export function mutationResult(
  description: string,
  errors: ErrorClass[],
  data: { name: string; description: string },
) {
  return {
    description,
    errors: {
      types: errors as unknown as (new (...args: unknown[]) => DomainError)[],
      dataField: data,
    },
  };
}
