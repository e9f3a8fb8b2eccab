import { pipeline, type Readable } from 'node:stream';
import type { Db } from '../../shared/db.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { type PageRequest, toConnection } from '../../shared/pagination.ts';
import { codePoints } from '../../shared/validation.ts';
import type { AuditEntity, AuditLog } from '../audit/public.ts';
import { ancestorsOf } from './artifact-path.ts';
import { HashingStream } from './hashing-stream.ts';
import type { ArtifactLocation, ByteRange } from './stores/artifact-store.ts';
import type { ArtifactStores } from './stores/stores.ts';

/** A stored artifact file, as recorded at upload. */
export interface ArtifactFile {
  path: string;
  size: number;
  sha256: string;
  createdTime: number;
}

/** One entry of a directory listing: a file or a directory. */
export interface ArtifactEntry {
  /** Path relative to the owner's artifact root, e.g. `model/MLmodel`. */
  path: string;
  name: string;
  isDir: boolean;
  /** Size of a file; total size of the files below a directory. */
  size: number;
  /** Checksum of a file; null for directories. */
  sha256: string | null;
  createdTime: number;
}

/**
 * Where one kind of owner records its files: a table of `(owner, path collate "C", size, sha256,
 * created_time)` with the primary key `(owner, path)`.
 */
export interface ArtifactTable {
  table: string;
  ownerColumn: string;
  /** How messages name the owner, e.g. `run`. */
  ownerName: string;
  /** Prefix of the advisory lock one writer of a path holds between publish and record. */
  lockPrefix: string;
}

/** The files of runs. */
export const RUN_ARTIFACTS: ArtifactTable = {
  table: 'artifacts',
  ownerColumn: 'run_id',
  ownerName: 'run',
  lockPrefix: 'artifact',
};

/** Where uploads and deletes of an owner's files are audited (as `<entity>.upload_artifact`...). */
export interface ArtifactAudit {
  log: AuditLog;
  entity: AuditEntity;
}

const FILE_COLUMNS = 'path, size, sha256, created_time as "createdTime"';

/**
 * The files of one kind of owner (runs, logged models): streaming upload with atomic publish,
 * records, listings and deletes, the same for every owner. Callers check permissions, the owner's
 * state and the path (`normaliseArtifactPath`) first.
 */
export class ArtifactFiles {
  constructor(
    private readonly db: Db,
    private readonly stores: ArtifactStores,
    private readonly maxUploadBytes: number,
    private readonly t: ArtifactTable,
    private readonly audit?: ArtifactAudit,
  ) {}

  /** Refuses a path below an existing file, or one naming an existing directory. */
  async assertNoClash(ownerId: string, path: string): Promise<void> {
    const { table, ownerColumn } = this.t;
    const [clash] = await this.db.query<{ path: string }>(
      `(select path from ${table} where ${ownerColumn} = $1 and path = any($2::text[]) limit 1)
       union all
       (select path from ${table} where ${ownerColumn} = $1 and path >= $3 and path < $4 limit 1)`,
      [ownerId, ancestorsOf(path), `${path}/`, `${path}0`],
    );
    if (clash) {
      throw new ValidationError(
        'path',
        clash.path.startsWith(`${path}/`)
          ? `Invalid path '${path}': it is a directory`
          : `Invalid path '${path}': '${clash.path}' is a file`,
      );
    }
  }

