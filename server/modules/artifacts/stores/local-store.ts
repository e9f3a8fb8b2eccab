import { randomBytes } from 'node:crypto';
import { constants, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../../../shared/errors.ts';
import type { ArtifactLocation, ArtifactStore, ByteRange, StagedFile } from './artifact-store.ts';

function isErrno(err: unknown, ...codes: string[]): boolean {
  return err instanceof Error && codes.includes((err as NodeJS.ErrnoException).code ?? '');
}

/**
 * Refuses a path whose existing components below `root` include a symlink, so a link planted
 * inside a run folder can never lead outside it.
 */
async function assertNoSymlinks(root: string, rel: string, includeLast: boolean): Promise<void> {
  const parts = rel.split('/');
  const upto = includeLast ? parts.length : parts.length - 1;
  let current = root;
  for (let i = 0; i < upto; i++) {
    current = path.join(current, parts[i]!);
    const stat = await fs.lstat(current).catch((err: unknown) => {
      if (isErrno(err, 'ENOENT')) return null;
      throw err;
    });
    if (!stat) return;
    if (stat.isSymbolicLink()) {
      throw new ValidationError('path', `Invalid path '${rel}': it goes through a symbolic link`);
    }
  }
}

class LocalLocation implements ArtifactLocation {
  constructor(
    readonly uri: string,
    private readonly root: string,
  ) {}

  async stage(rel: string, body: Readable): Promise<StagedFile> {
    const target = path.join(this.root, rel);
    const dir = path.dirname(target);
    await assertNoSymlinks(this.root, rel, false);
    await fs.mkdir(dir, { recursive: true }).catch((err: unknown) => {
      if (isErrno(err, 'ENOTDIR', 'EEXIST')) {
        throw new ValidationError('path', `Invalid path '${rel}': a parent is a file`);
      }
      throw err;
    });
    await assertNoSymlinks(this.root, rel, false);
    // a fixed-length name: the final name may already be at the 255-byte limit
    const tmp = path.join(dir, `.trackql-upload-${randomBytes(8).toString('hex')}.part`);
    const discard = () => fs.rm(tmp, { force: true });
    try {
      await pipeline(body, createWriteStream(tmp, { flags: 'wx', mode: 0o644 }));
    } catch (err) {
      await discard();
      throw err;
    }
    return {
      discard,
      publish: async () => {
        try {
          await fs.rename(tmp, target);
        } catch (err) {
          await discard();
          if (isErrno(err, 'EISDIR', 'ENOTEMPTY', 'EEXIST')) {
            throw new ValidationError('path', `Invalid path '${rel}': a directory exists there`);
          }
          throw err;
        }
      },
    };
  }

  async get(rel: string, range?: ByteRange): Promise<Readable> {
    await assertNoSymlinks(this.root, rel, true);
    // O_NOFOLLOW closes the gap between the check above and the open
    const handle = await fs.open(
      path.join(this.root, rel),
      constants.O_RDONLY | constants.O_NOFOLLOW,
    );
    return handle.createReadStream({
      start: range?.start,
      end: range?.end,
      highWaterMark: 256 * 1024,
    });
  }

  async delete(rel: string): Promise<void> {
    await assertNoSymlinks(this.root, rel, false);
    await fs.rm(path.join(this.root, rel), { force: true });
  }
}

/** Artifacts on the local filesystem: plain paths and `file:` URIs. */
export class LocalArtifactStore implements ArtifactStore {
  accepts(uri: string): boolean {
    return uri.startsWith('file:') || !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(uri);
  }

  locate(uri: string): ArtifactLocation {
    const root = uri.startsWith('file:') ? fileURLToPath(uri) : path.resolve(uri);
    return new LocalLocation(uri, root);
  }
}
