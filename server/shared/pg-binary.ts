/**
 * PostgreSQL's binary array format (one-dimensional int4[], int8[] and float8[]) for the numeric
 * array parameters of the ingest statement.
 *
 * `pg` sends a Buffer parameter in binary format and PostgreSQL reads it with `array_recv`, so no
 * number is printed by Node or parsed by `float8in`/`int8in`. The element type must be the one
 * the statement declares (`$n::float8[]` takes {@link float8Array}, `$n::int8[]`
 * {@link int8Array}, `$n::int[]` {@link int4Array}).
 *
 * The output of a binary COPY ({@link CopyBinaryReader}) carries bytea as raw bytes, without the
 * hex text of a select.
 *
 * Layout: ndim, has-null flag, element type oid, then per dimension (length, lower bound), then per
 * element a 4-byte length (-1 for null) and the big-endian value.
 */

const FLOAT8_OID = 701;
const INT8_OID = 20;
const INT4_OID = 23;
const TWO_32 = 4_294_967_296;

type Writer = (buf: Buffer, at: number, v: number) => void;

const writeFloat8: Writer = (buf, at, v) => {
  buf.writeDoubleBE(v, at);
};
const writeInt8: Writer = (buf, at, v) => {
  // a safe integer as two's-complement halves (floor keeps negative numbers right)
  buf.writeInt32BE(Math.floor(v / TWO_32), at);
  buf.writeUInt32BE(v >>> 0, at + 4);
};
const writeWideInt8: Writer = (buf, at, v) => {
  buf.writeBigInt64BE(BigInt(v), at);
};
const writeInt4: Writer = (buf, at, v) => {
  buf.writeInt32BE(v, at);
};

function encode(
  values: readonly (number | null)[],
  oid: number,
  size: number,
  write: Writer,
): Buffer {
  const n = values.length;
  if (n === 0) {
    const empty = Buffer.alloc(12);
    empty.writeInt32BE(oid, 8);
    return empty;
  }
  let nulls = 0;
  for (let i = 0; i < n; i++) if (values[i] == null) nulls++;
  const buf = Buffer.allocUnsafe(20 + n * (4 + size) - nulls * size);
  buf.writeInt32BE(1, 0); // dimensions
  buf.writeInt32BE(nulls > 0 ? 1 : 0, 4);
  buf.writeInt32BE(oid, 8);
  buf.writeInt32BE(n, 12);
  buf.writeInt32BE(1, 16); // lower bound
  let at = 20;
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
  return encode(values as unknown as readonly (number | null)[], INT8_OID, 8, writeWideInt8);
}

/** An `int4[]` (`int[]`) parameter from 32-bit integers and nulls. */
export function int4Array(values: readonly (number | null)[]): Buffer {
  return encode(values, INT4_OID, 4, writeInt4);
}

const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** One row of a binary COPY: each field a view into the received bytes, or null. */
export type CopyRow = (Buffer | null)[];

/**
 * Parses the output of `COPY ... TO STDOUT (format binary)` chunk by chunk, calling `onRow` for
 * each complete row; fields are views into the chunks.
 *
 * Layout: an 11-byte signature, flags and a header extension (int32 length first), then per row
 * an int16 field count (-1 ends the data) and per field an int32 length (-1 for null) and its bytes.
 *
 * @remarks A row cut by a chunk boundary is copied once into a buffer of its own length as soon as
 * its length is known (its field headers have arrived), instead of joining the rest of the stream
 * to it: large rows (packed points) are cut by almost every chunk.
 */
export class CopyBinaryReader {
  /** Unparsed bytes whose row length is not known yet (a cut header). */
  private pending: Buffer | null = null;
  /** A cut row of known length being filled from the next chunks. */
  private partial: { buf: Buffer; filled: number } | null = null;
  private started = false;
  private ended = false;

  constructor(private readonly onRow: (row: CopyRow) => void) {}

  /** Parses the next chunk of the stream. */
  push(chunk: Buffer): void {
    if (this.ended) return;
    let buf = chunk;
    let at = 0;
    if (this.partial) {
      const p = this.partial;
      const n = Math.min(chunk.length, p.buf.length - p.filled);
      chunk.copy(p.buf, p.filled, 0, n);
      p.filled += n;
      if (p.filled < p.buf.length) return;
      this.partial = null;
      this.emit(scanRow(p.buf, 0) as Row);
      at = n;
    } else if (this.pending) {
      buf = Buffer.concat([this.pending, chunk]);
      this.pending = null;
    }
    if (!this.started) {
      if (buf.length >= 11 && !buf.subarray(0, 11).equals(COPY_SIGNATURE)) {
        throw new Error('not a binary COPY stream');
      }
      if (buf.length < 19 || buf.length < 19 + buf.readInt32BE(15)) {
        this.pending = buf;
        return;
      }
      at = 19 + buf.readInt32BE(15);
      this.started = true;
    }
    while (!this.ended && at < buf.length) {
      const next = scanRow(buf, at);
      if (typeof next === 'number') {
        this.partial = { buf: Buffer.allocUnsafe(next), filled: buf.length - at };
        buf.copy(this.partial.buf, 0, at);
        return;
      }
      if (next === null) {
        this.pending = buf.subarray(at);
        return;
      }
      at = next.at;
      this.emit(next);
    }
  }

  /** Checks that the stream ended with its trailer. */
  end(): void {
    if (!this.ended) throw new Error('binary COPY stream ended inside its data');
  }

  private emit(next: Row): void {
    if (next.row === null) this.ended = true;
    else this.onRow(next.row);
  }
}

/** A parsed row (null: the trailer) and the offset after it. */
interface Row {
  row: CopyRow | null;
  at: number;
}

/**
 * The row at `start`; when it is incomplete, its total length in bytes if every field header is
 * there (only the data of the last field is missing), else null.
 */
function scanRow(buf: Buffer, start: number): Row | number | null {
  let at = start;
  if (buf.length - at < 2) return null;
  const fields = buf.readInt16BE(at);
  at += 2;
  if (fields === -1) return { row: null, at };
  const row: CopyRow = [];
  for (let i = 0; i < fields; i++) {
    if (buf.length - at < 4) return null;
    const len = buf.readInt32BE(at);
    at += 4;
    if (len < 0) {
      row.push(null);
      continue;
    }
    if (buf.length - at < len) return i === fields - 1 ? at + len - start : null;
    row.push(buf.subarray(at, at + len));
    at += len;
  }
  return { row, at };
}
