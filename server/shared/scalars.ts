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
 * Column scalars: a whole list of numbers as one scalar, for the bulk parallel lists of metric
 * histories and buckets. A list type (`[SafeInt!]!`) makes graphql-js complete and serialise every
 * element on its own (a path object and a call per element): 500,000 elements cost ~30 % of a
 * 100-run bucket request. A column is checked in one loop and goes out as the same JSON array.
 * Output only.
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

/** A list of SafeInt values as one scalar (see the column scalars above). */
export const SafeIntColumnScalar = new GraphQLScalarType<never, readonly number[]>({
  name: 'SafeIntColumn',
  description:
    'A list of SafeInt values as one scalar: a JSON array of integers within ±(2^53-1). Used for the bulk parallel lists of metric histories and buckets, which it serialises in one step. Output only.',
  serialize: (v) => {
    const list = column(v, 'SafeIntColumn');
    for (const n of list) {
      if (!Number.isSafeInteger(n)) throw new GraphQLError(`SafeIntColumn holds ${String(n)}`);
    }
    return list as readonly number[];
  },
  parseValue: outputOnly('SafeIntColumn'),
  parseLiteral: outputOnly('SafeIntColumn'),
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
export const MetricValueColumnScalar = new GraphQLScalarType<never, readonly (number | string)[]>({
  name: 'MetricValueColumn',
  description:
    'A list of MetricValue values as one scalar: a JSON array of numbers, with NaN, +Infinity and -Infinity as the strings "NaN", "Infinity" and "-Infinity". Used for the bulk parallel lists of metric histories and buckets, which it serialises in one step. Output only.',
  serialize: (v) => serializeValues(v, 'MetricValueColumn', false) as readonly (number | string)[],
  parseValue: outputOnly('MetricValueColumn'),
  parseLiteral: outputOnly('MetricValueColumn'),
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
