import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Db, SqlClient } from '../../shared/db.ts';
import { InvalidStateError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { groupByKeys } from '../../shared/group.ts';
import { newId } from '../../shared/ids.ts';
import { LIMITS } from '../../shared/limits.ts';
import { truncate, validateLength, validateTimestamp } from '../../shared/validation.ts';
import type { AuditLog } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import type { ExperimentService, LifecycleStage } from '../experiments/public.ts';
import { type KeyValue, normaliseTags, type ParamsTagsService } from '../params-tags/public.ts';
import type { Publisher } from '../subscriptions/public.ts';
import { type Run, RunSchema, type RunStatus } from './run.entity.ts';
import { CREATE_RUN_SQL, RUN_COLUMNS } from './run.sql.ts';
import { randomRunName } from './run-names.ts';

/** System tag holding the run name (kept in step with `runs.name`). */
export const RUN_NAME_TAG = 'mlflow.runName';
/** System tag naming the parent of a nested run (mirrored in `runs.parent_run_id`). */
export const PARENT_RUN_TAG = 'mlflow.parentRunId';
/** System tag holding the user who started the run (mirrored in `runs.user_id`). */
export const USER_TAG = 'mlflow.user';

export interface TagInput {
  key: string;
  value: string;
}

export interface CreateRunInput {
  experimentId?: string | null;
  runName?: string | null;
  startTime?: number | null;
  userId?: string | null;
  tags?: TagInput[] | null;
}

export interface UpdateRunInput {
  status?: RunStatus | null;
  endTime?: number | null;
  runName?: string | null;
}

/** A row of `run_tags` (the `RunTag` entity of params-tags). */
interface RunTagRow {
  runId: string;
  key: string;
  value: string;
}

function runNotFound(id: string): NotFoundError {
  return new NotFoundError('Run', id, `Run with id=${id} not found`);
}

function assertActive(id: string, stage: string): void {
  if (stage !== 'active') {
    throw new InvalidStateError(
      `The run ${id} must be in the 'active' state. Current state is ${stage}.`,
    );
  }
}

/** Runs: creation, lifecycle, lookups and pages. */
export class RunService {
  constructor(
    private readonly db: Db,
    private readonly experiments: ExperimentService,
    private readonly publisher: Publisher,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
    private readonly paramsTags: ParamsTagsService,
  ) {}

  /**
   * Creates a RUNNING run in an active experiment (default "0").
   *
   * @remarks The name comes from `runName`, else the `mlflow.runName` tag, else a random name; both
   * given and different is INVALID_PARAMETER_VALUE. The tag is always stored. `mlflow.parentRunId`
   * and `mlflow.user` tags fill the parent and user columns.
   */
  async create(input: CreateRunInput): Promise<Run> {
    const experimentId = input.experimentId ?? '0';
    const tags = normaliseTags(input.tags ?? []);
    const tagName = tags.find((t) => t.key === RUN_NAME_TAG)?.value;
    if (input.runName != null && tagName !== undefined && input.runName !== tagName) {
      throw new ValidationError(
        'runName',
        `Both 'runName' ('${input.runName}') and the '${RUN_NAME_TAG}' tag ('${tagName}') were given and they differ.`,
      );
    }
    const name = input.runName || tagName || randomRunName();
    validateLength(name, LIMITS.maxRunNameLength, 'runName');
    if (tagName === undefined) tags.push({ key: RUN_NAME_TAG, value: name });
    const startTime = input.startTime || Date.now();
    validateTimestamp(startTime, 'startTime');
    const expId = this.experiments.parseId(experimentId);
    await this.access.experiment(expId, 'EDIT');
    const id = newId();
    const parent = tags.find((t) => t.key === PARENT_RUN_TAG)?.value ?? null;
    const userId = input.userId ?? tags.find((t) => t.key === USER_TAG)?.value ?? '';
    const [row] = await this.db.query<Run & { storedTags: KeyValue[] }>(
      CREATE_RUN_SQL,
      [
        id,
        expId,
        name,
        truncate(userId, 256),
        startTime,
        parent,
        tags.map((t) => t.key),
        tags.map((t) => t.value),
        ...this.audit.row('run', id, 'create', { experimentId: String(expId), name }),
      ],
      'trackql_create_run',
    );
    // nothing inserted: the experiment is missing or deleted, and getActive says which
    if (!row) await this.experiments.getActive(experimentId);
    const { storedTags, ...run } = row!;
    // the new run's tags as committed: this request's reads of them need no statement
    this.paramsTags.knowRunTags(run.id, storedTags);
    this.publisher.run({ kind: 'CREATED', ...RunService.stateOf(run), tags });
    return run;
  }

  /** The fields of a run that run events carry. */
  static stateOf(run: Run) {
    return {
      runId: run.id,
      experimentId: String(run.experimentId),
      status: run.status,
      endTime: run.endTime ?? null,
      name: run.name,
      lifecycleStage: run.lifecycleStage,
    };
  }

  /** Finds a readable run by id, active or deleted; null when absent or unreadable. */
  async findById(id: string): Promise<Run | null> {
    const rows = await this.db.query<Run>(`select ${RUN_COLUMNS} from runs where id = $1`, [id]);
    const [run] = await this.access.readable(rows, (r) => r.experimentId);
    return run ?? null;
  }

  /** Loads readable runs for a dataloader (one query); order is restored by the caller's `sort`. */
  async findByIds(ids: readonly string[]): Promise<Run[]> {
    const rows = await this.db.query<Run>(`select ${RUN_COLUMNS} from runs where id = any($1)`, [
      ids,
    ]);
    return this.access.readable(rows, (r) => r.experimentId);
  }

  /** Returns the run or throws NotFoundError. */
  async get(id: string): Promise<Run> {
    const run = await this.findById(id);
    if (!run) throw runNotFound(id);
    return run;
  }

  /**
   * Locks an active run for writing inside a transaction; throws if missing or deleted.
   *
   * @remarks The raw-SQL twin of {@link lockActiveRun}, for the hot paths (log-batch ingest) that
   * need no entity: one statement, no hydration.
   */
  static async lockActive(
    sql: SqlClient,
    id: string,
  ): Promise<{ lastSeq: number; experimentId: string }> {
    const [row] = await sql.query<{ lifecycle_stage: string; last_seq: number; exp: string }>(
      'select lifecycle_stage, last_seq, experiment_id::text as exp from runs where id = $1 for update',
      [id],
    );
    if (!row) throw runNotFound(id);
    assertActive(id, row.lifecycle_stage);
    return { lastSeq: row.last_seq, experimentId: row.exp };
  }

  /**
   * Loads a run with a row lock (`for update`) inside `em`'s transaction, its values read fresh;
   * RESOURCE_DOES_NOT_EXIST when missing.
   */
  static async lockRun(em: EntityManager, id: string): Promise<Run> {
    // refresh: a run this request already loaded must show the values the lock protects
    const run = await em.findOne(
      RunSchema,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!run) throw runNotFound(id);
    return run;
  }

  /** {@link lockRun}, and INVALID_STATE unless the run is active. */
  static async lockActiveRun(em: EntityManager, id: string): Promise<Run> {
    const run = await RunService.lockRun(em, id);
    assertActive(id, run.lifecycleStage);
    return run;
  }

  /**
   * Updates status, end time and/or name of an active run.
   *
   * @remarks A new name is written to the column and the `mlflow.runName` tag together. The run
   * is locked first, so a concurrent delete either comes before (INVALID_STATE) or waits.
   */
  async update(id: string, input: UpdateRunInput): Promise<Run> {
    if (input.endTime != null) validateTimestamp(input.endTime, 'endTime');
    if (input.runName != null) validateLength(input.runName, LIMITS.maxRunNameLength, 'runName');
    await this.access.run(id, 'EDIT');
    const run = await this.db.transaction(async (_sql, em) => {
      const run = await RunService.lockActiveRun(em, id);
      if (input.runName) {
        // run tags belong to params-tags, which sits above runs: named, not imported
        await em.upsert<RunTagRow>('RunTag', {
          runId: id,
          key: RUN_NAME_TAG,
          value: input.runName,
        });
        run.name = input.runName;
      }
      if (input.status != null) run.status = input.status;
      if (input.endTime != null) run.endTime = input.endTime;
      await this.audit.record('run', id, 'update', {
        ...(input.status != null ? { status: input.status } : {}),
        ...(input.endTime != null ? { endTime: input.endTime } : {}),
        ...(input.runName ? { name: input.runName } : {}),
      });
      return run;
    });
    const state = RunService.stateOf(run);
    if (input.runName) this.publisher.run({ kind: 'RENAMED', ...state });
    if (input.status != null || input.endTime != null) {
      const ended = !['RUNNING', 'SCHEDULED'].includes(run.status);
      this.publisher.run({ kind: ended ? 'ENDED' : 'STATUS_CHANGED', ...state });
    }
    return run;
  }

  /** Marks a run deleted (repeatable: the deletion time moves on); its data is kept. */
  async delete(id: string): Promise<Run> {
    await this.access.run(id, 'EDIT');
    const run = await this.setStage(id, 'deleted');
    this.publisher.run({ kind: 'DELETED', ...RunService.stateOf(run) });
    return run;
  }

  /** Marks a run active again. */
  async restore(id: string): Promise<Run> {
    await this.access.run(id, 'EDIT');
    const run = await this.setStage(id, 'active');
    this.publisher.run({ kind: 'RESTORED', ...RunService.stateOf(run) });
    return run;
  }

  private setStage(id: string, stage: LifecycleStage): Promise<Run> {
    return this.db.transaction(async (_sql, em) => {
      const run = await RunService.lockRun(em, id);
      run.lifecycleStage = stage;
      run.deletedTime = stage === 'deleted' ? Date.now() : null;
      await this.audit.record('run', id, stage === 'deleted' ? 'delete' : 'restore');
      return run;
    });
  }

  /** Child runs of each parent id (one query), for a loadable list. */
  async childrenOf(parentIds: readonly string[]): Promise<Run[][]> {
    const all = await this.db.query<Run>(
      `select ${RUN_COLUMNS} from runs where parent_run_id = any($1) order by start_time, id`,
      [parentIds],
    );
    const rows = await this.access.readable(all, (r) => r.experimentId);
    return groupByKeys(parentIds, rows, (r) => r.parentRunId);
  }
}
