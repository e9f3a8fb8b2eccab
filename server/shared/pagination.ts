import { ValidationError } from './errors.ts';
import { LIMITS } from './limits.ts';

/** Relay connection arguments. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** What a keyset query needs: how many rows, from which position, in which direction. */
export interface PageRequest<K> {
  limit: number;
  /** Position to start after (in the requested direction), or null for the start/end. */
  cursor: K | null;
  /** True when paging backwards (`last`/`before`): the query reverses its order. */
  backward: boolean;
}

/** Encodes a keyset position as an opaque cursor. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; a malformed one is a `field` validation error. */
export function decodeCursor<K>(cursor: string, field: string): K {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as K;
  } catch {
    throw new ValidationError(field, `Invalid cursor '${cursor}'`);
  }
}

/**
 * Turns connection arguments into a keyset page request.
 *
 * @remarks `first` and `last` are capped at `max`; with neither, `defaultSize` rows are returned.
 */
export function pageRequest<K>(
  args: ConnectionArgs,
  {
    max = LIMITS.maxPageSize,
    defaultSize = LIMITS.defaultPageSize,
  }: { max?: number; defaultSize?: number } = {},
): PageRequest<K> {
  if (args.first != null && args.last != null) {
    throw new ValidationError('first', 'Pass either first or last, not both');
  }
  const backward = args.last != null || (args.before != null && args.first == null);
  const size = (backward ? args.last : args.first) ?? defaultSize;
  if (!Number.isInteger(size) || size < 0 || size > max) {
    throw new ValidationError(
      backward ? 'last' : 'first',
      `Page size must be between 0 and ${max}; got ${size}`,
    );
  }
  const raw = backward ? args.before : args.after;
  return {
    limit: size,
    cursor: raw ? decodeCursor<K>(raw, backward ? 'before' : 'after') : null,
    backward,
  };
}

/** A Relay connection value as Pothos' relay plugin expects it. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** An edge whose cursor is encoded only when read: a 100,000-point history page asks for none. */
class Edge<T, K> {
  constructor(
    readonly node: T,
    private readonly keyOf: (row: T) => K,
  ) {}

  get cursor(): string {
    return encodeCursor(this.keyOf(this.node));
  }
}

/**
 * Builds a connection from rows fetched with `limit + 1` in the request's direction.
 *
 * @remarks The extra row only tells whether another page exists; backward pages are re-reversed.
 */
export function toConnection<T, K>(
  rows: T[],
  req: PageRequest<K>,
  keyOf: (row: T) => K,
): Connection<T> {
  const more = rows.length > req.limit;
  const page = rows.slice(0, req.limit);
  if (req.backward) page.reverse();
  const edges = page.map((node) => new Edge(node, keyOf));
  return {
    edges,
    pageInfo: {
      hasNextPage: req.backward ? req.cursor !== null : more,
      hasPreviousPage: req.backward ? more : req.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
