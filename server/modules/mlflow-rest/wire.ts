import { ValidationError } from '../../shared/errors.ts';
import { parseStep, STEP_RANGE, type Step } from '../../shared/scalars.ts';

/** A decoded JSON object of a request (unknown fields are simply never read). */
export type JsonObject = Record<string, unknown>;

function typeError(field: string, expected: string, got: unknown): ValidationError {
  return new ValidationError(
    field,
    `Invalid value ${JSON.stringify(got) ?? String(got)} for parameter '${field}' supplied: expected ${expected}. See the API docs for more information about request parameters.`,
  );
}

/** MLflow's message for a required field that is absent or empty. */
export function missing(field: string): ValidationError {
  return new ValidationError(field, `Missing value for required parameter '${field}'.`);
}

/**
 * An int64 field: a JSON number or a numeric string (proto3 JSON), within JavaScript's safe range.
 */
export function asInt64(v: unknown, field: string): number {
  const n = typeof v === 'string' && /^-?\d{1,16}$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw typeError(field, 'an integer', v);
  return n;
}

/**
 * A metric step: an int64 as a JSON number or a numeric string (proto3 JSON) over the whole int64
 * range (request bodies keep long integer literals exact, see `parseJsonBody`).
 */
export function asStep(v: unknown, field: string): Step {
  const s = parseStep(v);
  if (s === undefined) throw typeError(field, `an int64 (${STEP_RANGE})`, v);
  return s;
}

/** A double field: a JSON number, a numeric string, or `"NaN"`, `"Infinity"`, `"-Infinity"`. */
export function asDouble(v: unknown, field: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (v === 'NaN') return Number.NaN;
    if (v === 'Infinity') return Number.POSITIVE_INFINITY;
    if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
    if (/^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return Number(v);
  }
  throw typeError(field, 'a number', v);
}

/** A string field (proto string): only JSON strings. */
export function asString(v: unknown, field: string): string {
  if (typeof v !== 'string') throw typeError(field, 'a string', v);
  return v;
}

/** A bool field: JSON true/false, or `"true"`/`"false"` in any case (MLflow's query strings). */
export function asBool(v: unknown, field: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  throw typeError(field, 'a boolean', v);
}

/**
 * An enum field by name or by number: `values[i]` has the number `numbers[i]` (1, 2, 3... by
 * default).
 */
export function asEnum<T extends string>(
  v: unknown,
  field: string,
  values: readonly T[],
  numbers: readonly number[] = values.map((_, i) => i + 1),
): T {
  const byName = values.find((x) => x === v);
  if (byName) return byName;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  const at = numbers.indexOf(n);
  if (at >= 0) return values[at]!;
  throw typeError(field, `one of ${values.join(', ')}`, v);
}

/**
 * A request's fields, from a JSON body or a query string (repeated keys for lists), read by the
 * proto3-JSON rules MLflow's server applies.
 *
 * @remarks Unknown fields are ignored; `null` counts as absent; a wrong type is
 * INVALID_PARAMETER_VALUE naming the field path.
 */
export class RestInput {
  private constructor(
    private readonly obj: JsonObject,
    private readonly query: URLSearchParams | null,
    private readonly path: string,
  ) {}

  /** Fields of a JSON body (which must be an object). */
  static json(value: unknown, path = ''): RestInput {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ValidationError(path || 'body', 'The request body must be a JSON object.');
    }
    return new RestInput(value as JsonObject, null, path);
  }

  /** Fields of a query string. */
  static query(params: URLSearchParams): RestInput {
    return new RestInput({}, params, '');
  }

  /** The dotted path of a field, for error messages. */
  field(name: string): string {
    return this.path ? `${this.path}.${name}` : name;
  }

  /** The raw value of a field; undefined when absent or null. */
  raw(name: string): unknown {
    if (this.query) return this.query.has(name) ? this.query.get(name) : undefined;
    const v = this.obj[name];
    return v === null ? undefined : v;
  }

  /** Whether the field is present. */
  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  string(name: string): string | undefined {
    const v = this.raw(name);
    return v === undefined ? undefined : asString(v, this.field(name));
  }

  /** A required string: absent or `''` is MLflow's "Missing value for required parameter". */
  requiredString(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw missing(this.field(name));
    return v;
  }

  /** A metric step (the whole int64 range). */
  step(name: string): Step | undefined {
    const v = this.raw(name);
    return v === undefined || v === '' ? undefined : asStep(v, this.field(name));
  }

  int64(name: string): number | undefined {
    const v = this.raw(name);
    return v === undefined || v === '' ? undefined : asInt64(v, this.field(name));
  }

  double(name: string): number | undefined {
    const v = this.raw(name);
    return v === undefined ? undefined : asDouble(v, this.field(name));
  }

  bool(name: string): boolean | undefined {
    const v = this.raw(name);
    return v === undefined ? undefined : asBool(v, this.field(name));
  }

  enum<T extends string>(name: string, values: readonly T[], numbers?: readonly number[]) {
    const v = this.raw(name);
    return v === undefined ? undefined : asEnum(v, this.field(name), values, numbers);
  }

  private list(name: string): unknown[] {
    if (this.query) return this.query.getAll(name);
    const v = this.raw(name);
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw typeError(this.field(name), 'a list', v);
    return v;
  }

  /** A repeated string field. */
  strings(name: string): string[] {
    return this.list(name).map((v, i) => asString(v, `${this.field(name)}[${i}]`));
  }

  /** A repeated message field, each entry as its own input. */
  objects(name: string): RestInput[] {
    if (this.query) return [];
    return this.list(name).map((v, i) => RestInput.json(v, `${this.field(name)}[${i}]`));
  }

  /** A message field; undefined when absent. */
  object(name: string): RestInput | undefined {
    const v = this.raw(name);
    return v === undefined || this.query ? undefined : RestInput.json(v, this.field(name));
  }

  /** A `map<string, string>` field (a JSON object of strings); `{}` when absent. */
  map(name: string): Record<string, string> {
    const v = this.raw(name);
    if (v === undefined || this.query) return {};
    if (typeof v !== 'object' || Array.isArray(v))
      throw typeError(this.field(name), 'an object', v);
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(v as JsonObject)) {
      out[k] = asString(x, `${this.field(name)}.${k}`);
    }
    return out;
  }

  /** A required repeated `{key, value}` field; a missing key is an error, a missing value `''`. */
  keyValues(name: string): { key: string; value: string }[] {
    return this.objects(name).map((o) => ({
      key: o.requiredString('key'),
      value: o.string('value') ?? '',
    }));
  }
}

/** A double as MLflow writes it: non-finite values as the strings `NaN`, `Infinity`, `-Infinity`. */
export function wireDouble(v: number): number | string {
  return Number.isFinite(v) ? v : String(v);
}

/** Copies `fields` without absent values and empty lists (MLflow omits unset fields). */
export function compact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}
