// What a searchable entity accepts (its vocabulary) and what each value type may be compared
// with: the contract between the filter parser and the entities' vocabularies.
import type { EntityKind, Identifier } from './filter-ast.ts';

/** How a value of an identifier is typed, which decides the comparators it allows. */
export type ValueType =
  | 'number'
  | 'string'
  | 'nullable-string'
  | 'id'
  | 'dataset'
  | 'trace-string'
  | 'trace-key'
  | 'text';

/** What one searchable entity accepts: prefixes, attribute names, types, orderable identifiers. */
export interface Vocabulary {
  /** Lower-case prefix (without the dot) to entity kind, aliases included. */
  prefixes: Record<string, EntityKind>;
  /** Attribute name as written (aliases included) to its canonical name. */
  attributes: Record<string, string>;
  /** Keys allowed after `datasets.`. */
  datasetKeys: readonly string[];
  /** Whether `fn(metrics.key)` summary functions are accepted. */
  summaries: boolean;
  /** Value type of a resolved identifier. */
  typeOf(ident: Identifier): ValueType;
  /** Why an identifier cannot be filtered on, or null when it can. */
  filterError(ident: Identifier): string | null;
  /** Why an identifier cannot be ordered by, or null when it can. */
  orderError(ident: Identifier): string | null;
}

/** The comparators a filter clause may use on a value of each type. */
export const COMPARATORS: Record<ValueType, readonly string[]> = {
  number: ['=', '!=', '<', '<=', '>', '>='],
  string: ['=', '!=', 'LIKE', 'ILIKE'],
  'nullable-string': ['=', '!=', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL'],
  id: ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'],
  dataset: ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'],
  'trace-string': ['=', '!=', 'IN', 'NOT IN', 'LIKE', 'ILIKE', 'RLIKE'],
  'trace-key': ['=', '!=', 'LIKE', 'ILIKE', 'RLIKE', 'IS NULL', 'IS NOT NULL'],
  text: ['LIKE', 'ILIKE'],
};
