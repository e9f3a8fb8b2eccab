import { ValidationError } from '../../shared/errors.ts';

/** Longest artifact path accepted, in UTF-8 bytes (S3's key limit leaves room for the run prefix). */
export const MAX_ARTIFACT_PATH_BYTES = 900;
/** Longest single path segment, in UTF-8 bytes (the usual filesystem limit). */
const MAX_SEGMENT_BYTES = 255;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function invalid(field: string, path: string, why: string): ValidationError {
  return new ValidationError(field, `Invalid path '${path}': ${why}`);
}

/**
 * Checks an artifact path relative to its run's root and returns it in normal form.
 *
 * @remarks Refused (INVALID_PARAMETER_VALUE): absolute paths and drive letters, `.` / `..` / empty
 * segments, backslashes, `#`, NUL and other control characters, a dot, slash, backslash or NUL
 * still percent-encoded after decoding (`%2e`, `%2f`, `%5c`, `%00`: double encoding; any other `%`
 * is an ordinary character, as in the file names MLflow's `log_image` writes), segments over 255
 * and paths over 900 UTF-8 bytes. A trailing
 * `/` is dropped; `''` is the root and only allowed when `allowRoot` is set (listings).
 */
export function normaliseArtifactPath(
  path: string,
  { field = 'path', allowRoot = false }: { field?: string; allowRoot?: boolean } = {},
): string {
  if (path === '' || path === '/') {
    if (path === '' && allowRoot) return '';
    throw invalid(field, path, allowRoot ? 'absolute paths are not allowed' : 'path is empty');
  }
  if (path.startsWith('/')) throw invalid(field, path, 'absolute paths are not allowed');
  if (/^[a-zA-Z]:/.test(path)) throw invalid(field, path, 'drive letters are not allowed');
  if (path.includes('\\')) throw invalid(field, path, 'backslashes are not allowed');
  if (path.includes('#')) throw invalid(field, path, "'#' is not allowed");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(path)) throw invalid(field, path, 'control characters');
  if (/%(2e|2f|5c|00)/i.test(path)) throw invalid(field, path, 'percent-encoded characters');
  if (LONE_SURROGATE.test(path)) throw invalid(field, path, 'malformed Unicode');
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const segments = trimmed.split('/');
  for (const s of segments) {
    if (s === '' || s === '.' || s === '..') {
      throw invalid(field, path, "empty, '.' and '..' segments are not allowed");
    }
    if (Buffer.byteLength(s) > MAX_SEGMENT_BYTES) throw invalid(field, path, 'segment too long');
  }
  if (Buffer.byteLength(trimmed) > MAX_ARTIFACT_PATH_BYTES) {
    throw invalid(field, path, `longer than ${MAX_ARTIFACT_PATH_BYTES} bytes`);
  }
  return trimmed;
}

/**
 * Decodes the percent-encoded path of an artifact URL once and checks it.
 *
 * @remarks Malformed or overlong UTF-8 sequences (`%c0%ae`) fail decoding; a path that still
 * contains `%xx` after one decoding (double encoding such as `%252e%252e`) is refused too.
 */
export function decodeArtifactUrlPath(encoded: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    throw invalid('path', encoded, 'malformed percent-encoding');
  }
  if (decoded.includes('\uFFFD')) throw invalid('path', encoded, 'malformed UTF-8');
  return normaliseArtifactPath(decoded);
}

/** Every proper ancestor of a normalised path: `a/b/c` → `a`, `a/b`. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
