import type { Readable } from 'node:stream';
import type { Db } from '../../shared/db.ts';
import type { PageRequest } from '../../shared/pagination.ts';
import type {
  ArtifactFile,
  ArtifactStores,
  ArtifactTable,
  ByteRange,
} from '../artifacts/public.ts';
import { ArtifactFiles, normaliseArtifactPath } from '../artifacts/public.ts';
import type { AuditLog } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import type { LoggedModel } from './logged-model.entity.ts';
import { modelNotFound } from './model-rows.sql.ts';

/** Where a logged model's files are recorded. */
const MODEL_ARTIFACTS: ArtifactTable = {
  table: 'logged_model_artifacts',
  ownerColumn: 'model_id',
  ownerName: 'model',
  lockPrefix: 'model-artifact',
};

/**
 * A logged model's own files (what `mlflow.<flavor>.log_model` writes and
 * `load_model("models:/<id>")` reads), stored under the model's `artifactLocation` and recorded
 * in `logged_model_artifacts`, through the artifacts module's {@link ArtifactFiles}: the same path
 * rules, atomic publish and listings as run artifacts.
 */
export class ModelArtifactService {
  private readonly files: ArtifactFiles;

  constructor(
    db: Db,
    stores: ArtifactStores,
    maxUploadBytes: number,
    private readonly access: PermissionService,
    audit: AuditLog,
  ) {
    this.files = new ArtifactFiles(db, stores, maxUploadBytes, MODEL_ARTIFACTS, {
      log: audit,
      entity: 'logged_model',
    });
  }

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
    if (model.lifecycleStage !== 'active') throw modelNotFound(model.id);
    return this.files.store(model.id, model.artifactLocation, path, body);
  }

  /** The record of one file; RESOURCE_DOES_NOT_EXIST when absent. */
  async stat(model: LoggedModel, rawPath: string): Promise<ArtifactFile> {
    await this.access.model(model.id, 'READ');
    return this.files.stat(model.id, normaliseArtifactPath(rawPath));
  }

  /** Opens a file, or the inclusive byte `range` of it. */
  open(model: LoggedModel, file: ArtifactFile, range?: ByteRange): Promise<Readable> {
    return this.files.open(model.artifactLocation, file, range);
  }

  /** Immediate children of a directory of the model's files, by name (byte order). */
  async list(model: LoggedModel, rawDir: string, req: PageRequest<string>) {
    await this.access.model(model.id, 'READ');
    return this.files.list(model.id, normaliseArtifactPath(rawDir, { allowRoot: true }), req);
  }

  /** Deletes a file, or every file below a directory; nothing there is RESOURCE_DOES_NOT_EXIST. */
  async delete(model: LoggedModel, rawPath: string): Promise<number> {
    await this.access.model(model.id, 'EDIT');
    const path = normaliseArtifactPath(rawPath);
    return this.files.delete(model.id, model.artifactLocation, path);
  }
}
