import type { AnyVariables, Client, TypedDocumentNode } from '@urql/core';
import {
  type DomainErrorFields,
  domainError,
  fromCombinedError,
  TrackingError,
} from '../errors.ts';

/** The outcome of a mutation: the success payload, or the typed domain-error union member. */
export type OpResult<T, E = DomainErrorFields> = { ok: true; value: T } | { ok: false; error: E };

type Typed = { __typename?: string };

/**
 * Sends a query or mutation and returns `data`.
 *
 * @remarks Throws {@link TrackingError} of kind `network` (no usable response) or `graphql`
 * (errors in the response); domain errors are part of `data` and are left to the caller.
 */
export async function send<D, V extends AnyVariables>(
  client: Client,
  kind: 'query' | 'mutation',
  doc: TypedDocumentNode<D, V>,
  variables: V,
): Promise<D> {
  const op = kind === 'query' ? client.query(doc, variables) : client.mutation(doc, variables);
  const res = await op.toPromise();
  if (res.error) throw fromCombinedError(res.error);
  if (res.data == null) throw new TrackingError('graphql', 'The server returned no data');
  return res.data;
}

/** Splits a result union into the success member named `success` and the error members. */
export function settle<R extends Typed, S extends string, T>(
  result: R,
  success: S,
  pick: (r: Extract<R, { __typename?: S }>) => T,
): OpResult<T, Exclude<R, { __typename?: S }> & DomainErrorFields> {
  if (result.__typename === success) return { ok: true, value: pick(result as never) };
  return { ok: false, error: result as never };
}

/** Returns the success value or throws the domain error as a {@link TrackingError} (`kind: 'domain'`). */
export function unwrap<T>(result: OpResult<T, DomainErrorFields>): T {
  if (result.ok) return result.value;
  throw domainError(result.error);
}
