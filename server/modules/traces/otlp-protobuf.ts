import { isUtf8 } from 'node:buffer';
import { ValidationError } from '../../shared/errors.ts';
import { attributeInput, OtlpShapeError, type OtlpTrace, tracesOfSpans } from './otlp-json.ts';
import type { SpanStatusCode } from './span.entity.ts';
import type { SpanAttributeInput, SpanEventInput, SpanInput } from './span-input.ts';
import { MAX_VALUE_DEPTH } from './span-values.ts';
import { TRACE_ID_PREFIX } from './trace-rows.sql.ts';

/**
 * A decoder of the protobuf `ExportTraceServiceRequest` of OTLP/HTTP (opentelemetry-proto
 * `collector/trace/v1`), written against the wire format: it reads only the fields the server
 * stores, straight into the API's span input, and skips everything else (resource, scope, kind,
 * links, trace state, unknown fields) by wire type.
 *
 * @remarks Every read is bounds-checked: a truncated or malformed body is an {@link OtlpShapeError}
 * (400), as is an `AnyValue` nested deeper than {@link MAX_VALUE_DEPTH}; a string that is not
 * valid UTF-8 or an id of the wrong length is a {@link ValidationError} naming the field (422).
 * Times (fixed64 ns) become decimal strings; int64 values numbers when exact, else decimal strings;
 * bytes values base64 (as ProtoJSON writes them), so both encodings store the same spans.
 */

/** Wire types (groups, 3 and 4, are refused). */
const VARINT = 0;
const FIXED64 = 1;
const LEN = 2;
const FIXED32 = 5;

const TWO_32 = 4_294_967_296;

/** `Status.code` values. */
const STATUS_CODES: readonly SpanStatusCode[] = ['UNSET', 'OK', 'ERROR'];

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
class FieldProblem extends Error {
  constructor(
    public path: string,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** Runs `fn`, prefixing `segment` to the path of a {@link FieldProblem} it throws. */
function within<T>(segment: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof FieldProblem) err.path = err.path ? `${segment}.${err.path}` : segment;
    throw err;
  }
}

