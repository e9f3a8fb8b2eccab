import { pipeline, type Readable } from 'node:stream';
import type { Db } from '../../shared/db.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { type PageRequest, toConnection } from '../../shared/pagination.ts';
import { codePoints } from '../../shared/validation.ts';
import type {
  ArtifactEntry,
  ArtifactFile,
  ArtifactStores,
  ByteRange,
} from '../artifacts/public.ts';
import { ancestorsOf, HashingStream, normaliseArtifactPath } from '../artifacts/public.ts';
import type { PermissionService } from '../auth/public.ts';
import type { LoggedModel } from './logged-model.entity.ts';

const FILE_COLUMNS = 'path, size, sha256, created_time as "createdTime"';

/**
 * A logged model's own files (what `mlflow.<flavor>.log_model` writes and
 * `load_model("models:/<id>")` reads), stored under the model's `artifactLocation` and recorded
 * in `logged_model_artifacts`, with the same path rules, atomic publish and listings as run
 * artifacts.
 */
export class ModelArtifactService {
  constructor(
    private readonly db: Db,
    private readonly stores: ArtifactStores,
    private readonly maxUploadBytes: number,
    private readonly access: PermissionService,
  ) {}

  /**
   * Streams `body` to `path` among the model's files, replacing a file there.
   *
   * @remarks Writes are allowed whatever the model's status (MLflow uploads files before it
   * finalizes, and re-logs to READY models); a deleted model is RESOURCE_DOES_NOT_EXIST. A path
   * below a file, or naming a directory, is INVALID_PARAMETER_VALUE.
   */
  async upload(model: LoggedModel, rawPath: string, body: Readable): Promise<ArtifactFile> {
    await this.access.model(model.id, 'EDIT');
    const path = normaliseArtifactPath(rawPath);
    if (model.lifecycleStage !== 'active') {
      throw new NotFoundError(
        'LoggedModel',
        model.id,
        `Logged model with ID '${model.id}' not found.`,
      );
    }
    const [clash] = await this.db.query<{ path: string }>(
      `(select path from logged_model_artifacts where model_id = $1 and path = any($2::text[]) limit 1)
       union all
       (select path from logged_model_artifacts where model_id = $1 and path >= $3 and path < $4 limit 1)`,
      [model.id, ancestorsOf(path), `${path}/`, `${path}0`],
    );
    if (clash)
      throw new ValidationError('path', `Invalid path '${path}': '${clash.path}' is in the way`);
    const hashing = new HashingStream(this.maxUploadBytes);
    pipeline(body, hashing, () => {});
    const staged = await (await this.stores.locate(model.artifactLocation)).stage(path, hashing);
    try {
      return await this.db.transaction(async (sql) => {
        await sql.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
          `model-artifact:${model.id}/${path}`,
        ]);
        await staged.publish();
        const [file] = await sql.query<ArtifactFile>(
          `insert into logged_model_artifacts (model_id, path, size, sha256, created_time)
           values ($1, $2, $3, $4, $5)
           on conflict (model_id, path) do update
             set size = excluded.size, sha256 = excluded.sha256, created_time = excluded.created_time
           returning ${FILE_COLUMNS}`,
          [model.id, path, hashing.bytes, hashing.digest(), Date.now()],
        );
        return file!;
      });
    } catch (err) {
      await staged.discard();
      throw err;
    }
  }

  /** The record of one file; RESOURCE_DOES_NOT_EXIST when absent. */
  async stat(model: LoggedModel, rawPath: string): Promise<ArtifactFile> {
    await this.access.model(model.id, 'READ');
    const path = normaliseArtifactPath(rawPath);
    const [file] = await this.db.query<ArtifactFile>(
      `select ${FILE_COLUMNS} from logged_model_artifacts where model_id = $1 and path = $2`,
      [model.id, path],
    );
    if (!file)
      throw new NotFoundError('Artifact', path, `No artifact '${path}' in model ${model.id}`);
    return file;
  }

  /** Opens a file, or the inclusive byte `range` of it. */
  async open(model: LoggedModel, file: ArtifactFile, range?: ByteRange): Promise<Readable> {
    return (await this.stores.locate(model.artifactLocation)).get(file.path, range);
  }

  /** Immediate children of a directory of the model's files, by name (byte order). */
  async list(model: LoggedModel, rawDir: string, req: PageRequest<string>) {
    await this.access.model(model.id, 'READ');
    const dir = normaliseArtifactPath(rawDir, { allowRoot: true });
    const prefix = dir === '' ? '' : `${dir}/`;
    const rows = await this.db.query<Omit<ArtifactEntry, 'path'>>(
      `select name, bool_or(is_dir) as "isDir", sum(size)::bigint as size,
         case when bool_or(is_dir) then null else max(sha256) end as sha256,
         max(created_time) as "createdTime"
       from (select split_part(substr(path, $3 + 1), '/', 1) as name,
               strpos(substr(path, $3 + 1), '/') > 0 as is_dir, size, sha256, created_time
             from logged_model_artifacts
             where model_id = $1 and ($2 = '' or (path >= $2 and path < $6))) c
       where $4::text is null or name collate "C" > $4
       group by name order by name collate "C" limit $5`,
      [model.id, prefix, codePoints(prefix), req.cursor, req.limit + 1, `${dir}0`],
    );
    const entries = rows.map((r) => ({ ...r, path: `${prefix}${r.name}` }));
    return toConnection(entries, req, (e) => e.name);
  }

  /** Deletes a file, or every file below a directory; nothing there is RESOURCE_DOES_NOT_EXIST. */
  async delete(model: LoggedModel, rawPath: string): Promise<number> {
    await this.access.model(model.id, 'EDIT');
    const path = normaliseArtifactPath(rawPath);
    const location = await this.stores.locate(model.artifactLocation);
    const removed = await this.db.transaction(async (sql) => {
      const rows = await sql.query<{ path: string }>(
        `delete from logged_model_artifacts
         where model_id = $1 and (path = $2 or (path >= $3 and path < $4)) returning path`,
        [model.id, path, `${path}/`, `${path}0`],
      );
      for (const r of rows) await location.delete(r.path);
      return rows.length;
    });
    if (removed === 0)
      throw new NotFoundError('Artifact', path, `No artifact '${path}' in model ${model.id}`);
    return removed;
  }
}
