import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ArtifactError, retry } from '@trackql/client';
import { fileUrl, joinPath } from './artifact-paths.ts';
import type { ClientRunArtifactsQuery } from './gql/graphql.ts';
import { graphql } from './gql/index.ts';
import {
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

// The read side of a run's artifacts: listing, the root URI, downloads checked against sha256.

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
