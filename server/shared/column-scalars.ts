import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import {
  MetricValueScalar,
  parseMetricValueOrThrow,
  SafeIntScalar,
  type Step,
  StepScalar,
  serializeMetricValue,
  serializeStep,
  toSafeInt,
  toStep,
} from './scalars.ts';

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
