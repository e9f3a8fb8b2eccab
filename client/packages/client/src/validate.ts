import { InvalidValueError } from './errors.ts';

/** A step as the logging calls accept it: a safe integer, or a `bigint` over the int64 range. */
export type StepInput = number | bigint;

/**
 * A step as it goes over the wire (the server's `Step` scalar): a number within ±(2^53-1), a
 * decimal string beyond.
 */
export type WireStep = number | string;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A param or tag value; stored as its string form (`String(value)`), as MLflow's `str()` does. */
export type TagValue = string | number | boolean | bigint;

const MAX_KEY_LENGTH = 250;
const KEY_CHARS = /^[\p{L}\p{N}_\-./ :]+$/u;
// keys already checked: logging loops reuse a handful of keys, so a set lookup replaces the regex
const knownKeys = new Set<string>();

function describe(value: unknown): string {
  if (typeof value === 'string')
    return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

function keyProblem(key: string): string | null {
  if (key.length === 0) return 'must not be empty';
  if (!KEY_CHARS.test(key)) {
    return 'may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colons (:) and slashes (/)';
  }
  if (
    key.startsWith('/') ||
    key.startsWith('..') ||
    key.split('/').some((p) => p === '' || p === '.' || p === '..')
  ) {
    return 'must be a normalized path (no leading /, no empty, . or .. segments)';
  }
  if ([...key].length > MAX_KEY_LENGTH) return `must be at most ${MAX_KEY_LENGTH} characters`;
  return null;
}

/**
 * Checks a metric, param or tag key by MLflow's rules (letters, digits, `_ - . / :` and space, a
 * normalized path, at most 250 characters) and returns it.
 *
 * @throws {@link InvalidValueError} naming `field` when the key is not such a string.
 */
export function checkKey(key: unknown, field = 'key'): string {
  if (typeof key === 'string' && knownKeys.has(key)) return key;
  if (typeof key !== 'string') {
    throw new InvalidValueError(field, `${field} must be a string, got ${describe(key)}`);
  }
  const problem = keyProblem(key);
  if (problem !== null) throw new InvalidValueError(field, `${field} ${describe(key)} ${problem}`);
  if (knownKeys.size >= 10_000) knownKeys.clear();
  knownKeys.add(key);
  return key;
}

/**
 * Checks a metric value: any JS number, including NaN and ±Infinity (MLflow stores them); nothing
 * else (no strings, booleans, `null` or objects, which would otherwise be coerced).
 *
 * @throws {@link InvalidValueError} naming `field`.
 */
export function checkMetricValue(value: unknown, field = 'value'): number {
  if (typeof value === 'number') return value;
  throw new InvalidValueError(
    field,
    `${field} must be a number (finite, NaN or ±Infinity), got ${describe(value)}`,
  );
}

/**
 * Checks a step and returns its wire form: a safe integer number, or a `bigint` over the int64
 * range (-(2^63) to 2^63-1), sent as a number when within ±(2^53-1) and as a decimal string beyond.
 *
 * @throws {@link InvalidValueError} for fractions, NaN, strings, numbers beyond ±(2^53-1) (not
 * exact: pass a bigint), or bigints outside the int64 range.
 */
export function checkStep(step: unknown, field = 'step'): WireStep {
  if (typeof step === 'number' && Number.isSafeInteger(step)) return step;
  if (typeof step === 'bigint') {
    if (step <= BigInt(Number.MAX_SAFE_INTEGER) && step >= BigInt(Number.MIN_SAFE_INTEGER)) {
      return Number(step);
    }
    if (step >= INT64_MIN && step <= INT64_MAX) return String(step);
    throw new InvalidValueError(
      field,
      `${field} ${step}n is outside the int64 range (-(2^63) to 2^63-1)`,
    );
  }
  throw new InvalidValueError(
    field,
    `${field} must be an integer: a number within ±(2^53-1) or a bigint within the int64 range, got ${describe(step)}`,
  );
}

/** A step as the server returns it (`Step`): a number when safe, a `bigint` beyond ±(2^53-1). */
export function decodeStep(step: WireStep): number | bigint {
  return typeof step === 'number' ? step : BigInt(step);
}

/**
 * Checks a timestamp in milliseconds since the epoch: a non-negative safe integer (or `bigint`).
 *
 * @throws {@link InvalidValueError} naming `field`.
 */
export function checkTimestamp(ts: unknown, field = 'timestamp'): number {
  if (typeof ts === 'number' && Number.isSafeInteger(ts) && ts >= 0) return ts;
  if (typeof ts === 'bigint' && ts >= 0n && ts <= BigInt(Number.MAX_SAFE_INTEGER)) {
    return Number(ts);
  }
  throw new InvalidValueError(
    field,
    `${field} must be a non-negative integer of milliseconds since the epoch, got ${describe(ts)}`,
  );
}

/**
 * Checks a param or tag value and returns its string form: strings as they are; numbers, booleans
 * and bigints through `String()`.
 *
 * @throws {@link InvalidValueError} for `null`, `undefined`, objects, arrays, symbols and functions
 * (stringify them yourself, e.g. with `JSON.stringify`).
 */
export function checkTagValue(value: unknown, field = 'value'): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      throw new InvalidValueError(
        field,
        `${field} must be a string, number, boolean or bigint, got ${describe(value)}; stringify it yourself (e.g. JSON.stringify)`,
      );
  }
}

/**
 * Checks a record of values (params, tags or metrics) is a plain object, and returns it.
 *
 * @throws {@link InvalidValueError} for `null`, arrays and non-objects.
 */
export function checkRecord<T>(record: unknown, field: string): Record<string, T> {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new InvalidValueError(
      field,
      `${field} must be an object of key/value pairs, got ${describe(record)}`,
    );
  }
  return record as Record<string, T>;
}
