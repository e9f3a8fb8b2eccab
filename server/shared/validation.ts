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

/** Any character that needs a closer look: NUL or a surrogate half. */
const SUSPECT = /[\0\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `s` cannot be stored as PostgreSQL text, or null when it can: a NUL character (refused in
 * `text` and `jsonb`) or an unpaired UTF-16 surrogate (invalid UTF-8 once encoded).
 */
export function textProblem(s: string): string | null {
  if (!SUSPECT.test(s)) return null;
  if (s.includes('\0')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(s)) return 'is not valid Unicode (an unpaired surrogate)';
  return null;
}

/** A field's name, or a function that builds it: called only for an error (hot validation loops). */
export type FieldName = string | (() => string);

/** The name `field` stands for. */
export const nameOf = (field: FieldName): string => (typeof field === 'string' ? field : field());

/** Rejects a string holding NUL or an unpaired surrogate, naming `field`. */
export function checkText(s: string, field: FieldName): void {
  const problem = textProblem(s);
  if (problem) {
    const name = nameOf(field);
    throw new ValidationError(name, `'${name}' ${problem}.`);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a request body, rejecting bytes that are not UTF-8 instead of replacing them. */
export function decodeUtf8(bytes: Uint8Array, field: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new ValidationError(field, `'${field}' is not valid UTF-8.`);
  }
}

/** An object or array met while walking a JSON value: where it sits, and how deep (root: 0). */
export interface JsonFrame {
  value: object;
  parent: JsonFrame | null;
  key: string | number;
  depth: number;
}

/** What a JSON walk calls: strings with their container and key (null for a string root). */
export interface JsonVisitor {
  string(s: string, frame: JsonFrame | null, key: string | number | null): void;
  /** An object's key, with the object. */
  key?(k: string, frame: JsonFrame): void;
  /** Every object and array, before its members. */
  container?(frame: JsonFrame): void;
}

/**
 * Walks a decoded JSON value without recursion (deep nesting cannot overflow the stack).
 *
 * @remarks A hot path (every GraphQL argument and variable, every REST body): a number costs one
 * type check and no allocation; callers build a path ({@link jsonKeys}) only for an error. Objects'
 * keys come from `Object.keys` and members are visited inline (no closure per container): a for-in
 * loop with own-key checks and a closure per object made the walk of a 20-span logTrace input
 * cost ~3x as much.
 */
export function walkJson(value: unknown, visitor: JsonVisitor): void {
  if (typeof value === 'string') {
    visitor.string(value, null, null);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const stack: JsonFrame[] = [{ value, parent: null, key: '', depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    visitor.container?.(frame);
    const v = frame.value;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === 'string') visitor.string(item, frame, i);
        else if (item !== null && typeof item === 'object') {
          stack.push({ value: item, parent: frame, key: i, depth: frame.depth + 1 });
        }
      }
      continue;
    }
    const keys = Object.keys(v);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j]!;
      visitor.key?.(k, frame);
      const item: unknown = (v as Record<string, unknown>)[k];
      if (typeof item === 'string') visitor.string(item, frame, k);
      else if (item !== null && typeof item === 'object') {
        stack.push({ value: item, parent: frame, key: k, depth: frame.depth + 1 });
      }
    }
  }
}

/** The keys from the walked root down to `frame` (and then `key`, when given). */
export function jsonKeys(
  frame: JsonFrame | null,
  key: string | number | null = null,
): (string | number)[] {
  const keys: (string | number)[] = key === null ? [] : [key];
  for (let f = frame; f !== null && f.parent !== null; f = f.parent) keys.push(f.key);
  return keys.reverse();
}

/** `tags[0].value` under `root` (`input.tags[0].value`), as argument errors name fields. */
function fieldPath(root: string, keys: readonly (string | number)[]): string {
  let path = root;
  for (const k of keys) path = typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k;
  return path;
}

/**
 * Rejects any string or object key in a decoded JSON value that cannot be stored (see
 * {@link textProblem}), naming its path under `root` (`tags[0].value`).
 */
export function checkJsonText(value: unknown, root: string): void {
  walkJson(value, {
    string(s, frame, key) {
      if (textProblem(s) !== null) checkText(s, fieldPath(root, jsonKeys(frame, key)));
    },
    key(k, frame) {
      if (textProblem(k) !== null) checkText(k, fieldPath(root, jsonKeys(frame)));
    },
  });
}
