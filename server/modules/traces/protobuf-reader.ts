import { isUtf8 } from 'node:buffer';
import { OtlpShapeError } from './otlp-json.ts';

/**
 * The protobuf wire layer of the OTLP decoder (`otlp-protobuf.ts`): a bounds-checked cursor over a
 * message's bytes, wire types, 64-bit decimals without BigInt, and field paths for errors.
 */

/** Wire types (groups, 3 and 4, are refused). */
export const VARINT = 0;
export const FIXED64 = 1;
export const LEN = 2;
export const FIXED32 = 5;

const TWO_32 = 4_294_967_296;

const pad7 = (n: number) => {
  const s = String(n);
  return s.length >= 7 ? s : '0000000'.slice(s.length) + s;
};

/**
 * An unsigned 64-bit integer given as two 32-bit halves, in decimal, without BigInt: three base-1e7
 * digits from 24/24/16-bit limbs (2^24 = 1·1e7 + 6777216, 2^48 = 28·1e14 + 1474976710656, folded).
 */
export function uint64Decimal(hi: number, lo: number): string {
  if (hi <= 0x1fffff) return String(hi * TWO_32 + lo);
  const low = lo & 0xffffff;
  const mid = ((lo >>> 24) | (hi << 8)) & 0xffffff;
  const high = (hi >>> 16) & 0xffff;
  let a = low + mid * 6777216 + high * 6710656;
  let b = mid + high * 8147497;
  let c = high * 2;
  if (a >= 10_000_000) {
    b += Math.floor(a / 10_000_000);
    a %= 10_000_000;
  }
  if (b >= 10_000_000) {
    c += Math.floor(b / 10_000_000);
    b %= 10_000_000;
  }
  // here the value is at least 2^53 > 1e14, so c > 0
  return String(c) + pad7(b) + pad7(a);
}

/** A field error found deep in a message: the path is prefixed on the way out. */
export class FieldProblem extends Error {
  constructor(
    public path: string,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** Runs `fn`, prefixing `segment` to the path of a {@link FieldProblem} it throws. */
export function within<T>(segment: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof FieldProblem) err.path = err.path ? `${segment}.${err.path}` : segment;
    throw err;
  }
}

/** A cursor over one message's bytes (`end` is exclusive). */
export class Reader {
  constructor(
    readonly buf: Buffer,
    public at: number,
    readonly end: number,
  ) {}

  private truncated(): OtlpShapeError {
    return new OtlpShapeError(
      `The body is not a valid protobuf ExportTraceServiceRequest: truncated or malformed at byte ${this.at}.`,
    );
  }

  /** A varint as a number, exact below 2^53 (larger ones lose low bits: use {@link int64}). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.at >= this.end) throw this.truncated();
      const byte = this.buf[this.at++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
    throw this.truncated();
  }

  /** An int64 varint: a number when exact, else its decimal string (two's complement). */
  int64(): number | string {
    const start = this.at;
    const approx = this.varint();
    if (Number.isSafeInteger(approx)) return approx;
    let v = 0n;
    let shift = 0n;
    for (let at = start; at < this.at; at++) {
      v |= BigInt(this.buf[at]! & 0x7f) << shift;
      shift += 7n;
    }
    return BigInt.asIntN(64, v).toString();
  }

  /** A fixed64 as a decimal string (unsigned). */
  fixed64(): string {
    if (this.at + 8 > this.end) throw this.truncated();
    const lo = this.buf.readUInt32LE(this.at);
    const hi = this.buf.readUInt32LE(this.at + 4);
    this.at += 8;
    return uint64Decimal(hi, lo);
  }

  double(): number {
    if (this.at + 8 > this.end) throw this.truncated();
    const v = this.buf.readDoubleLE(this.at);
    this.at += 8;
    return v;
  }

  /** The bounds of a length-delimited field's payload; the cursor moves past it. */
  span(): [number, number] {
    const len = this.varint();
    const start = this.at;
    if (len > this.end - start) throw this.truncated();
    this.at = start + len;
    return [start, start + len];
  }

  /** A length-delimited field's payload as a nested reader. */
  message(): Reader {
    const [start, end] = this.span();
    return new Reader(this.buf, start, end);
  }

  /** A string field, which must be valid UTF-8. */
  string(field: string): string {
    const [start, end] = this.span();
    const s = this.buf.toString('utf8', start, end);
    // U+FFFD appears when bytes were replaced (or was sent as such): only then look closer
    if (s.includes('\uFFFD') && !isUtf8(this.buf.subarray(start, end))) {
      throw new FieldProblem(field, 'is not valid UTF-8');
    }
    return s;
  }

  /** A bytes field as lowercase hex. */
  hex(): string {
    const [start, end] = this.span();
    return this.buf.toString('hex', start, end);
  }

  /** Skips a field of wire type `type`. */
  skip(type: number): void {
    if (type === VARINT) this.varint();
    else if (type === FIXED64) this.advance(8);
    else if (type === LEN) this.span();
    else if (type === FIXED32) this.advance(4);
    else {
      throw new OtlpShapeError(
        `The body is not a valid protobuf ExportTraceServiceRequest: wire type ${type} at byte ${this.at}.`,
      );
    }
  }

  private advance(n: number): void {
    if (this.at + n > this.end) throw this.truncated();
    this.at += n;
  }

  /** Reads the next tag (field number × 8 + wire type), or 0 at the end of the message. */
  tag(): number {
    if (this.at >= this.end) return 0;
    const tag = this.varint();
    if (tag < 8) throw this.truncated();
    return tag;
  }
}

/** The field number of a tag. */
export const fieldOf = (tag: number) => Math.floor(tag / 8);

/** Checks the wire type of a known field: a mismatch is a malformed body. */
export function expect(r: Reader, type: number, want: number): void {
  if (type !== want) {
    throw new OtlpShapeError(
      `The body is not a valid protobuf ExportTraceServiceRequest: unexpected wire type ${type} at byte ${r.at}.`,
    );
  }
}
