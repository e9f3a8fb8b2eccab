import type { Readable } from 'node:stream';
import type { Db } from '../../shared/db.ts';
import { InvalidStateError } from '../../shared/errors.ts';
import type { PageRequest } from '../../shared/pagination.ts';
import type { AuditLog } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import type { Run, RunService } from '../runs/public.ts';
import { type ArtifactFile, ArtifactFiles, RUN_ARTIFACTS } from './artifact-files.ts';
import { normaliseArtifactPath } from './artifact-path.ts';
import type { ByteRange } from './stores/artifact-store.ts';
import type { ArtifactStores } from './stores/stores.ts';

/** An opened artifact: its record and a stream of the requested bytes. */
export interface OpenedArtifact {
  file: ArtifactFile;
  stream: Readable;
}

/** Run artifacts: streaming upload and download, listings from the `artifacts` table. */
export class ArtifactService {
  private readonly files: ArtifactFiles;

  constructor(
    db: Db,
    private readonly runs: RunService,
    stores: ArtifactStores,
    maxUploadBytes: number,
    private readonly access: PermissionService,
    audit: AuditLog,
  ) {
    this.files = new ArtifactFiles(db, stores, maxUploadBytes, RUN_ARTIFACTS, {
      log: audit,
      entity: 'run',
    });
  }

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
    return this.files.store(runId, run.artifactUri, path, body);
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

  /** The record of one artifact file; RESOURCE_DOES_NOT_EXIST when the run or file is missing. */
  async stat(runId: string, rawPath: string): Promise<ArtifactFile> {
    const path = normaliseArtifactPath(rawPath);
    await this.runs.get(runId);
    return this.files.stat(runId, path);
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
    return this.files.delete(runId, run.artifactUri, path);
  }

  /** Opens an artifact file, or the inclusive byte `range` of it, as a stream. */
  async open(runId: string, file: ArtifactFile, range?: ByteRange): Promise<Readable> {
    const run = await this.runs.get(runId);
    return this.files.open(run.artifactUri, file, range);
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
    return this.files.list(runId, dir, req);
  }
}
