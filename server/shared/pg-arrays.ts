/**
 * PostgreSQL's binary array format for array parameters (one-dimensional int4[], int8[], float8[],
 * text[] and jsonb[]): the ingest statements of metrics, logged-model metrics and trace spans.
 *
 * `pg` sends a Buffer parameter in binary format and PostgreSQL reads it with `array_recv`, so no
 * number is printed by Node or parsed by `float8in`/`int8in`, and no text is escaped into an array
 * literal by `pg` (whose escaping was ~9 % of the server's CPU on OTLP ingest) nor parsed back by
 * `array_in`. The element type must be the one the statement declares (`$n::float8[]` takes
 * {@link float8Array}, `$n::int8[]` {@link int8Array} or {@link int8DecimalArray}, `$n::int[]`
 * {@link int4Array}, `$n::text[]` {@link textArray}, `$n::jsonb[]` {@link jsonbArray}).
 *
 * Layout: ndim, has-null flag, element type oid, then per dimension (length, lower bound), then per
 * element a 4-byte length (-1 for null) and its bytes: a big-endian number, UTF-8 for text, a
 * version byte (1) and the JSON text for jsonb.
 */

const FLOAT8_OID = 701;
const INT8_OID = 20;
const INT4_OID = 23;
const TEXT_OID = 25;
const JSONB_OID = 3802;
/** Bytes before the first element: ndim, has-null flag, element oid, length, lower bound. */
const HEADER = 20;
const TWO_32 = 4_294_967_296;

/** An empty array: no dimensions. */
function empty(oid: number): Buffer {
  const buf = Buffer.alloc(12);
  buf.writeInt32BE(oid, 8);
  return buf;
}

function header(buf: Buffer, oid: number, n: number, hasNull: boolean): void {
  buf.writeInt32BE(1, 0); // dimensions
  buf.writeInt32BE(hasNull ? 1 : 0, 4);
  buf.writeInt32BE(oid, 8);
  buf.writeInt32BE(n, 12);
  buf.writeInt32BE(1, 16); // lower bound
}

/** Writes one element's bytes at `at`. */
type Writer<T = number> = (buf: Buffer, at: number, v: T) => void;

const writeFloat8: Writer = (buf, at, v) => {
  buf.writeDoubleBE(v, at);
};
const writeInt8: Writer = (buf, at, v) => {
  // a safe integer as two's-complement halves (floor keeps negative numbers right)
  buf.writeInt32BE(Math.floor(v / TWO_32), at);
  buf.writeUInt32BE(v >>> 0, at + 4);
};
/** Any int64: a bigint, a number or a decimal string (slower than {@link writeInt8}). */
const writeWideInt8: Writer<number | bigint | string> = (buf, at, v) => {
  buf.writeBigInt64BE(BigInt(v), at);
};
const writeInt4: Writer = (buf, at, v) => {
  buf.writeInt32BE(v, at);
};

/** An array of fixed-size elements (`size` bytes each) and nulls. */
function encode<T>(
  values: readonly (T | null)[],
  oid: number,
  size: number,
  write: Writer<T>,
): Buffer {
  const n = values.length;
  if (n === 0) return empty(oid);
  let nulls = 0;
  for (let i = 0; i < n; i++) if (values[i] == null) nulls++;
  const buf = Buffer.allocUnsafe(HEADER + n * (4 + size) - nulls * size);
  header(buf, oid, n, nulls > 0);
  let at = HEADER;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) {
      buf.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    buf.writeInt32BE(size, at);
    write(buf, at + 4, v);
    at += 4 + size;
  }
  return buf;
}

/** A `float8[]` parameter; NaN, ±Infinity and nulls are kept. */
export function float8Array(values: readonly (number | null)[]): Buffer {
  return encode(values, FLOAT8_OID, 8, writeFloat8);
}

/**
 * An `int8[]` parameter from safe integers (±(2^53−1)) and nulls; with `wide`, elements may also be
 * bigints over the whole int64 range (wide metric steps), written by a slower path.
 */
export function int8Array(values: readonly (number | null)[]): Buffer;
export function int8Array(values: readonly (number | bigint | null)[], wide: true): Buffer;
export function int8Array(values: readonly (number | bigint | null)[], wide = false): Buffer {
  if (!wide) return encode(values as readonly (number | null)[], INT8_OID, 8, writeInt8);
  return encode(values, INT8_OID, 8, writeWideInt8);
}

/** An `int4[]` (`int[]`) parameter from 32-bit integers and nulls. */
export function int4Array(values: readonly (number | null)[]): Buffer {
  return encode(values, INT4_OID, 4, writeInt4);
}

function stringArray(values: readonly (string | null)[], oid: number, prefix: number): Buffer {
  const n = values.length;
  if (n === 0) return empty(oid);
  let size = HEADER;
  let hasNull = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) hasNull = true;
    else size += Buffer.byteLength(v, 'utf8') + prefix;
    size += 4;
  }
  const buf = Buffer.allocUnsafe(size);
  header(buf, oid, n, hasNull);
  let at = HEADER;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) {
      buf.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    let len = prefix;
    if (prefix) buf[at + 4] = 1; // jsonb version
    len += buf.write(v, at + 4 + prefix, 'utf8');
    buf.writeInt32BE(len, at);
    at += 4 + len;
  }
  return buf;
}

/** A `text[]` parameter (nulls kept). */
export const textArray = (values: readonly (string | null)[]): Buffer =>
  stringArray(values, TEXT_OID, 0);

/** A `jsonb[]` parameter from JSON texts. */
export const jsonbArray = (values: readonly string[]): Buffer => stringArray(values, JSONB_OID, 1);

/** An `int8[]` parameter from decimal strings within int8 (nulls kept). */
export function int8DecimalArray(values: readonly (string | null)[]): Buffer {
  return encode(values, INT8_OID, 8, writeWideInt8);
}
