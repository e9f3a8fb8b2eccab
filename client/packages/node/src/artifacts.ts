import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ArtifactError, retry } from '@trackql/client';
import { fileUrl, joinPath } from './artifact-paths.ts';
import {
  failure,
  httpFetch,
  Meter,
  pool,
  progress,
  type RunTarget,
  type TransferOptions,
  transferBackoff,
} from './transfer.ts';

// Uploads of a run's artifacts (files, folders, bytes, text, dicts); the read side is in
// `artifact-downloads.ts`, re-exported here so callers keep one door.
export {
  type ArtifactInfo,
  downloadArtifacts,
  getArtifactUri,
  listArtifacts,
} from './artifact-downloads.ts';
export { fileUrl } from './artifact-paths.ts';

/** A file the server stored: its run-relative path, size and sha256. */
export interface UploadedArtifact {
  path: string;
  size: number;
  sha256: string;
}

/** Files up to this size are read whole and sent as one buffer (cheaper than a stream). */
const SMALL_FILE_BYTES = 256 * 1024;

async function upload(
  t: RunTarget,
  artifactPath: string,
  body: Readable | Buffer,
  size: number,
  onBytes: (n: number) => void,
): Promise<UploadedArtifact> {
  const meter = Buffer.isBuffer(body) ? null : new Meter(onBytes);
  const res = await httpFetch(t, fileUrl(t, artifactPath), {
    method: 'PUT',
    headers: { 'content-length': String(size), ...t.headers },
    body: meter
      ? ((body as Readable).pipe(meter) as unknown as NonNullable<RequestInit['body']>)
      : (body as Buffer),
    duplex: 'half',
  } as RequestInit);
  if (!res.ok) throw await failure(res);
  const stored = (await res.json()) as UploadedArtifact;
  if (!meter) onBytes(size);
  const local = meter
    ? meter.hash.digest('hex')
    : createHash('sha256')
        .update(body as Buffer)
        .digest('hex');
  if (stored.sha256 !== local) {
    throw new ArtifactError(
      500,
      'CHECKSUM_MISMATCH',
      `Server stored ${stored.sha256}, sent ${local}`,
    );
  }
  return stored;
}

/** The body to send for a local file: its bytes when small, else a stream. */
async function fileBody(file: string, size: number): Promise<Readable | Buffer> {
  return size <= SMALL_FILE_BYTES ? fs.readFile(file) : createReadStream(file);
}

/** Uploads a local file, reading it again for each retry (a PUT of the same path is idempotent). */
function uploadFile(
  t: RunTarget,
  local: string,
  dest: string,
  size: number,
  onBytes: (n: number) => void,
  opts: TransferOptions,
): Promise<UploadedArtifact> {
  return retry(
    async () => upload(t, dest, await fileBody(local, size), size, onBytes),
    transferBackoff(opts),
  );
}

/**
 * Uploads a local file as an artifact of the run, streaming it (any size).
 *
 * @param artifactPath - Run-relative folder to put it in; default the artifact root.
 * @returns The stored file; its sha256 is checked against the bytes sent.
 */
export async function logArtifact(
  t: RunTarget,
  localPath: string,
  artifactPath?: string,
  opts: TransferOptions = {},
): Promise<UploadedArtifact> {
  const { size } = await fs.stat(localPath);
  const dest = joinPath(artifactPath, path.basename(localPath));
  const p = progress(dest, size, opts);
  const stored = await uploadFile(t, localPath, dest, size, p.add, opts);
  p.done();
  return stored;
}

async function walk(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await walk(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out.sort();
}

/**
 * Uploads every file below a local folder, keeping its layout, a few files at a time.
 *
 * @remarks Symbolic links and special files are skipped. Progress covers the whole folder.
 */
export async function logArtifacts(
  t: RunTarget,
  localDir: string,
  artifactPath?: string,
  opts: TransferOptions = {},
): Promise<UploadedArtifact[]> {
  const files = await walk(localDir);
  const sizes = await Promise.all(
    files.map(async (f) => (await fs.stat(path.join(localDir, f))).size),
  );
  const p = progress(
    localDir,
    sizes.reduce((a, b) => a + b, 0),
    opts,
  );
  const stored: UploadedArtifact[] = new Array(files.length);
  await pool([...files.keys()], opts.concurrency ?? 4, async (i) => {
    const local = path.join(localDir, files[i]!);
    const dest = joinPath(artifactPath, files[i]!);
    stored[i] = await uploadFile(t, local, dest, sizes[i]!, p.add, opts);
  });
  p.done();
  return stored;
}

/** Stores bytes as the artifact file `artifactFile` (e.g. `plots/loss.png`), retrying transient failures. */
export function logBytes(
  t: RunTarget,
  bytes: Uint8Array,
  artifactFile: string,
): Promise<UploadedArtifact> {
  const buf = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return retry(() => upload(t, artifactFile, buf, buf.length, () => {}), transferBackoff());
}

/** Stores a string as a UTF-8 text artifact at `artifactFile` (e.g. `notes/summary.txt`). */
export function logText(
  t: RunTarget,
  text: string,
  artifactFile: string,
): Promise<UploadedArtifact> {
  return logBytes(t, Buffer.from(text, 'utf8'), artifactFile);
}

/** Stores an object as JSON, or as YAML when `artifactFile` ends in `.yaml` / `.yml`. */
export async function logDict(
  t: RunTarget,
  dict: Record<string, unknown>,
  artifactFile: string,
): Promise<UploadedArtifact> {
  if (!/\.ya?ml$/i.test(artifactFile)) {
    return logText(t, `${JSON.stringify(dict, null, 2)}\n`, artifactFile);
  }
  // loaded on use: most programs never write YAML
  const { default: YAML } = await import('yaml');
  return logText(t, YAML.stringify(dict), artifactFile);
}
