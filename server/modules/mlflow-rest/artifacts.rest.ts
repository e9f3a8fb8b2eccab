import type { IncomingMessage } from 'node:http';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { isRunIdShape } from '../../shared/ids.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { RequestServices as Services } from '../../shared/request-context.ts';
import type { ArtifactEntry, ArtifactFile, ByteRange } from '../artifacts/public.ts';
import {
  decodeArtifactUrlPath,
  normaliseArtifactPath,
  sendArtifactFile,
} from '../artifacts/public.ts';
import { runArtifactUri } from './entities.json.ts';
import type { RestCall, RestRoute } from './rest.routes.ts';
import { runIdOf } from './runs.rest.ts';

/**
 * Where a proxied artifact path points. The server decides where bytes live: a path only names
 * an owner (`<exp>/<run_id>/artifacts/...`) whose store the services pick.
 */
export interface ArtifactOwner {
  /** Reads and writes of the owner's files, paths relative to its artifact root. */
  list(dir: string): Promise<ArtifactEntry[]>;
  stat(path: string): Promise<ArtifactFile>;
  open(file: ArtifactFile, range?: ByteRange): Promise<NodeJS.ReadableStream>;
  upload(path: string, body: IncomingMessage): Promise<unknown>;
  delete(path: string): Promise<unknown>;
}

/** Resolvers of proxied paths by their second segment (`models`, `traces`...); runs otherwise. */
export type OwnerResolvers = Record<
  string,
  (services: Services, experimentId: string, id: string) => Promise<ArtifactOwner>
>;

/** Every entry of a listing (the services page by 1000). */
export async function listAll(
  page: (after: string | null) => Promise<{ edges: { node: ArtifactEntry; cursor: string }[] }>,
): Promise<ArtifactEntry[]> {
  const out: ArtifactEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const { edges } = await page(after);
    out.push(...edges.map((e) => e.node));
    if (edges.length < LIMITS.maxPageSize) return out;
    after = edges.at(-1)!.cursor;
  }
}

/** The page request after a listing cursor. */
export function pageAfter(after: string | null) {
  const cursor = after ? (JSON.parse(Buffer.from(after, 'base64url').toString()) as string) : null;
  return { limit: LIMITS.maxPageSize, cursor, backward: false };
}

/** A run's artifacts as an {@link ArtifactOwner}; it must belong to experiment `experimentId`. */
async function runOwner(services: Services, experimentId: string, runId: string) {
  const svc = services.artifacts;
  const run = isRunIdShape(runId) ? await services.runs.findById(runId) : null;
  if (!run || String(run.experimentId) !== experimentId) {
    throw new NotFoundError('Run', runId, `Run with id=${runId} not found`);
  }
  const owner: ArtifactOwner = {
    list: (dir) => listAll((after) => svc.list(runId, dir, pageAfter(after))),
    stat: (path) => svc.stat(runId, path),
    open: (file, range) => svc.open(runId, file, range),
    upload: (path, body) => svc.upload(runId, path, body),
    delete: (path) => svc.delete(runId, path),
  };
  return owner;
}

/**
 * Splits a proxied path `<exp>/<run_id>/artifacts/<rest>` (or `<exp>/<kind>/<id>/artifacts/<rest>`
 * for a kind in `resolvers`) into its owner and the path below the owner's root; null when the
 * path names no owner (`<exp>` alone, say).
 */
export async function ownerOf(
  services: Services,
  resolvers: OwnerResolvers,
  full: string,
): Promise<{ owner: ArtifactOwner; path: string } | null> {
  const s = full === '' ? [] : full.split('/');
  const [exp, second] = s;
  if (exp === undefined || second === undefined) return null;
  const resolve = resolvers[second];
  if (resolve && s[2] !== undefined && s[3] === 'artifacts') {
    return { owner: await resolve(services, exp, s[2]), path: s.slice(4).join('/') };
  }
  if (s[2] !== 'artifacts') return null;
  return { owner: await runOwner(services, exp, second), path: s.slice(3).join('/') };
}

async function required(services: Services, resolvers: OwnerResolvers, full: string) {
  const target = await ownerOf(services, resolvers, full);
  if (!target || target.path === '') {
    throw new NotFoundError('Artifact', full, `No artifact at '${full}'`);
  }
  return target;
}

function fileInfos(entries: readonly ArtifactEntry[], pathOf: (e: ArtifactEntry) => string) {
  return entries.map((e) => ({
    path: pathOf(e),
    is_dir: e.isDir,
    ...(e.isDir ? {} : { file_size: e.size }),
  }));
}

/**
 * MLflow's artifact endpoints: the run listing (`artifacts/list`) and the proxied artifact
 * service (`mlflow-artifacts/artifacts/...`: list, download with ranges, upload, delete).
 */
export function artifactRoutes(resolvers: OwnerResolvers): RestRoute[] {
  return [
    {
      method: 'GET',
      path: 'mlflow/artifacts/list',
      async handle({ input, services }) {
        const run = await services.runs.get(runIdOf(input));
        const dir = normaliseArtifactPath(input.string('path') ?? '', { allowRoot: true });
        const entries = await listAll((after) =>
          services.artifacts.list(run.id, dir, pageAfter(after)),
        );
        return { root_uri: runArtifactUri(run), files: fileInfos(entries, (e) => e.path) };
      },
    },
    {
      method: 'GET',
      path: 'mlflow-artifacts/artifacts/*',
      streams: true,
      async handle({ input, params, services, req, res }: RestCall) {
        if (params['*'] === '') {
          // the proxied listing: basenames only, as MLflow's artifact service answers
          const full = normaliseArtifactPath(input.string('path') ?? '', { allowRoot: true });
          const target = await ownerOf(services, resolvers, full);
          const entries = target ? await target.owner.list(target.path) : [];
          const files = fileInfos(entries, (e) => e.name);
          const text = JSON.stringify(files.length ? { files } : {});
          res.writeHead(200, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
          });
          res.end(text);
          return;
        }
        const { owner, path } = await required(
          services,
          resolvers,
          decodeArtifactUrlPath(params['*']!),
        );
        await sendArtifactFile(owner, path, req, res);
      },
    },
    {
      method: 'PUT',
      path: 'mlflow-artifacts/artifacts/*',
      streams: true,
      async handle({ params, services, req, res, deps }: RestCall) {
        const max = deps.config.artifactMaxUploadBytes;
        if (Number(req.headers['content-length'] ?? 0) > max) {
          throw new ValidationError('body', `Artifact exceeds the limit of ${max} bytes`);
        }
        const { owner, path } = await required(
          services,
          resolvers,
          decodeArtifactUrlPath(params['*']!),
        );
        await owner.upload(path, req);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 2 });
        res.end('{}');
      },
    },
    {
      method: 'DELETE',
      path: 'mlflow-artifacts/artifacts/*',
      async handle({ params, services }) {
        const { owner, path } = await required(
          services,
          resolvers,
          decodeArtifactUrlPath(params['*']!),
        );
        await owner.delete(path);
        return {};
      },
    },
  ];
}
