import type { IncomingMessage } from 'node:http';
import { ValidationError } from '../../shared/errors.ts';
import { checkJsonText, checkText, decodeUtf8 } from '../../shared/validation.ts';
import { RestError } from './rest-errors.ts';

/** Reads a whole request body, refusing more than `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new RestError('INVALID_PARAMETER_VALUE', `The request body exceeds ${maxBytes} bytes.`, 413);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      // the request keeps these listeners: they must not keep the chunks alive once handed on
      chunks.length = 0;
      resolve(body);
    });
    req.on('error', reject);
  });
}

/** A JSON escape that decodes to NUL or to a UTF-16 surrogate half (maybe a lone one). */
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/**
 * Decodes a JSON request body as MLflow does: empty is `{}`, the content type must be JSON, and a
 * body that is a JSON string holding JSON is decoded once more (legacy clients).
 */
export function parseJsonBody(req: IncomingMessage, body: Buffer): unknown {
  if (body.length === 0) return {};
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new RestError(
      'INVALID_PARAMETER_VALUE',
      `Bad Request. Content-Type must be 'application/json'; got '${type}'.`,
    );
  }
  const text = decodeUtf8(body, 'body');
  let value: unknown;
  try {
    value = JSON.parse(exactLongs(text));
    if (typeof value === 'string') value = JSON.parse(value);
  } catch {
    throw new RestError('INVALID_PARAMETER_VALUE', 'The request body is not valid JSON.');
  }
  // strict UTF-8 text has no lone surrogates, and JSON has raw control characters nowhere: a NUL
  // or a surrogate half can only come from a \u escape, so a body without one needs no walk
  if (UNSTORABLE_ESCAPE.test(text)) checkJsonText(value, '');
  return value;
}

/**
 * Decodes a query string, refusing percent-escapes that are not UTF-8 (URLSearchParams would turn
 * them into U+FFFD) and values PostgreSQL cannot store, naming the parameter.
 */
export function parseQuery(raw: string): URLSearchParams {
  for (const pair of raw.split('&')) {
    const [key = '', value = ''] = pair.split('=', 2);
    let name = key;
    try {
      name = decodeURIComponent(key.replace(/\+/g, ' '));
      decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      throw new ValidationError(name, `'${name}' is not valid UTF-8.`);
    }
  }
  const query = new URLSearchParams(raw);
  for (const [k, v] of query) checkText(v, k);
  return query;
}

/** A JSON string, or an integer literal of 16 or more digits (not part of a fraction or exponent). */
const LONG_OR_STRING = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])(-?\d{16,})(?![\d.eE])/g;
/**
 * 16 or more digits that are not a fraction's or an exponent's (maybe inside a string, or followed
 * by more digits and a fraction: a cheap superset, for the test that skips the exact pass).
 */
const MAYBE_LONG = /(?<![\d.eE+])(?<![eE]-)\d{16}(?![.eE])/;

/**
 * Quotes integer literals too long to be exact as doubles, so int64 fields (metric steps up to
 * 2^63-1, which MLflow's clients send as JSON numbers) reach the decoders exactly: int64 and double
 * fields take numeric strings as proto3 JSON does. Bodies without such a literal (every ordinary
 * request: doubles with 16 fraction digits do not count) are returned as they are, after one scan.
 */
export function exactLongs(text: string): string {
  if (!MAYBE_LONG.test(text)) return text;
  return text.replace(LONG_OR_STRING, (m, long: string | undefined) =>
    long === undefined ? m : `"${long}"`,
  );
}
