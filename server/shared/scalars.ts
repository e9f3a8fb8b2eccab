import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const MAX = Number.MAX_SAFE_INTEGER;

function toSafeInt(value: unknown): number {
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

function toStep(value: unknown): Step {
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

function parseMetricValueOrThrow(value: unknown): number {
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

/**
 * Column scalars: a whole list as one scalar, for the bulk parallel lists of metric histories,
 * buckets and `logBatch` input. A list type (`[SafeInt!]!`) makes graphql-js complete, serialise
 * or coerce every element on its own (a path object and a call per element): 500,000 elements cost
 * ~30 % of a 100-run bucket request, and a 1000-point `logBatch` ran 3,000 element coercions. A
 * column is checked in one loop with the element scalar's rules and error messages, and is the
 * same JSON array on the wire. `NullableMetricValueColumn` is output only.
 */
function outputOnly(name: string): () => never {
  return () => {
    throw new GraphQLError(`${name} is an output type`);
  };
}

function column(value: unknown, name: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new GraphQLError(`${name} must be a list`);
  return value;
}

/** The element error of a column input, with the element's index (graphql-js gives the list's path). */
function atItem(error: unknown, i: number): unknown {
  if (!(error instanceof GraphQLError)) return error;
  return new GraphQLError(`${error.message} (item ${i})`, { extensions: error.extensions });
}

/**
 * Coerces a column input: elements that pass `fast` are kept as they are; the others go through the
 * element parser (which throws the element scalar's error), on a copy made at the first of them. A
 * single value is a list of one, as graphql-js coerces list inputs.
 */
function parseColumn<T>(
  value: unknown,
  fast: (v: unknown) => boolean,
  parse: (v: unknown) => T,
): T[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  let out: unknown[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (fast(v)) continue;
    let p: T;
    try {
      p = parse(v);
    } catch (e) {
      throw atItem(e, i);
    }
    out ??= list.slice();
    out[i] = p;
  }
  return (out ?? list) as T[];
}

/** An inline list literal (or a single literal: a list of one), element by element. */
function parseColumnLiteral<T>(
  ast: ValueNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  parseValue: (v: unknown) => T,
  parseLiteral: (ast: ValueNode) => T,
): T[] {
  const items = ast.kind === Kind.LIST ? ast.values : [ast];
  return items.map((item, i) => {
    try {
      return item.kind === Kind.VARIABLE
        ? parseValue(variables?.[item.name.value])
        : parseLiteral(item);
    } catch (e) {
      throw atItem(e, i);
    }
  });
}

const isSafeInt = (v: unknown): boolean => Number.isSafeInteger(v);
const isFiniteNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const safeIntLiteral = SafeIntScalar.parseLiteral.bind(SafeIntScalar);

/** A list of SafeInt values as one scalar (see the column scalars above). */
export const SafeIntColumnScalar = new GraphQLScalarType<number[], readonly number[]>({
  name: 'SafeIntColumn',
  description:
    'A list of SafeInt values as one scalar: a JSON array of integers within ±(2^53-1) (input also accepts decimal strings, as SafeInt does). Used for the bulk parallel lists of metric histories, buckets and logBatch, which it checks in one step.',
  serialize: (v) => {
    const list = column(v, 'SafeIntColumn');
    for (const n of list) {
      if (!Number.isSafeInteger(n)) throw new GraphQLError(`SafeIntColumn holds ${String(n)}`);
    }
    return list as readonly number[];
  },
  parseValue: (v) => parseColumn(v, isSafeInt, toSafeInt),
  parseLiteral: (ast, variables) =>
    parseColumnLiteral(ast, variables, toSafeInt, (a) => safeIntLiteral(a)),
});

/** A list of steps as one scalar: the same array when every step is a number (all safe). */
export const StepColumnScalar = new GraphQLScalarType<Step[], readonly (number | string)[]>({
  name: 'StepColumn',
  description:
    'A list of Step values as one scalar: a JSON array of integers, with steps beyond ±(2^53-1) as decimal strings (input: numbers within ±(2^53-1), decimal strings over the whole int64 range, as Step). Used for the bulk parallel lists of metric histories, buckets and logBatch, which it checks in one step.',
  serialize: (v) => {
    const list = column(v, 'StepColumn');
    let wide = false;
    for (const n of list) {
      if (Number.isSafeInteger(n)) continue;
      if (typeof n !== 'bigint') throw new GraphQLError(`StepColumn holds ${String(n)}`);
      wide = true;
    }
    if (!wide) return list as readonly number[];
    return (list as readonly Step[]).map(serializeStep);
  },
  parseValue: (v) => parseColumn(v, isSafeInt, toStep),
  parseLiteral: (ast, variables) =>
    parseColumnLiteral(ast, variables, toStep, (a) => StepScalar.parseLiteral(a)),
});

/** Serialises a list of doubles (null kept): the same array when every value is finite or null. */
function serializeValues(value: unknown, name: string, nullable: boolean) {
  const list = column(value, name);
  let special = false;
  for (const v of list) {
    if (v === null && nullable) continue;
    if (typeof v !== 'number') throw new GraphQLError(`${name} holds ${JSON.stringify(v)}`);
    if (!Number.isFinite(v)) special = true;
  }
  if (!special) return list as readonly (number | null)[];
  return list.map((v) => (v === null ? null : serializeMetricValue(v as number)));
}

/** A list of MetricValue values as one scalar (see the column scalars above). */
export const MetricValueColumnScalar = new GraphQLScalarType<
  number[],
  readonly (number | string)[]
>({
  name: 'MetricValueColumn',
  description:
    'A list of MetricValue values as one scalar: a JSON array of numbers, with NaN, +Infinity and -Infinity as the strings "NaN", "Infinity" and "-Infinity", in input and output alike. Used for the bulk parallel lists of metric histories, buckets and logBatch, which it checks in one step.',
  serialize: (v) => serializeValues(v, 'MetricValueColumn', false) as readonly (number | string)[],
  parseValue: (v) => parseColumn(v, isFiniteNumber, parseMetricValueOrThrow),
  parseLiteral: (ast, variables) =>
    parseColumnLiteral(ast, variables, parseMetricValueOrThrow, (a) =>
      MetricValueScalar.parseLiteral(a),
    ),
});

/** A list of MetricValue values or nulls as one scalar (see the column scalars above). */
export const NullableMetricValueColumnScalar = new GraphQLScalarType<
  never,
  readonly (number | string | null)[]
>({
  name: 'NullableMetricValueColumn',
  description:
    'Like MetricValueColumn, but an element may be null (the field says when). Output only.',
  serialize: (v) => serializeValues(v, 'NullableMetricValueColumn', true),
  parseValue: outputOnly('NullableMetricValueColumn'),
  parseLiteral: outputOnly('NullableMetricValueColumn'),
});
