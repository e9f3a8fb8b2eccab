/**
 * The span columns of a trace write as `text[]`, `jsonb[]` and `int8[]` parameters in
 * PostgreSQL's binary array format (as `shared/pg-binary.ts` does for numbers): `pg` sends a
 * Buffer parameter in binary, so no element is escaped into an array literal by `pg` (whose
 * escaping was ~9 % of the server's CPU on OTLP ingest) nor parsed back by `array_in`.
 *
 * Layout: ndim (1), has-null flag, element type oid, length, lower bound (1), then per element a
 * 4-byte length (-1 for null) and its bytes: UTF-8 for text, a version byte (1) and the JSON text
 * for jsonb, a big-endian int64 for int8. The statement must declare the same element type.
 */

const TEXT_OID = 25;
const JSONB_OID = 3802;
const INT8_OID = 20;
const HEADER = 20;

/** An empty array: no dimensions. */
function empty(oid: number): Buffer {
  const buf = Buffer.alloc(12);
  buf.writeInt32BE(oid, 8);
  return buf;
}

function header(buf: Buffer, oid: number, n: number, hasNull: boolean): void {
  buf.writeInt32BE(1, 0);
  buf.writeInt32BE(hasNull ? 1 : 0, 4);
  buf.writeInt32BE(oid, 8);
  buf.writeInt32BE(n, 12);
  buf.writeInt32BE(1, 16);
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
export function int8Array(values: readonly (string | null)[]): Buffer {
  const n = values.length;
  if (n === 0) return empty(INT8_OID);
  let nulls = 0;
  for (let i = 0; i < n; i++) if (values[i] == null) nulls++;
  const buf = Buffer.allocUnsafe(HEADER + n * 4 + (n - nulls) * 8);
  header(buf, INT8_OID, n, nulls > 0);
  let at = HEADER;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) {
      buf.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    buf.writeInt32BE(8, at);
    buf.writeBigInt64BE(BigInt(v), at + 4);
    at += 12;
  }
  return buf;
}
