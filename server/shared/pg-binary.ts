/**
 * The output of a binary COPY ({@link CopyBinaryReader}): bytea as raw bytes, without the hex text
 * of a select. Binary array parameters are in `pg-arrays.ts`.
 */

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