/** A cursor over one message's bytes (`end` is exclusive). */
class Reader {
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
const fieldOf = (tag: number) => Math.floor(tag / 8);

/** Checks the wire type of a known field: a mismatch is a malformed body. */
function expect(r: Reader, type: number, want: number): void {
  if (type !== want) {
    throw new OtlpShapeError(
      `The body is not a valid protobuf ExportTraceServiceRequest: unexpected wire type ${type} at byte ${r.at}.`,
    );
  }
}

/** A decoded `AnyValue`: the plain value, and whether it was a `string_value`. */
interface Decoded {
  value: unknown;
  isString: boolean;
}

function anyValue(r: Reader, depth: number): Decoded {
  if (depth > MAX_VALUE_DEPTH) {
    throw new OtlpShapeError(
      `An attribute value nests arrays or key-value lists deeper than ${MAX_VALUE_DEPTH} levels.`,
    );
  }
  let out: Decoded = { value: null, isString: false };
  for (let t = r.tag(); t; t = r.tag()) {
    const field = fieldOf(t);
    const type = t % 8;
    if (field === 1 && type === LEN) out = { value: r.string('stringValue'), isString: true };
    else if (field === 2 && type === VARINT) out = { value: r.varint() !== 0, isString: false };
    else if (field === 3 && type === VARINT) out = { value: r.int64(), isString: false };
    else if (field === 4 && type === FIXED64) {
      const n = r.double();
      out = { value: Number.isFinite(n) ? n : String(n), isString: false };
    } else if (field === 5 && type === LEN) {
      const a = r.message();
      const values: unknown[] = [];
      for (let u = a.tag(); u; u = a.tag()) {
        if (fieldOf(u) === 1 && u % 8 === LEN) {
          const i = values.length;
          values.push(
            within(`arrayValue.values[${i}]`, () => anyValue(a.message(), depth + 1).value),
          );
        } else a.skip(u % 8);
      }
      out = { value: values, isString: false };
    } else if (field === 6 && type === LEN) {
      const a = r.message();
      const entries: [string, unknown][] = [];
      for (let u = a.tag(); u; u = a.tag()) {
        if (fieldOf(u) === 1 && u % 8 === LEN) {
          const i = entries.length;
          entries.push(within(`kvlistValue.values[${i}]`, () => keyValue(a.message(), depth + 1)));
        } else a.skip(u % 8);
      }
      out = { value: Object.fromEntries(entries), isString: false };
    } else if (field === 7 && type === LEN) {
      const [start, end] = r.span();
      out = { value: r.buf.toString('base64', start, end), isString: false };
    } else r.skip(type);
  }
  return out;
}

/** A `KeyValue` as its key and decoded value. */
function keyValue(r: Reader, depth: number): [string, unknown] {
  const [key, decoded] = keyValueDecoded(r, depth);
  return [key, decoded.value];
}

function keyValueDecoded(r: Reader, depth: number): [string, Decoded] {
  let key = '';
  let value: Decoded = { value: null, isString: false };
  for (let t = r.tag(); t; t = r.tag()) {
    const field = fieldOf(t);
    const type = t % 8;
    if (field === 1) {
      expect(r, type, LEN);
      key = r.string('key');
    } else if (field === 2) {
      expect(r, type, LEN);
      const m = r.message();
      value = within('value', () => anyValue(m, depth));
    } else r.skip(type);
  }
  return [key, value];
}

/** Appends a `KeyValue` attribute to `out` (values as JSON text, the OTLP/JSON rule). */
function attribute(r: Reader, out: SpanAttributeInput[]): void {
  const i = out.length;
  const [key, decoded] = within(`attributes[${i}]`, () => keyValueDecoded(r, 0));
  out.push(attributeInput(key, decoded.value, decoded.isString));
}

function event(r: Reader): SpanEventInput {
  const e: SpanEventInput = { name: '', timeNs: '0', attributes: [] };
  const attributes: SpanAttributeInput[] = [];
  for (let t = r.tag(); t; t = r.tag()) {
    const field = fieldOf(t);
    const type = t % 8;
    if (field === 1) {
      expect(r, type, FIXED64);
      e.timeNs = r.fixed64();
    } else if (field === 2) {
      expect(r, type, LEN);
      e.name = r.string('name');
    } else if (field === 3) {
      expect(r, type, LEN);
      attribute(r.message(), attributes);
    } else r.skip(type);
  }
  e.attributes = attributes;
  return e;
}

function status(r: Reader, span: SpanInput): void {
  for (let t = r.tag(); t; t = r.tag()) {
    const field = fieldOf(t);
    const type = t % 8;
    if (field === 2) {
      expect(r, type, LEN);
      span.statusMessage = r.string('message');
    } else if (field === 3) {
      expect(r, type, VARINT);
      const code = STATUS_CODES[r.varint()];
      if (!code) throw new FieldProblem('code', 'is not a status code (0, 1 or 2)');
      span.statusCode = code;
    } else r.skip(type);
  }
}

/** An id of `bytes` bytes, not all zero, as lowercase hex. */
function hexId(buf: Buffer, start: number, end: number, bytes: number, field: string): string {
  const hex = buf.toString('hex', start, end);
  if (end - start !== bytes || /^0+$/.test(hex)) {
    throw new FieldProblem(field, `must be ${bytes} bytes, not all zero (got ${end - start})`);
  }
  return hex;
}

function id(r: Reader, bytes: number, field: string): string {
  const [start, end] = r.span();
  return hexId(r.buf, start, end, bytes, field);
}

function span(r: Reader): { traceId: string; span: SpanInput } {
  let traceHex = '';
  let start: string | null = null;
  const s: SpanInput = {
    spanId: '',
    parentSpanId: null,
    name: '',
    startTimeNs: '',
    endTimeNs: null,
    statusCode: 'UNSET',
    statusMessage: '',
  };
  const attributes: SpanAttributeInput[] = [];
  const events: SpanEventInput[] = [];
  for (let t = r.tag(); t; t = r.tag()) {
    const field = fieldOf(t);
    const type = t % 8;
    switch (field) {
      case 1:
        expect(r, type, LEN);
        traceHex = id(r, 16, 'traceId');
        break;
      case 2:
        expect(r, type, LEN);
        s.spanId = id(r, 8, 'spanId');
        break;
      case 4: {
        expect(r, type, LEN);
        const [a, b] = r.span();
        // empty: no parent (a root span)
        if (b > a) s.parentSpanId = hexId(r.buf, a, b, 8, 'parentSpanId');
        break;
      }
      case 5:
        expect(r, type, LEN);
        s.name = r.string('name');
        break;
      case 7:
        expect(r, type, FIXED64);
        start = r.fixed64();
        break;
      case 8: {
        expect(r, type, FIXED64);
        const end = r.fixed64();
        // an end of 0 is proto3's "unset": the span is still running
        s.endTimeNs = end === '0' ? null : end;
        break;
      }
      case 9:
        expect(r, type, LEN);
        attribute(r.message(), attributes);
        break;
      case 11:
        expect(r, type, LEN);
        events.push(within(`events[${events.length}]`, () => event(r.message())));
        break;
      case 15:
        expect(r, type, LEN);
        within('status', () => status(r.message(), s));
        break;
      default:
        r.skip(type);
    }
  }
  if (!traceHex) throw new FieldProblem('traceId', 'is required');
  if (!s.spanId) throw new FieldProblem('spanId', 'is required');
  if (start === null)
    throw new FieldProblem('startTimeUnixNano', 'is required (a span needs a start time)');
  s.startTimeNs = start;
  s.attributes = attributes;
  s.events = events;
  return { traceId: `${TRACE_ID_PREFIX}${traceHex}`, span: s };
}

/**
 * Reads a protobuf `ExportTraceServiceRequest` into the spans of each trace, in first-seen order,
 * as {@link tracesOfExport} does for OTLP/JSON.
 *
 * @remarks Throws {@link OtlpShapeError} for a malformed body, a value nested too deep or no span,
 * and {@link ValidationError} naming the field (`resourceSpans[0].scopeSpans[0].spans[3].name`)
 * for a span that cannot be converted.
 */
export function tracesOfProtobufExport(body: Buffer): OtlpTrace[] {
  const spans: { traceId: string; span: SpanInput }[] = [];
  const root = new Reader(body, 0, body.length);
  let r = 0;
  try {
    for (let t = root.tag(); t; t = root.tag()) {
      if (fieldOf(t) !== 1 || t % 8 !== LEN) {
        root.skip(t % 8);
        continue;
      }
      const rs = root.message();
      let s = 0;
      for (let u = rs.tag(); u; u = rs.tag()) {
        if (fieldOf(u) !== 2 || u % 8 !== LEN) {
          rs.skip(u % 8);
          continue;
        }
        const ss = rs.message();
        let i = 0;
        for (let v = ss.tag(); v; v = ss.tag()) {
          if (fieldOf(v) !== 2 || v % 8 !== LEN) {
            ss.skip(v % 8);
            continue;
          }
          const path = `resourceSpans[${r}].scopeSpans[${s}].spans[${i}]`;
          spans.push(within(path, () => span(ss.message())));
          i++;
        }
        s++;
      }
      r++;
    }
  } catch (err) {
    if (err instanceof FieldProblem) {
      throw new ValidationError(err.path, `'${err.path}' ${err.problem}.`);
    }
    throw err;
  }
  return tracesOfSpans(spans);
}
