import { createGraphQLError } from 'graphql-yoga';

/** Ends a live stream (returned by a producer). */
export const END = Symbol('end');

/** The terminal value of a stream whose subscriber fell too far behind. */
export class Lagged {
  constructor(
    /** The last sequence number delivered; resume with `afterSeq` set to it (null: no sequence). */
    readonly lastSeq: number | null,
  ) {}
}

/**
 * The terminal value of a stream whose subscriber may no longer read it (a revoked or expired
 * token, a deleted user, a withdrawn permission): `error` is what the subscriber gets. A kind of
 * {@link Lagged} (a stream's end marker), so every stream's value type already admits it.
 */
export class Revoked extends Lagged {
  constructor(readonly error: Error) {
    super(null);
  }
}

/** What a producer returns: a value to deliver, `null` (nothing ready) or {@link END}. */
export type Produced<T> = T | null | typeof END;

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
