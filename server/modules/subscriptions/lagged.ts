import { createGraphQLError } from 'graphql-yoga';
import { Lagged } from './live-iterator.ts';

/**
 * Passes a stream value through, or turns the terminal {@link Lagged} marker into the GraphQL error
 * a lagging subscriber receives (code SUBSCRIBER_LAGGED, with the last sequence number delivered).
 */
export function unlag<T>(value: T | Lagged): T {
  if (!(value instanceof Lagged)) return value;
  throw createGraphQLError(
    value.lastSeq === null
      ? 'Subscriber fell too far behind; subscribe again.'
      : `Subscriber fell too far behind; resubscribe with afterSeq: ${value.lastSeq}.`,
    { extensions: { code: 'SUBSCRIBER_LAGGED', lastSeq: value.lastSeq } },
  );
}
