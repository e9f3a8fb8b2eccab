import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../../shared/errors.ts';

/** A location split into what roots are compared on: a local absolute path or an S3 bucket + key. */
type Parsed = { kind: 'local'; path: string } | { kind: 's3'; bucket: string; key: string };

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

function hasDotSegment(p: string): boolean {
  return p.split('/').some((s) => s === '.' || s === '..');
}

/** Parses a location or a root; null when it is neither an absolute local path nor an S3 URI. */
function parse(location: string): Parsed | null {
  if (location.includes('\0') || location.includes('\\')) return null;
  if (location.startsWith('s3://')) {
    const rest = location.slice('s3://'.length);
    const slash = rest.indexOf('/');
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const key = slash < 0 ? '' : rest.slice(slash + 1).replace(/\/+$/, '');
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) return null;
    if (key !== '' && (hasDotSegment(key) || key.split('/').includes(''))) return null;
    return { kind: 's3', bucket, key };
  }
  let local: string;
  if (location.startsWith('file:')) {
    // refuse dot segments before the URL parser resolves them away, and encoded ones after
    if (hasDotSegment(location.replace(/^file:(\/\/[^/]*)?/, ''))) return null;
    try {
      local = fileURLToPath(location);
    } catch {
      return null;
    }
  } else if (SCHEME.test(location)) {
    return null;
  } else {
    local = location;
  }
  if (!path.isAbsolute(local) || hasDotSegment(local)) return null;
  return { kind: 'local', path: path.resolve(local) };
}

function within(loc: Parsed, root: Parsed): boolean {
  if (loc.kind === 'local' && root.kind === 'local') {
    return loc.path === root.path || loc.path.startsWith(root.path === '/' ? '/' : `${root.path}/`);
  }
  if (loc.kind === 's3' && root.kind === 's3') {
    return (
      loc.bucket === root.bucket &&
      (root.key === '' || loc.key === root.key || loc.key.startsWith(`${root.key}/`))
    );
  }
  return false;
}

/**
 * Checks a client-chosen artifact location against the server's allowed roots
 * (`TRACKQL_ARTIFACT_ALLOWED_ROOTS`, default: the server's artifact root).
 *
 * @remarks Accepted: an absolute path, a `file:` URI or an `s3://bucket/key` URI at or under one
 * root. Refused with INVALID_PARAMETER_VALUE: relative paths, `.`/`..` segments (also
 * percent-encoded in `file:` URIs), other schemes, NUL bytes and backslashes, and anything outside
 * every root. Existing experiments are not re-checked: this guards creation only.
 */
export function checkArtifactLocation(location: string, allowedRoots: readonly string[]): void {
  const parsed = parse(location);
  if (!parsed) {
    throw new ValidationError(
      'artifactLocation',
      `Artifact location '${location}' must be an absolute path, a file: URI or an s3:// URI without '.' or '..' segments`,
    );
  }
  const roots = allowedRoots.map(parse).filter((r): r is Parsed => r !== null);
  if (!roots.some((root) => within(parsed, root))) {
    throw new ValidationError(
      'artifactLocation',
      `Artifact location '${location}' is outside the server's allowed roots (${allowedRoots.join(', ')})`,
    );
  }
}
