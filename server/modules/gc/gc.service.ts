import type { Db } from '../../shared/db.ts';
import { PermissionDeniedError, ValidationError } from '../../shared/errors.ts';
import type { ArtifactStores } from '../artifacts/public.ts';
import type { AuditLog } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';

/** What {@link GcService.purge} takes (MLflow `mlflow gc` options). */
export interface PurgeInput {
  /** Only what was deleted at least this long ago (ms); 0 = everything deleted. */
  olderThanMs: number;
  /** Only these deleted experiments (each must be deleted long enough ago). */
  experimentIds?: readonly string[] | null;
  /** Only these deleted runs (each must be deleted long enough ago). */
  runIds?: readonly string[] | null;
}

/** What a purge removed for good. */
export interface PurgeSummary {
  experimentIds: string[];
  runIds: string[];
  /** Artifact files removed from the stores (runs' and logged models'). */
  artifactFiles: number;
}

interface Located {
  location: string;
  path: string;
}

/**
 * Permanently removes deleted runs and experiments and their artifacts (MLflow `mlflow gc`).
 *
 * @remarks An experiment goes with all its runs, logged models and traces (the foreign keys
 * cascade). Artifact files are removed first and the rows after, in one transaction that checks
 * again that each run and experiment is still deleted; a failure part way leaves rows whose files
 * may be gone, and running the purge again finishes it (a missing file is not an error).
 */
export class GcService {
  constructor(
    private readonly db: Db,
    private readonly stores: ArtifactStores,
    private readonly access: Pick<PermissionService, 'unrestricted'>,
    private readonly audit: AuditLog,
  ) {}

  async purge(input: PurgeInput, now = Date.now()): Promise<PurgeSummary> {
    // authentication off, or an admin
    if (!this.access.unrestricted) throw new PermissionDeniedError('Only an admin may purge');
    const { olderThanMs } = input;
    if (!Number.isSafeInteger(olderThanMs) || olderThanMs < 0) {
      throw new ValidationError('olderThanMs', 'olderThanMs must be a non-negative integer (ms)');
    }
    const cutoff = now - olderThanMs;
    const experimentIds = await this.pick(
      'experiments',
      'experimentIds',
      input.experimentIds ?? null,
      cutoff,
      input.runIds != null && input.experimentIds == null,
    );
    const runIds = await this.pick(
      'runs',
      'runIds',
      input.runIds ?? null,
      cutoff,
      input.experimentIds != null && input.runIds == null,
    );
    const files = await this.db.query<Located>(
      `select r.artifact_uri as location, a.path
         from artifacts a join runs r on r.id = a.run_id
        where r.id = any($1::text[]) or r.experiment_id = any($2::bigint[])
       union all
       select m.artifact_location, a.path
         from logged_model_artifacts a join logged_models m on m.id = a.model_id
        where m.experiment_id = any($2::bigint[])`,
      [runIds, experimentIds],
    );
    for (const f of files) await (await this.stores.locate(f.location)).delete(f.path);
    const removed = await this.db.transaction(async (sql) => {
      const runs = await sql.query<{ id: string }>(
        `delete from runs
          where (id = any($1::text[]) or experiment_id = any($2::bigint[]))
            and lifecycle_stage = 'deleted'
         returning id`,
        [runIds, experimentIds],
      );
      const exps = await sql.query<{ id: string }>(
        `delete from experiments where id = any($1::bigint[]) and lifecycle_stage = 'deleted'
         returning id::text`,
        [experimentIds],
      );
      await this.audit.recordEach(
        'run',
        runs.map((r) => r.id),
        'purge',
      );
      await this.audit.recordEach(
        'experiment',
        exps.map((e) => e.id),
        'purge',
      );
      return { runs: runs.map((r) => r.id), exps: exps.map((e) => e.id) };
    });
    return {
      experimentIds: removed.exps.sort((a, b) => Number(a) - Number(b)),
      runIds: removed.runs.sort(),
      artifactFiles: files.length,
    };
  }

  /**
   * The ids to purge from `table`: the `wanted` ones (each must exist, be deleted, and be deleted
   * at or before `cutoff`, else INVALID_PARAMETER_VALUE), or every one deleted by then; none when
   * `skip` (only the other kind was asked for).
   */
  private async pick(
    table: 'runs' | 'experiments',
    field: string,
    wanted: readonly string[] | null,
    cutoff: number,
    skip: boolean,
  ): Promise<string[]> {
    if (skip) return [];
    const key = table === 'runs' ? 'id' : 'id::text';
    // experiments have no deletion time: their last update is the deletion, as MLflow's gc reads it
    const time = table === 'runs' ? 'deleted_time' : 'last_update_time';
    if (wanted === null) {
      const rows = await this.db.query<{ id: string }>(
        `select ${key} as id from ${table}
          where lifecycle_stage = 'deleted' and coalesce(${time}, 0) <= $1`,
        [cutoff],
      );
      return rows.map((r) => r.id);
    }
    const rows = await this.db.query<{ id: string; stage: string; deleted: number | null }>(
      `select ${key} as id, lifecycle_stage as stage, ${time} as deleted from ${table}
        where ${key} = any($1::text[])`,
      [wanted],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    wanted.forEach((id, i) => {
      const row = byId.get(id);
      const what = table === 'runs' ? 'Run' : 'Experiment';
      if (!row) throw new ValidationError(`${field}[${i}]`, `${what} ${id} does not exist`);
      if (row.stage !== 'deleted') {
        throw new ValidationError(
          `${field}[${i}]`,
          `${what} ${id} is not in the deleted lifecycle stage; only deleted ones can be purged`,
        );
      }
      if ((row.deleted ?? 0) > cutoff) {
        throw new ValidationError(`${field}[${i}]`, `${what} ${id} was deleted too recently`);
      }
    });
    return [...new Set(wanted)];
  }
}
