import { createGraphQLError } from 'graphql-yoga';
import { Lagged, Revoked } from './live-iterator.ts';

/**
 * Passes a stream value through, or turns the terminal {@link Lagged} marker into the GraphQL error
 * a lagging subscriber receives (code SUBSCRIBER_LAGGED, with the last sequence number delivered),
 * or a {@link Revoked} one into its error (UNAUTHENTICATED, PERMISSION_DENIED).
 */
export function unlag<T>(value: T | Lagged): T {
  if (!(value instanceof Lagged)) return value;
  if (value instanceof Revoked) throw value.error;
  throw createGraphQLError(
    value.lastSeq === null
      ? 'Subscriber fell too far behind; subscribe again.'
      : `Subscriber fell too far behind; resubscribe with afterSeq: ${value.lastSeq}.`,
    { extensions: { code: 'SUBSCRIBER_LAGGED', lastSeq: value.lastSeq } },
  );
}