  /**
   * Streams `body` to `path` under `root`, then publishes and records it, replacing a file there.
   *
   * @remarks The file appears only once fully written; a failed or interrupted upload leaves
   * nothing and records nothing.
   */
  async store(ownerId: string, root: string, path: string, body: Readable): Promise<ArtifactFile> {
    await this.assertNoClash(ownerId, path);
    const hashing = new HashingStream(this.maxUploadBytes);
    pipeline(body, hashing, () => {});
    const staged = await (await this.stores.locate(root)).stage(path, hashing);
    const { table, ownerColumn } = this.t;
    try {
      // one writer at a time per path between rename and record, so the row describes the file
      return await this.db.transaction(async (sql) => {
        await sql.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
          `${this.t.lockPrefix}:${ownerId}/${path}`,
        ]);
        await staged.publish();
        const record: [string, unknown[]] = [
          `insert into ${table} (${ownerColumn}, path, size, sha256, created_time)
           values ($1, $2, $3, $4, $5)
           on conflict (${ownerColumn}, path) do update
             set size = excluded.size, sha256 = excluded.sha256, created_time = excluded.created_time
           returning ${FILE_COLUMNS}`,
          [ownerId, path, hashing.bytes, hashing.digest(), Date.now()],
        ];
        const [file] = await sql.query<ArtifactFile>(
          ...(this.audit
            ? this.audit.log.audited(...record, this.audit.entity, ownerId, 'upload_artifact', {
                path,
                size: hashing.bytes,
              })
            : record),
        );
        return file!;
      });
    } catch (err) {
      await staged.discard();
      throw err;
    }
  }

  /** The record of one file; RESOURCE_DOES_NOT_EXIST when absent. */
  async stat(ownerId: string, path: string): Promise<ArtifactFile> {
    const [file] = await this.db.query<ArtifactFile>(
      `select ${FILE_COLUMNS} from ${this.t.table} where ${this.t.ownerColumn} = $1 and path = $2`,
      [ownerId, path],
    );
    if (!file) throw this.missing(ownerId, path);
    return file;
  }

  /** Opens a file under `root`, or the inclusive byte `range` of it. */
  async open(root: string, file: ArtifactFile, range?: ByteRange): Promise<Readable> {
    return (await this.stores.locate(root)).get(file.path, range);
  }

  /**
   * Immediate children of directory `dir` (normalised, `''` the root), sorted by name (byte
   * order), from the records (a key range of the directory), so listing costs the same on every
   * store. Directory sizes are the totals of the files below them.
   */
  async list(ownerId: string, dir: string, req: PageRequest<string>) {
    const prefix = dir === '' ? '' : `${dir}/`;
    const rows = await this.db.query<Omit<ArtifactEntry, 'path'>>(
      `select name, bool_or(is_dir) as "isDir", sum(size)::bigint as size,
         case when bool_or(is_dir) then null else max(sha256) end as sha256,
         max(created_time) as "createdTime"
       from (select split_part(substr(path, $3 + 1), '/', 1) as name,
               strpos(substr(path, $3 + 1), '/') > 0 as is_dir, size, sha256, created_time
             from ${this.t.table}
             where ${this.t.ownerColumn} = $1 and ($2 = '' or (path >= $2 and path < $6))) c
       where $4::text is null or name collate "C" ${req.backward ? '<' : '>'} $4
       group by name order by name collate "C" ${req.backward ? 'desc' : 'asc'} limit $5`,
      [ownerId, prefix, codePoints(prefix), req.cursor, req.limit + 1, `${dir}0`],
    );
    const entries = rows.map((r) => ({ ...r, path: `${prefix}${r.name}` }));
    return toConnection(entries, req, (e) => e.name);
  }

  /**
   * Deletes the file at `path` under `root`, or every file below it when it names a directory;
   * returns how many. Nothing there is RESOURCE_DOES_NOT_EXIST.
   *
   * @remarks Records go first, in one transaction with the store deletes, so a listing never
   * shows a file that is gone.
   */
  async delete(ownerId: string, root: string, path: string): Promise<number> {
    const location: ArtifactLocation = await this.stores.locate(root);
    const removed = await this.db.transaction(async (sql) => {
      const rows = await sql.query<{ path: string }>(
        `delete from ${this.t.table}
         where ${this.t.ownerColumn} = $1 and (path = $2 or (path >= $3 and path < $4))
         returning path`,
        [ownerId, path, `${path}/`, `${path}0`],
      );
      for (const r of rows) await location.delete(r.path);
      if (rows.length > 0 && this.audit) {
        await this.audit.log.record(this.audit.entity, ownerId, 'delete_artifact', {
          path,
          files: rows.length,
        });
      }
      return rows.length;
    });
    if (removed === 0) throw this.missing(ownerId, path);
    return removed;
  }

  private missing(ownerId: string, path: string): NotFoundError {
    return new NotFoundError(
      'Artifact',
      path,
      `No artifact '${path}' in ${this.t.ownerName} ${ownerId}`,
    );
  }
}
