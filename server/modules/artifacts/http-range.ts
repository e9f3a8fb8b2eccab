import type { ByteRange } from './stores/artifact-store.ts';

/**
 * Parses an HTTP `Range` header against a file of `size` bytes.
 *
 * @returns `undefined` to send the whole file (no header, a non-byte unit, several ranges or a
 * malformed header, all of which RFC 9110 lets a server ignore), `'unsatisfiable'` for a range
 * that starts past the end (416), or the inclusive range to send (206).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
