import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const MAX = Number.MAX_SAFE_INTEGER;

/** A SafeInt input, or the scalar's GraphQL error (column scalars reuse it per element). */
export function toSafeInt(value: unknown): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d+$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    throw new GraphQLError(
      `SafeInt must be an integer between -${MAX} and ${MAX} (a number or a decimal string); got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** 64-bit integers (steps, millisecond timestamps) within JavaScript's exact range, ±(2^53-1). */
export const SafeIntScalar = new GraphQLScalarType<number, number>({
  name: 'SafeInt',
  description:
    'A 64-bit integer within the exactly representable range ±(2^53-1): metric steps, millisecond timestamps, sequence numbers. Serialised as a JSON number; input accepts a number or a decimal string.',
  serialize: (v) => toSafeInt(v),
  parseValue: (v) => toSafeInt(v),
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING)
      return toSafeInt(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new GraphQLError('SafeInt must be an integer literal or a decimal string');
  },
});

/**
 * A metric step: an int64. Kept as a `number` when within ±(2^53-1) (the fast, common form) and as
 * a `bigint` only beyond, so a safe step is never a bigint and `===` between steps stays exact.
 */
export type Step = number | bigint;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A step in its canonical form: a number when safe, else the bigint. */
export function stepOf(v: bigint): Step {
  return v >= -MAX_BIG && v <= MAX_BIG ? Number(v) : v;
}
const MAX_BIG = BigInt(MAX);

/**
 * Parses a step: a safe-integer number, a bigint, or a decimal string, within the int64 range.
 * Returns undefined for anything else (non-integers, numbers beyond ±(2^53-1), which a double
 * cannot carry exactly, values outside ±(2^63-1)... ).
 */
export function parseStep(value: unknown): Step | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  let big: bigint;
  if (typeof value === 'bigint') big = value;
  else if (typeof value === 'string' && /^\s*-?\d{1,19}\s*$/.test(value))
    big = BigInt(value.trim());
  else return undefined;
  return big < INT64_MIN || big > INT64_MAX ? undefined : stepOf(big);
}

/** A step as JSON: a number when safe, a decimal string beyond ±(2^53-1). */
export function serializeStep(step: Step): number | string {
  return typeof step === 'number' ? step : String(step);
}

/** Compares steps exactly (numbers and bigints mixed). */
export function compareSteps(a: Step, b: Step): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const STEP_RANGE = `between -(2^63) and 2^63-1`;

/** A Step input, or the scalar's GraphQL error (column scalars reuse it per element). */
export function toStep(value: unknown): Step {
  const s = parseStep(value);
  if (s === undefined) {
    throw new GraphQLError(
      `Step must be an integer ${STEP_RANGE} (a number within ±(2^53-1), or a decimal string); got ${typeof value === 'bigint' ? String(value) : JSON.stringify(value)}`,
      { extensions: { code: 'INVALID_PARAMETER_VALUE' } },
    );
  }
  return s;
}

/** Metric steps over the whole int64 range. */
export const StepScalar = new GraphQLScalarType<Step, number | string>({
  name: 'Step',
  description:
    'A metric step, a 64-bit integer (-(2^63) to 2^63-1). Output: a JSON number when within ±(2^53-1), else a decimal string (JSON numbers beyond that are not exact in JavaScript). Input: a JSON number within ±(2^53-1), or a decimal string for the whole int64 range.',
  // the common case first: a safe number goes out as it is
  serialize: (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) ? v : serializeStep(toStep(v)),
  parseValue: toStep,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toStep(ast.value);
    throw new GraphQLError('Step must be an integer literal or a decimal string', {
      extensions: { code: 'INVALID_PARAMETER_VALUE' },
    });
  },
});

const SPECIAL: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/** Parses a MetricValue input; returns undefined when it is not one. */
export function parseMetricValue(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value in SPECIAL) return SPECIAL[value];
  return undefined;
}

/** Serialises a double: finite numbers as JSON numbers, NaN and ±Infinity as strings. */
export function serializeMetricValue(value: number): number | string {
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

/** A MetricValue input, or the scalar's GraphQL error (column scalars reuse it per element). */
export function parseMetricValueOrThrow(value: unknown): number {
  const v = parseMetricValue(value);
  if (v === undefined) {
    throw new GraphQLError(
      `MetricValue must be a finite number or one of "NaN", "Infinity", "-Infinity"; got ${JSON.stringify(value)}`,
    );
  }
  return v;
}

/** An IEEE double that keeps NaN and ±Infinity, which GraphQL's Float cannot carry. */
export const MetricValueScalar = new GraphQLScalarType<number, number | string>({
  name: 'MetricValue',
  description:
    'A metric value (IEEE double). Finite values are JSON numbers; NaN, +Infinity and -Infinity are the strings "NaN", "Infinity" and "-Infinity", in input and output alike.',
  serialize: (v) => serializeMetricValue(typeof v === 'number' ? v : parseMetricValueOrThrow(v)),
  parseValue: parseMetricValueOrThrow,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return Number(ast.value);
    if (ast.kind === Kind.STRING) return parseMetricValueOrThrow(ast.value);
    throw new GraphQLError('MetricValue must be a number or one of "NaN", "Infinity", "-Infinity"');
  },
});
