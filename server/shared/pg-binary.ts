/**
 * Decoders for PostgreSQL's binary array format (one-dimensional int8[] and float8[]), used by
 * hot paths that read large metric arrays: select `array_send(col)` (a bytea, which `pg` hands over
 * as a Buffer) and decode it here, several times faster than parsing the array's text form.
 *
 * Layout: ndim, has-null flag, element type oid, then per dimension (length, lower bound), then per
 * element a 4-byte length (-1 for null) and the big-endian value.
 */

function header(buf: Buffer): { n: number; offset: number } {
  const ndim = buf.readInt32BE(0);
  if (ndim === 0) return { n: 0, offset: 12 };
  if (ndim !== 1) throw new Error(`expected a one-dimensional array, got ${ndim} dimensions`);
  return { n: buf.readInt32BE(12), offset: 20 };
}

/** Decodes a binary int8[] (values within ±2^53) into `out`, appending. */
export function readInt8Array(buf: Buffer, out: number[] = []): number[] {
  const { n, offset } = header(buf);
  let at = offset;
  for (let i = 0; i < n; i++) {
    const hi = buf.readInt32BE(at + 4);
    const lo = buf.readUInt32BE(at + 8);
    out.push(hi * 4294967296 + lo);
    at += 12;
  }
  return out;
}

/** Decodes a binary float8[] into `out`, appending. */
export function readFloat8Array(buf: Buffer, out: number[] = []): number[] {
  const { n, offset } = header(buf);
  let at = offset;
  for (let i = 0; i < n; i++) {
    out.push(buf.readDoubleBE(at + 4));
    at += 12;
  }
  return out;
}
