import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ArtifactError, type BackoffOptions, retry } from '@trackql/client';
import { stringifyDocument } from '@urql/core';

/** Plumbing shared by the artifact and dataset helpers: targets, errors, progress, streams. */

/** Which server and run a call addresses. */
export interface RunTarget {
  /** Tracking server base URL (`http://127.0.0.1:4000`) or its GraphQL URL (`.../graphql`). */
  url: string;
  runId: string;
  /** Extra request headers, e.g. `authorization`. */
  headers?: Record<string, string>;
  /** A fetch implementation (tests, custom runtimes); default the global one. */
  fetch?: typeof fetch;
}

/** Progress of a transfer: `bytes` of `total` moved so far. */
export interface TransferProgress {
  /** The artifact path (or local folder) being transferred. */
  path: string;
  bytes: number;
  total: number;
}

/** Options shared by uploads and downloads. */
export interface TransferOptions {
  /** Called as bytes move (throttled to about 10 calls a second, plus a final one). */
  onProgress?: (p: TransferProgress) => void;
  /** Draw a progress bar on stderr; default: when stderr is a TTY and the transfer is ≥ 8 MiB. */
  progressBar?: boolean;
  /** Files transferred at once by `logArtifacts` and folder downloads (default 4). */
  concurrency?: number;
  /** Retries of a file after network errors, 408, 429 or 5xx (default 3; full-jitter backoff). */
  retries?: number;
}

/** The backoff of artifact and dataset calls: `retries` (default 3) from 100 ms up to 5 s. */
export function transferBackoff(opts: Pick<TransferOptions, 'retries'> = {}): BackoffOptions {
  return { retries: opts.retries ?? 3, baseMs: 100, maxMs: 5000 };
}

/**
 * Sends one HTTP request with the target's `fetch`; a failed connection becomes an
 * {@link ArtifactError} of kind `network` (status 0), which {@link retry} retries.
 */
export async function httpFetch(
  t: Pick<RunTarget, 'fetch'>,
  url: string,
  init: RequestInit,
): Promise<Response> {
  try {
    return await (t.fetch ?? fetch)(url, init);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ArtifactError(
      0,
      'HTTP_ERROR',
      `[Network] ${init.method ?? 'GET'} ${url}: ${message}`,
      {
        cause,
      },
    );
  }
}

/** Transfers smaller than this draw no bar by default. */
const BAR_MIN_BYTES = 8 * 1024 * 1024;

/** The server's base URL from a base or GraphQL URL. */
export const baseUrl = (url: string) => url.replace(/\/+$/, '').replace(/\/graphql$/, '');
/** Percent-encodes each segment of an artifact path, keeping the slashes. */
export const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');
/**
 * Sends a typed GraphQL document to the target's server and returns `data`.
 *
 * @remarks Shared by the artifact and dataset helpers (queries only: they are retried after
 * transient failures); throws {@link ArtifactError} on transport or GraphQL errors.
 */
export async function requestGraphQL<R, V>(
  t: Pick<RunTarget, 'url' | 'headers' | 'fetch'>,
  doc: TypedDocumentNode<R, V>,
  variables: V,
): Promise<R> {
  const body = JSON.stringify({ query: stringifyDocument(doc), variables });
  return retry(async () => {
    const res = await httpFetch(t, `${baseUrl(t.url)}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...t.headers },
      body,
    });
    if (res.status >= 500) throw await failure(res);
    const text = await res.text();
    let parsed: { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ArtifactError(res.status, 'HTTP_ERROR', text.slice(0, 200) || res.statusText);
    }
    if (parsed.errors?.length || !parsed.data) {
      const first = parsed.errors?.[0];
      throw new ArtifactError(
        res.status,
        first?.extensions?.code ?? 'GRAPHQL_ERROR',
        first?.message ?? 'No data',
        {
          kind: 'graphql',
        },
      );
    }
    return parsed.data;
  }, transferBackoff());
}

/** Turns an error response (MLflow-style JSON or text) into an {@link ArtifactError}. */
export async function failure(res: Response): Promise<ArtifactError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error_code?: string; message?: string };
    return new ArtifactError(res.status, body.error_code ?? 'HTTP_ERROR', body.message ?? text);
  } catch {
    return new ArtifactError(res.status, 'HTTP_ERROR', text || res.statusText);
  }
}

/** Reports progress to the callback and, on a TTY, as a bar on stderr. */
export function progress(label: string, total: number, opts: TransferOptions) {
  const bar = opts.progressBar ?? (process.stderr.isTTY === true && total >= BAR_MIN_BYTES);
  let bytes = 0;
  let last = 0;
  const emit = (force: boolean) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    opts.onProgress?.({ path: label, bytes, total });
    if (bar) {
      const frac = total > 0 ? Math.min(1, bytes / total) : 1;
      const mib = (n: number) => (n / 1048576).toFixed(1);
      const fill = '#'.repeat(Math.round(frac * 30)).padEnd(30, '.');
      process.stderr.write(
        `\r${label.slice(-30)} [${fill}] ${(frac * 100).toFixed(0)}% ${mib(bytes)}/${mib(total)} MiB${force ? '\n' : ''}`,
      );
    }
  };
  return {
    add: (n: number) => {
      bytes += n;
      emit(false);
    },
    done: () => emit(true),
  };
}

/** Counts and hashes bytes passing through. */
export class Meter extends Transform {
  readonly hash = createHash('sha256');
  constructor(private readonly onBytes: (n: number) => void) {
    super({ highWaterMark: 1024 * 1024 });
  }
  override _transform(chunk: Buffer, _: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.onBytes(chunk.length);
    done(null, chunk);
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight; rejects on the first failure. */
export async function pool<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
