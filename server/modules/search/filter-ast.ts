/**
 * Typed syntax tree of MLflow's search grammar (runs, experiments; reusable by later searches).
 *
 * A filter is a conjunction of clauses; each clause names an identifier (an entity kind plus a key)
 * and compares it, tests list membership, or tests for absence. Offsets are 0-based character
 * positions in the source string, used in error messages.
 */

/** What an identifier refers to, after its prefix alias is resolved. */
export type EntityKind = 'attribute' | 'metric' | 'param' | 'tag' | 'dataset' | 'metadata' | 'span';

/**
 * A per-(run, key) metric aggregate usable in place of the latest value: `min(metrics.loss)`.
 * `last` is the latest value (the same as a bare `metrics.loss`).
 */
export type SummaryFunction = 'min' | 'max' | 'first' | 'last' | 'count' | 'last_step';

/** The summary functions the grammar accepts, in documentation order. */
export const SUMMARY_FUNCTIONS: readonly SummaryFunction[] = [
  'min',
  'max',
  'first',
  'last',
  'count',
  'last_step',
];

/** `prefix.key`, `prefix.\`quoted key\``, a bare attribute, or `fn(metrics.key)`. */
export interface Identifier {
  kind: EntityKind;
  /** The key with quotes removed; for attributes, the canonical attribute name after aliasing. */
  key: string;
  /** Summary function wrapped around a metric identifier, if any. */
  fn: SummaryFunction | null;
  /** Offset of the identifier's first character. */
  offset: number;
  /** The identifier as written, for messages. */
  text: string;
}

/** Comparison operators; `<>` is read as `!=`; RLIKE is a POSIX regular-expression match. */
export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE' | 'RLIKE';

/** A literal on the right-hand side of a comparison. */
export type Literal =
  | { type: 'string'; value: string; offset: number }
  | { type: 'number'; value: number; text: string; offset: number };

/** `identifier comparator literal`. */
export interface CompareClause {
  type: 'compare';
  ident: Identifier;
  op: Comparator;
  value: Literal;
  offset: number;
}

/** `identifier [NOT] IN ('a', 'b')`. */
export interface InClause {
  type: 'in';
  ident: Identifier;
  negated: boolean;
  values: string[];
  offset: number;
}

/** `identifier IS [NOT] NULL`. */
export interface NullClause {
  type: 'null';
  ident: Identifier;
  negated: boolean;
  offset: number;
}

/** One conjunct of a filter. */
export type Clause = CompareClause | InClause | NullClause;

/** A parsed filter: the AND of its clauses (empty: match everything). */
export interface Filter {
  clauses: Clause[];
}

/** One `orderBy` entry: `identifier [ASC|DESC]`. */
export interface OrderClause {
  ident: Identifier;
  descending: boolean;
}
