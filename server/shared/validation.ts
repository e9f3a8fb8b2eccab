import { ValidationError } from './errors.ts';
import { LIMITS } from './limits.ts';

const KEY_CHARS = /^[\p{L}\p{N}_\-./ :]+$/u;

/** Code-point length, as MLflow (Python `len`) counts. */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Truncates `s` to `max` code points. */
export function truncate(s: string, max: number): string {
  return codePoints(s) <= max ? s : Array.from(s).slice(0, max).join('');
}

function normalisesToItself(key: string): boolean {
  if (key.startsWith('/') || key.startsWith('..')) return false;
  const parts = key.split('/');
  return parts.every((p) => p !== '' && p !== '.' && p !== '..');
}

/**
 * Validates a metric, param or tag key by MLflow's rules.
 *
 * @remarks Allowed: letters, digits, `_ - . / :` and space; at most 250 code points; the key must be
 * its own POSIX-normalised form (no `a//b`, `./a`, `a/../b`, leading `/` or `..`).
 */
export function validateKey(
  key: string,
  field: string,
  max: number = LIMITS.maxEntityKeyLength,
): void {
  if (key.length === 0)
    throw new ValidationError(field, `Missing value for required parameter '${field}'.`);
  if (!KEY_CHARS.test(key)) {
    throw new ValidationError(
      field,
      `Invalid value "${key}" for parameter '${field}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).`,
    );
  }
  if (!normalisesToItself(key)) {
    throw new ValidationError(
      field,
      `Invalid value "${key}" for parameter '${field}': the name must be a normalized path.`,
    );
  }
  if (codePoints(key) > max) {
    throw new ValidationError(field, `'${field}' exceeds the maximum length of ${max} characters.`);
  }
}

/** Rejects a string longer than `max` code points. */
export function validateLength(value: string, max: number, field: string): void {
  if (codePoints(value) > max) {
    throw new ValidationError(field, `'${field}' exceeds the maximum length of ${max} characters.`);
  }
}

/** Rejects a negative or non-integer timestamp. */
export function validateTimestamp(ts: number, field: string): void {
  if (!Number.isSafeInteger(ts) || ts < 0) {
    throw new ValidationError(
      field,
      `Invalid value ${ts} for parameter '${field}': Timestamp must be a nonnegative long.`,
    );
  }
}
