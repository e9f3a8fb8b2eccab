import { pipeline, type Readable } from 'node:stream';
import type { Db } from '../../shared/db.ts';
import { InvalidStateError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { type PageRequest, toConnection } from '../../shared/pagination.ts';
import { codePoints } from '../../shared/validation.ts';
import type { AuditLog } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import type { Run, RunService } from '../runs/public.ts';
import { ancestorsOf, normaliseArtifactPath } from './artifact-path.ts';
import { HashingStream } from './hashing-stream.ts';
import type { ByteRange } from './stores/artifact-store.ts';
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
  /** Path relative to the run's artifact root, e.g. `model/MLmodel`. */
  path: string;
  name: string;
  isDir: boolean;
  /** Size of a file; total size of the files below a directory. */
  size: number;
  /** Checksum of a file; null for directories. */
  sha256: string | null;
  createdTime: number;
}

/** An opened artifact: its record and a stream of the requested bytes. */
export interface OpenedArtifact {
  file: ArtifactFile;
  stream: Readable;
}

const FILE_COLUMNS = 'path, size, sha256, created_time as "createdTime"';

/** Run artifacts: streaming upload and download, listings from the `artifacts` table. */
export class ArtifactService {
  constructor(
    private readonly db: Db,
    private readonly runs: RunService,
    private readonly stores: ArtifactStores,
    private readonly maxUploadBytes: number,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Streams `body` into the run's artifact store at `path`, recording its size and sha256.
   *
   * @remarks The run must exist (RESOURCE_DOES_NOT_EXIST) and be active (INVALID_STATE). A path
   * under an existing file, or one naming a directory, is INVALID_PARAMETER_VALUE. The file appears
   * only once fully written; a failed or interrupted upload leaves nothing and records nothing.
   * Uploading to an existing path replaces the file.
   */
  async upload(runId: string, rawPath: string, body: Readable): Promise<ArtifactFile> {
    const path = normaliseArtifactPath(rawPath);
    await this.access.run(runId, 'EDIT');
    const run = await this.activeRun(runId);
    await this.assertNoClash(runId, path);
    const hashing = new HashingStream(this.maxUploadBytes);
    pipeline(body, hashing, () => {});
    const staged = await (await this.stores.locate(run.artifactUri)).stage(path, hashing);
    const [size, sha256] = [hashing.bytes, hashing.digest()];
    try {
      // one writer at a time per path between rename and record, so the row describes the file
      return await this.db.transaction(async (sql) => {
        await sql.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
          `artifact:${runId}/${path}`,
        ]);
        await staged.publish();
        const [file] = await sql.query<ArtifactFile>(
          ...this.audit.audited(
            `insert into artifacts (run_id, path, size, sha256, created_time) values ($1, $2, $3, $4, $5)
             on conflict (run_id, path) do update
               set size = excluded.size, sha256 = excluded.sha256, created_time = excluded.created_time
             returning ${FILE_COLUMNS}`,
            [runId, path, size, sha256, Date.now()],
            'run',
            runId,
            'upload_artifact',
            { path, size },
          ),
        );
        return file!;
      });
    } catch (err) {
      await staged.discard();
      throw err;
    }
  }

  private async activeRun(runId: string): Promise<Run> {
    const run = await this.runs.get(runId);
    if (run.lifecycleStage !== 'active') {
      throw new InvalidStateError(
        `The run ${runId} must be in the 'active' state. Current state is ${run.lifecycleStage}.`,
      );
    }
    return run;
  }

  /** Refuses a path below an existing file, or one naming an existing directory. */
  private async assertNoClash(runId: string, path: string): Promise<void> {
    const [clash] = await this.db.query<{ path: string }>(
      `(select path from artifacts where run_id = $1 and path = any($2::text[]) limit 1)
       union all
       (select path from artifacts where run_id = $1 and path >= $3 and path < $4 limit 1)`,
      [runId, ancestorsOf(path), `${path}/`, `${path}0`],
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

  /** The record of one artifact file; RESOURCE_DOES_NOT_EXIST when the run or file is missing. */
  async stat(runId: string, rawPath: string): Promise<ArtifactFile> {
    const path = normaliseArtifactPath(rawPath);
    await this.runs.get(runId);
    const [file] = await this.db.query<ArtifactFile>(
      `select ${FILE_COLUMNS} from artifacts where run_id = $1 and path = $2`,
      [runId, path],
    );
    if (!file) throw new NotFoundError('Artifact', path, `No artifact '${path}' in run ${runId}`);
    return file;
  }

  /**
   * Deletes the file at `path`, or every file below it when it names a directory, of an active
   * run (MLflow's proxied artifact DELETE).
   *
   * @remarks Records go first, in one transaction with the store deletes, so a listing never
   * shows a file that is gone. Nothing at `path` is RESOURCE_DOES_NOT_EXIST.
   */
  async delete(runId: string, rawPath: string): Promise<number> {
    const path = normaliseArtifactPath(rawPath);
    await this.access.run(runId, 'EDIT');
    const run = await this.activeRun(runId);
    const location = await this.stores.locate(run.artifactUri);
    const removed = await this.db.transaction(async (sql) => {
      const rows = await sql.query<{ path: string }>(
        `delete from artifacts where run_id = $1 and (path = $2 or (path >= $3 and path < $4))
         returning path`,
        [runId, path, `${path}/`, `${path}0`],
      );
      for (const r of rows) await location.delete(r.path);
      if (rows.length > 0)
        await this.audit.record('run', runId, 'delete_artifact', { path, files: rows.length });
      return rows.length;
    });
    if (removed === 0) {
      throw new NotFoundError('Artifact', path, `No artifact '${path}' in run ${runId}`);
    }
    return removed;
  }

  /** Opens an artifact file, or the inclusive byte `range` of it, as a stream. */
  async open(runId: string, file: ArtifactFile, range?: ByteRange): Promise<Readable> {
    const run = await this.runs.get(runId);
    return (await this.stores.locate(run.artifactUri)).get(file.path, range);
  }

  /**
   * Immediate children of a directory of a run's artifacts, sorted by name (byte order).
   *
   * @remarks Read from the `artifacts` table (a key range of the directory), so listing costs the
   * same on every store. A file path or a missing directory gives an empty page, as MLflow's
   * list-artifacts does. Directory sizes are the totals of the files below them.
   */
  async list(runId: string, rawPath: string, req: PageRequest<string>) {
    const dir = normaliseArtifactPath(rawPath, { allowRoot: true });
    await this.access.run(runId, 'READ');
    const prefix = dir === '' ? '' : `${dir}/`;
    const n = codePoints(prefix);
    const rows = await this.db.query<Omit<ArtifactEntry, 'path'>>(
      `select name, bool_or(is_dir) as "isDir", sum(size)::bigint as size,
         case when bool_or(is_dir) then null else max(sha256) end as sha256,
         max(created_time) as "createdTime"
       from (select split_part(substr(path, $3 + 1), '/', 1) as name,
               strpos(substr(path, $3 + 1), '/') > 0 as is_dir, size, sha256, created_time
             from artifacts where run_id = $1 and ($2 = '' or (path >= $2 and path < $6))) c
       where $4::text is null or name collate "C" ${req.backward ? '<' : '>'} $4
       group by name order by name collate "C" ${req.backward ? 'desc' : 'asc'} limit $5`,
      [runId, prefix, n, req.cursor, req.limit + 1, `${dir}0`],
    );
    const entries = rows.map((r) => ({ ...r, path: `${prefix}${r.name}` }));
    return toConnection(entries, req, (e) => e.name);
  }
}
