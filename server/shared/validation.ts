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

/** Rejects a string holding NUL or an unpaired surrogate, naming `field`. */
export function checkText(s: string, field: string): void {
  const problem = textProblem(s);
  if (problem) throw new ValidationError(field, `'${field}' ${problem}.`);
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

/** A container still to walk, with how to name it: the parent's path plus a key or an index. */
interface JsonFrame {
  value: object;
  parent: JsonFrame | null;
  key: string | number;
}

/** The path of `key` under `frame` (`tags[0].value`), built only for an error message. */
function jsonPath(frame: JsonFrame | null, key: string | number, root: string): string {
  const keys: (string | number)[] = [key];
  for (let f = frame; f !== null && f.parent !== null; f = f.parent) keys.push(f.key);
  let path = root;
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!;
    path = typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k;
  }
  return path;
}

/** The path of `frame` itself: `root` for the top value. */
function framePath(frame: JsonFrame, root: string): string {
  return frame.parent === null ? root : jsonPath(frame.parent, frame.key, root);
}

/**
 * Rejects any string or object key in a decoded JSON value that cannot be stored (see
 * {@link textProblem}), naming its path under `root` (`tags[0].value`); walks without recursion.
 *
 * @remarks A hot path (every GraphQL argument, every REST body): a number costs one type check,
 * and a path is built only for the error, never for the values that pass.
 */
export function checkJsonText(value: unknown, root: string): void {
  if (typeof value === 'string') {
    checkText(value, root);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const stack: JsonFrame[] = [{ value, parent: null, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const v = frame.value;
    const visit = (item: unknown, key: string | number) => {
      if (typeof item === 'string') {
        if (textProblem(item) !== null) checkText(item, jsonPath(frame, key, root));
      } else if (item !== null && typeof item === 'object') {
        stack.push({ value: item, parent: frame, key });
      }
    };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) visit(v[i], i);
    } else {
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        if (textProblem(k) !== null) checkText(k, framePath(frame, root));
        visit((v as Record<string, unknown>)[k], k);
      }
    }
  }
}
