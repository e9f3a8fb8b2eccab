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
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
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
    value = JSON.parse(text);
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
