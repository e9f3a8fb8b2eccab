import { ValidationError } from '../../shared/errors.ts';
import { checkText, type FieldName, nameOf } from '../../shared/validation.ts';

/**
 * Checks for values PostgreSQL cannot store: NUL characters (refused in `text` and `jsonb`),
 * unpaired UTF-16 surrogates (invalid UTF-8 once encoded; `jsonb` refuses their escapes) and JSON
 * nested deeper than {@link MAX_VALUE_DEPTH} (PostgreSQL's parser stops at its stack limit).
 */

/** Deepest nesting of arrays and objects in an attribute value (and of OTLP arrays/kvlists). */
export const MAX_VALUE_DEPTH = 64;

/** {@link checkText} for an optional string. */
export function checkOptionalText(s: string | null | undefined, field: string): void {
  if (s != null) checkText(s, field);
}

/**
 * Rejects a JSON value that holds a string (or object key) PostgreSQL cannot store, or that nests
 * deeper than {@link MAX_VALUE_DEPTH}, naming `field`.
 */
export function checkJsonValue(value: unknown, field: FieldName, depth = 0): void {
  if (typeof value === 'string') {
    checkText(value, field);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth >= MAX_VALUE_DEPTH) {
    const name = nameOf(field);
    throw new ValidationError(
      name,
      `'${name}' nests arrays or objects deeper than ${MAX_VALUE_DEPTH} levels.`,
    );
  }
  if (Array.isArray(value)) {
    for (const item of value) checkJsonValue(item, field, depth + 1);
    return;
  }
  for (const k in value) {
    checkText(k, field);
    checkJsonValue((value as Record<string, unknown>)[k], field, depth + 1);
  }
}
