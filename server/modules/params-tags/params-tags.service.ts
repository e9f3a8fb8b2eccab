import type { Db } from '../../shared/db.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { groupByKeys } from '../../shared/group.ts';
import type { AuditLog } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import type { ExperimentService } from '../experiments/public.ts';
import { PARENT_RUN_TAG, RunService } from '../runs/public.ts';
import type { Publisher } from '../subscriptions/public.ts';

/** A key/value pair: a param or a tag. */
export interface KeyValue {
  key: string;
  value: string;
}

interface OwnedKeyValue extends KeyValue {
  owner: string;
}

/** Params, run tags and experiment tags: batched reads and the tag writes outside logBatch. */
export class ParamsTagsService {
  constructor(
    private readonly db: Db,
    private readonly experiments: ExperimentService,
    private readonly publisher: Publisher,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  private async byOwner(
    table: 'params' | 'run_tags' | 'experiment_tags',
    ids: readonly string[],
  ): Promise<KeyValue[][]> {
    const [column, type] =
      table === 'experiment_tags' ? ['experiment_id', 'bigint'] : ['run_id', 'text'];
    const rows = await this.db.query<OwnedKeyValue>(
      `select ${column}::text as owner, key, value from ${table}
       where ${column} = any($1::${type}[]) order by ${column}, key`,
      [ids],
    );
    return groupByKeys(ids, rows, (r) => r.owner);
  }

  /** Params of each run, sorted by key (one query). */
  paramsByRunIds(runIds: readonly string[]): Promise<KeyValue[][]> {
    return this.byOwner('params', runIds);
  }

  /** Tags of each run, sorted by key (one query). */
  tagsByRunIds(runIds: readonly string[]): Promise<KeyValue[][]> {
    return this.byOwner('run_tags', runIds);
  }

  /** Tags of each experiment, sorted by key (one query); ids that are not integers get none. */
  experimentTagsByIds(experimentIds: readonly string[]): Promise<KeyValue[][]> {
    return this.byOwner(
      'experiment_tags',
      experimentIds.map((id) => (/^\d{1,15}$/.test(id) ? id : '-1')),
    );
  }

  /** Sets (upserts) a tag on an active experiment. */
  async setExperimentTag(experimentId: string, key: string, value: string): Promise<void> {
    this.experiments.validateTag(key, value, 'tag');
    await this.access.experiment(experimentId, 'EDIT');
    const exp = await this.experiments.getActive(experimentId);
    await this.db.query(
      ...this.audit.audited(
        `insert into experiment_tags (experiment_id, key, value) values ($1, $2, $3)
         on conflict (experiment_id, key) do update set value = excluded.value returning key`,
        [exp.id, key, value],
        'experiment',
        String(exp.id),
        'set_tag',
        { key },
      ),
    );
  }

  /** Deletes a tag of an active experiment; a missing key is RESOURCE_DOES_NOT_EXIST. */
  async deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    await this.access.experiment(experimentId, 'EDIT');
    const exp = await this.experiments.getActive(experimentId);
    const rows = await this.db.query(
      ...this.audit.audited(
        'delete from experiment_tags where experiment_id = $1 and key = $2 returning key',
        [exp.id, key],
        'experiment',
        String(exp.id),
        'delete_tag',
        { key },
      ),
    );
    if (rows.length === 0) {
      throw new NotFoundError(
        'ExperimentTag',
        key,
        `No tag with name: ${key} in experiment with id ${experimentId}`,
      );
    }
  }

  /**
   * Deletes a tag of an active run; a missing key is RESOURCE_DOES_NOT_EXIST.
   *
   * @remarks Deleting `mlflow.runName` leaves the run's name column as it is, as MLflow does;
   * deleting `mlflow.parentRunId` detaches the run from its parent.
   */
  async deleteRunTag(runId: string, key: string): Promise<void> {
    await this.access.run(runId, 'EDIT');
    const { experimentId } = await this.db.transaction(async (sql) => {
      const locked = await RunService.lockActive(sql, runId);
      const rows = await sql.query(
        ...this.audit.audited(
          'delete from run_tags where run_id = $1 and key = $2 returning key',
          [runId, key],
          'run',
          runId,
          'delete_tag',
          { key },
        ),
      );
      if (rows.length === 0) {
        throw new NotFoundError('RunTag', key, `No tag with name: ${key} in run with id ${runId}`);
      }
      if (key === PARENT_RUN_TAG) {
        await sql.query('update runs set parent_run_id = null where id = $1', [runId]);
      }
      return locked;
    });
    this.publisher.run({ kind: 'TAG_DELETED', runId, experimentId, tagKey: key });
  }
}
