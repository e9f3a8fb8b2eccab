import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ArtifactError, retry } from '@trackql/client';
import type { ClientRunArtifactsQuery } from './gql/graphql.ts';
import { graphql } from './gql/index.ts';
import {
  baseUrl,
  encodePath,
  failure,
  httpFetch,
  Meter,
  pool,
  progress,
  type RunTarget,
  requestGraphQL,
  type TransferOptions,
  transferBackoff,
} from './transfer.ts';

/** A file the server stored: its run-relative path, size and sha256. */
export interface UploadedArtifact {
  path: string;
  size: number;
  sha256: string;
}

/** An entry of an artifact directory (MLflow FileInfo). */
export interface ArtifactInfo {
  path: string;
  isDir: boolean;
  /** Null for directories. */
  fileSize: number | null;
  sha256: string | null;
}

const RunArtifacts = graphql(`
  query ClientRunArtifacts($runId: String!, $path: String, $after: String) {
    run(runId: $runId) {
      artifactUri
      artifacts(path: $path, first: 1000, after: $after) {
        edges { node { path isDir fileSize sha256 } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** The `/artifacts/<runId>/<path>` URL of a run's artifact file. */
export const fileUrl = (t: RunTarget, p: string) =>
  `${baseUrl(t.url)}/artifacts/${encodeURIComponent(t.runId)}/${encodePath(p)}`;
const joinPath = (dir: string | undefined, name: string) =>
  dir ? `${dir.replace(/\/+$/, '')}/${name}` : name;

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

/** The URI of the run's artifact root, or of `artifactPath` below it. */
export async function getArtifactUri(t: RunTarget, artifactPath?: string): Promise<string> {
  const data = await requestGraphQL(t, RunArtifacts, { runId: t.runId, path: '' });
  if (!data.run) throw new ArtifactError(404, 'RESOURCE_DOES_NOT_EXIST', `No run ${t.runId}`);
  return artifactPath ? joinPath(data.run.artifactUri, artifactPath) : data.run.artifactUri;
}

/** Immediate children of an artifact folder (default the root), sorted by name. */
export async function listArtifacts(t: RunTarget, artifactPath = ''): Promise<ArtifactInfo[]> {
  const out: ArtifactInfo[] = [];
  let after: string | null = null;
  for (;;) {
    const data: ClientRunArtifactsQuery = await requestGraphQL(t, RunArtifacts, {
      runId: t.runId,
      path: artifactPath,
      after,
    });
    if (!data.run) throw new ArtifactError(404, 'RESOURCE_DOES_NOT_EXIST', `No run ${t.runId}`);
    out.push(...data.run.artifacts.edges.map((e) => e.node));
    if (!data.run.artifacts.pageInfo.hasNextPage) return out;
    after = data.run.artifacts.pageInfo.endCursor ?? null;
  }
}

async function listFiles(t: RunTarget, dir: string): Promise<ArtifactInfo[]> {
  const out: ArtifactInfo[] = [];
  for (const e of await listArtifacts(t, dir)) {
    if (e.isDir) out.push(...(await listFiles(t, e.path)));
    else out.push(e);
  }
  return out;
}

/** Downloads one file to `dest` (through a temporary file), retrying transient failures. */
function fetchFile(
  t: RunTarget,
  p: string,
  dest: string,
  onBytes: (n: number) => void,
  opts: TransferOptions,
): Promise<void> {
  return retry(() => fetchFileOnce(t, p, dest, onBytes), transferBackoff(opts));
}

async function fetchFileOnce(t: RunTarget, p: string, dest: string, onBytes: (n: number) => void) {
  const res = await httpFetch(t, fileUrl(t, p), { headers: t.headers });
  if (!res.ok || !res.body) throw await failure(res);
  await fs.mkdir(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.${process.pid}.${Date.now()}.part`;
  const meter = new Meter(onBytes);
  try {
    await pipeline(Readable.fromWeb(res.body as never), meter, createWriteStream(tmp));
    const expected = res.headers.get('etag')?.replaceAll('"', '');
    const got = meter.hash.digest('hex');
    if (expected && expected !== got) {
      throw new ArtifactError(500, 'CHECKSUM_MISMATCH', `${p}: expected ${expected}, got ${got}`);
    }
    await fs.rename(tmp, dest);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Downloads an artifact file, or a whole folder (`''` = everything), to `dest`; returns the local path.
 *
 * @remarks A file lands at `dest`, or inside it when `dest` is an existing folder; a folder's
 * files land below `dest/<name of the folder>`. Every file is checked against its sha256. A path
 * that is neither a file nor a folder is an {@link ArtifactError} with code RESOURCE_DOES_NOT_EXIST.
 */
export async function downloadArtifacts(
  t: RunTarget,
  artifactPath: string,
  dest: string,
  opts: TransferOptions = {},
): Promise<string> {
  const head =
    artifactPath === ''
      ? null
      : await retry(
          () => httpFetch(t, fileUrl(t, artifactPath), { method: 'HEAD', headers: t.headers }),
          transferBackoff(opts),
        );
  if (head?.ok) {
    const isDir = await fs.stat(dest).then(
      (s) => s.isDirectory(),
      () => false,
    );
    const target = isDir ? path.join(dest, path.posix.basename(artifactPath)) : dest;
    const p = progress(artifactPath, Number(head.headers.get('content-length') ?? 0), opts);
    await fetchFile(t, artifactPath, target, p.add, opts);
    p.done();
    return target;
  }
  if (head && head.status !== 404) throw await failure(head);
  const files = await listFiles(t, artifactPath);
  if (files.length === 0 && artifactPath !== '') {
    throw new ArtifactError(404, 'RESOURCE_DOES_NOT_EXIST', `No artifact '${artifactPath}'`);
  }
  const root = path.join(dest, artifactPath === '' ? '' : path.posix.basename(artifactPath));
  const strip = artifactPath === '' ? 0 : artifactPath.replace(/\/+$/, '').length + 1;
  const p = progress(
    artifactPath || t.runId,
    files.reduce((a, f) => a + (f.fileSize ?? 0), 0),
    opts,
  );
  await pool(files, opts.concurrency ?? 4, (f) =>
    fetchFile(t, f.path, path.join(root, f.path.slice(strip)), p.add, opts),
  );
  p.done();
  return root;
}
