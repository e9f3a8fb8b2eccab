import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ArtifactFile } from './artifact-files.ts';
import { parseRange } from './http-range.ts';
import type { ByteRange } from './stores/artifact-store.ts';

/** Where a download's bytes come from: a file's checked metadata, then its (ranged) content. */
export interface ArtifactReader {
  stat(path: string): Promise<ArtifactFile>;
  open(file: ArtifactFile, range?: ByteRange): Promise<NodeJS.ReadableStream>;
}

/**
 * Streams an artifact (or the `Range` asked for) with its download headers: 200, 206 with
 * `Content-Range`, or 416 past the end; `ETag` is the sha256; HEAD sends headers only.
 *
 * @remarks The file is opened before the status line, so a refused path or a missing file still
 * gets its JSON error from the caller.
 */
export async function sendArtifactFile(
  reader: ArtifactReader,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const file = await reader.stat(path);
  const range = parseRange(req.headers.range, file.size);
  const common = {
    'accept-ranges': 'bytes',
    etag: `"${file.sha256}"`,
    'content-type': 'application/octet-stream',
    'x-content-type-options': 'nosniff',
  };
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'content-range': `bytes */${file.size}`, 'content-length': 0 });
    res.end();
    return;
  }
  const length = range ? range.end - range.start + 1 : file.size;
  const body = req.method === 'HEAD' || length === 0 ? null : await reader.open(file, range);
  res.writeHead(range ? 206 : 200, {
    ...common,
    'content-length': length,
    ...(range ? { 'content-range': `bytes ${range.start}-${range.end}/${file.size}` } : {}),
  });
  if (body) await pipeline(body, res);
  else res.end();
}
