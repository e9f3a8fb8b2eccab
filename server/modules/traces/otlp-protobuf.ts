import { ValidationError } from '../../shared/errors.ts';
import { OtlpShapeError, type OtlpTrace, storedAttribute, tracesOfSpans } from './otlp-json.ts';
import {
  expect,
  FIXED64,
  FieldProblem,
  fieldOf,
  LEN,
  Reader,
  VARINT,
  within,
} from './protobuf-reader.ts';
import type { SpanStatusCode } from './span.entity.ts';
import type { DecodedAttribute, DecodedSpanInput, SpanEventInput } from './span-input.ts';
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

/** `Status.code` values. */
const STATUS_CODES: readonly SpanStatusCode[] = ['UNSET', 'OK', 'ERROR'];

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

/** Appends a `KeyValue` attribute to `out` (its stored value, the OTLP/JSON rule). */
function attribute(r: Reader, out: DecodedAttribute[]): void {
  const i = out.length;
  const [key, decoded] = within(`attributes[${i}]`, () => keyValueDecoded(r, 0));
  out.push(storedAttribute(key, decoded.value, decoded.isString));
}

function event(r: Reader): SpanEventInput<DecodedAttribute> {
  const e: SpanEventInput<DecodedAttribute> = { name: '', timeNs: '0', attributes: [] };
  const attributes: DecodedAttribute[] = [];
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

function status(r: Reader, span: DecodedSpanInput): void {
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

function span(r: Reader): { traceId: string; span: DecodedSpanInput } {
  let traceHex = '';
  let start: string | null = null;
  const s: DecodedSpanInput = {
    spanId: '',
    parentSpanId: null,
    name: '',
    startTimeNs: '',
    endTimeNs: null,
    statusCode: 'UNSET',
    statusMessage: '',
  };
  const attributes: DecodedAttribute[] = [];
  const events: SpanEventInput<DecodedAttribute>[] = [];
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
  const spans: { traceId: string; span: DecodedSpanInput }[] = [];
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
