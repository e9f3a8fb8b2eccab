import type { Db } from '../../shared/db.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { groupByKeys } from '../../shared/group.ts';
import { isRunIdShape, newId } from '../../shared/ids.ts';
import { LIMITS } from '../../shared/limits.ts';
import { validateLength } from '../../shared/validation.ts';
import type { PermissionService } from '../auth/public.ts';
import type { AuditLog } from '../audit/public.ts';
import type { ExperimentService } from '../experiments/public.ts';
import {
  assertParamsUnchanged,
  type KeyValue,
  normaliseParams,
  normaliseTags,
} from '../params-tags/public.ts';
import { randomRunName } from '../runs/public.ts';
import type { LoggedModel, LoggedModelStatus } from './logged-model.entity.ts';
import { MODEL_COLUMNS, MODEL_ID_PREFIX, modelNotFound } from './model-rows.sql.ts';

export interface CreateLoggedModelInput {
  experimentId: string;
  name?: string | null;
  modelType?: string | null;
  sourceRunId?: string | null;
  params?: readonly KeyValue[] | null;
  tags?: readonly KeyValue[] | null;
}

interface OwnedKeyValue extends KeyValue {
  owner: string;
}

const FORBIDDEN_NAME_CHARS = /[/:.%"']/;

// One round trip: the model is inserted only into an active experiment, with its params and tags.
const CREATE_MODEL_SQL = `with e as (
    select id, artifact_location from experiments where id = $2 and lifecycle_stage = 'active'
  ), m as (
    insert into logged_models (id, experiment_id, name, model_type, source_run_id, status,
      lifecycle_stage, artifact_location, creation_time, last_updated_time)
    select $1::text, e.id, $3, $4, $5, 'PENDING', 'active',
      e.artifact_location || '/models/' || $1::text || '/artifacts', $6, $6 from e
    returning *
  ), p as (
    insert into logged_model_params (model_id, key, value)
    select m.id, k, v from m, unnest($7::text[], $8::text[]) as x(k, v)
  ), t as (
    insert into logged_model_tags (model_id, key, value)
    select m.id, k, v from m, unnest($9::text[], $10::text[]) as x(k, v)
  )
  select ${MODEL_COLUMNS} from m`;

function validateName(name: string): void {
  validateLength(name, LIMITS.maxLoggedModelNameLength, 'name');
  if (FORBIDDEN_NAME_CHARS.test(name)) {
    throw new ValidationError(
      'name',
      `Invalid model name '${name}': names must not contain '/', ':', '.', '%', '"' or "'".`,
    );
  }
}

function checkCount(n: number, max: number, field: string): void {
  if (n > max) {
    throw new ValidationError(field, `At most ${max} ${field} per request; got ${n}.`);
  }
}

/**
 * Logged models (MLflow 3): creation, lookup, finalize, soft delete, tags and params.
 *
 * @remarks (quirk, decided) MLflow lets tag, param and finalize writes reach a deleted model; here
 * a deleted model is RESOURCE_DOES_NOT_EXIST for every write, as it is for a lookup without
 * `allowDeleted`.
 */
export class LoggedModelService {
  constructor(
    private readonly db: Db,
    private readonly experiments: ExperimentService,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Creates a PENDING model in an active experiment, with its params and tags, in one statement.
   *
   * @remarks An absent or empty name gets a random run-style name. `sourceRunId` is not checked
   * against the runs (MLflow). A missing experiment is RESOURCE_DOES_NOT_EXIST, a deleted one
   * INVALID_PARAMETER_VALUE (MLflow's code). At most 100 params and 100 tags per call.
   */
  async create(input: CreateLoggedModelInput): Promise<LoggedModel> {
    const name = input.name || randomRunName();
    validateName(name);
    if (input.modelType != null)
      validateLength(input.modelType, LIMITS.maxModelTypeLength, 'modelType');
    if (
      input.sourceRunId != null &&
      (!isRunIdShape(input.sourceRunId) || input.sourceRunId.length > 32)
    ) {
      throw new ValidationError('sourceRunId', `Invalid run id '${input.sourceRunId}'`);
    }
    checkCount(input.params?.length ?? 0, LIMITS.maxParamsPerBatch, 'params');
    checkCount(input.tags?.length ?? 0, LIMITS.maxTagsPerBatch, 'tags');
    const params = normaliseParams(input.params ?? []);
    const tags = normaliseTags(input.tags ?? []);
    const expId = this.experiments.parseId(input.experimentId);
    await this.access.experiment(expId, 'EDIT');
    const model = await this.db.transaction(async (sql) => {
      const [created] = await sql.query<LoggedModel>(CREATE_MODEL_SQL, [
        `${MODEL_ID_PREFIX}${newId()}`,
        expId,
        name,
        input.modelType ?? null,
        input.sourceRunId ?? null,
        Date.now(),
        params.map((p) => p.key),
        params.map((p) => p.value),
        tags.map((t) => t.key),
        tags.map((t) => t.value),
      ]);
      if (created) {
        await this.audit.record('logged_model', created.id, 'create', {
          experimentId: String(expId),
          name,
        });
      }
      return created;
    });
    if (model) {
      await this.access.grantCreator('model', model.id);
      return model;
    }
    // nothing inserted: the experiment is missing (get throws) or deleted
    await this.experiments.get(input.experimentId);
    throw new ValidationError(
      'experimentId',
      `Cannot create a logged model in experiment ${input.experimentId}: it must be in the 'active' state. Current state is deleted.`,
    );
  }

  /** A model by id; deleted ones only with `allowDeleted`; null when absent. */
  async findById(id: string, allowDeleted = false): Promise<LoggedModel | null> {
    const [model] = await this.db.query<LoggedModel>(
      `select ${MODEL_COLUMNS} from logged_models where id = $1 ${allowDeleted ? '' : `and lifecycle_stage = 'active'`}`,
      [id],
    );
    const [readable] = await this.access.readableModels(
      model ? [model] : [],
      (m) => m.id,
      (m) => m.experimentId,
    );
    return readable ?? null;
  }

  /** Models by id, deleted ones included, for a dataloader (one query). */
  async findByIds(ids: readonly string[]): Promise<LoggedModel[]> {
    const rows = await this.db.query<LoggedModel>(
      `select ${MODEL_COLUMNS} from logged_models where id = any($1::text[])`,
      [ids],
    );
    return this.access.readableModels(
      rows,
      (m) => m.id,
      (m) => m.experimentId,
    );
  }

  /**
   * Sets the final status (READY or UPLOAD_FAILED) and bumps `lastUpdatedTimestamp`.
   *
   * @remarks No transition check, as in MLflow: READY → UPLOAD_FAILED and re-finalizing succeed.
   */
  async finalize(id: string, status: LoggedModelStatus): Promise<LoggedModel> {
    if (status === 'PENDING') {
      throw new ValidationError(
        'status',
        'A model can only be finalized as READY or UPLOAD_FAILED',
      );
    }
    return this.updateActive(id, 'finalize', 'status = $2, last_updated_time = $3', [
      status,
      Date.now(),
    ]);
  }

  /** Soft-deletes a model: `loggedModel` then needs `allowDeleted`, search never returns it. */
  delete(id: string): Promise<LoggedModel> {
    return this.updateActive(id, 'delete', `lifecycle_stage = 'deleted', last_updated_time = $2`, [
      Date.now(),
    ]);
  }

  private async updateActive(
    id: string,
    verb: string,
    set: string,
    values: unknown[],
  ): Promise<LoggedModel> {
    await this.access.model(id, 'EDIT');
    return this.db.transaction(async (sql) => {
      const [model] = await sql.query<LoggedModel>(
        `update logged_models set ${set} where id = $1 and lifecycle_stage = 'active' returning ${MODEL_COLUMNS}`,
        [id, ...values],
      );
      if (!model) throw modelNotFound(id);
      await this.audit.record(
        'logged_model',
        id,
        verb,
        verb === 'finalize' ? { status: values[0] } : null,
      );
      return model;
    });
  }

  /** Sets (upserts) tags of an active model in one statement; at most 100 per call. */
  async setTags(id: string, tags: readonly KeyValue[]): Promise<void> {
    checkCount(tags.length, LIMITS.maxTagsPerBatch, 'tags');
    const valid = normaliseTags(tags);
    await this.access.model(id, 'EDIT');
    const rows = await this.db.query(
      `with m as (select id from logged_models where id = $1 and lifecycle_stage = 'active' for share),
       t as (insert into logged_model_tags (model_id, key, value)
         select m.id, k, v from m, unnest($2::text[], $3::text[]) as x(k, v)
         on conflict (model_id, key) do update set value = excluded.value)
       select id from m`,
      [id, valid.map((t) => t.key), valid.map((t) => t.value)],
    );
    if (rows.length === 0) throw modelNotFound(id);
  }

  /** Deletes a tag of an active model; a missing model or key is RESOURCE_DOES_NOT_EXIST. */
  async deleteTag(id: string, key: string): Promise<void> {
    await this.access.model(id, 'EDIT');
    const [row] = await this.db.query<{ found: number; deleted: number }>(
      `with m as (select id from logged_models where id = $1 and lifecycle_stage = 'active' for share),
       d as (delete from logged_model_tags t using m where t.model_id = m.id and t.key = $2 returning t.key)
       select (select count(*) from m)::int as found, (select count(*) from d)::int as deleted`,
      [id, key],
    );
    if (!row?.found) throw modelNotFound(id);
    if (!row.deleted) {
      throw new NotFoundError(
        'LoggedModelTag',
        key,
        `No tag with key '${key}' found for model with ID '${id}'.`,
      );
    }
  }

  /**
   * Logs params of an active model; at most 100 per call.
   *
   * @remarks Params are immutable: a key already logged with another value rejects the whole call
   * (INVALID_PARAMETER_VALUE) and writes nothing; the same value again is accepted, as for runs.
   */
  async logParams(id: string, params: readonly KeyValue[]): Promise<void> {
    checkCount(params.length, LIMITS.maxParamsPerBatch, 'params');
    const valid = normaliseParams(params);
    await this.access.model(id, 'EDIT');
    await this.db.transaction(async (sql) => {
      // for update: concurrent writers of one model's params take turns, so the check holds
      const [m] = await sql.query(
        `select id from logged_models where id = $1 and lifecycle_stage = 'active' for update`,
        [id],
      );
      if (!m) throw modelNotFound(id);
      const keys = valid.map((p) => p.key);
      const existing = await sql.query<KeyValue>(
        'select key, value from logged_model_params where model_id = $1 and key = any($2::text[])',
        [id, keys],
      );
      assertParamsUnchanged(valid, existing, `model ID='${id}'`);
      await sql.query(
        `insert into logged_model_params (model_id, key, value)
         select $1, k, v from unnest($2::text[], $3::text[]) as x(k, v) on conflict do nothing`,
        [id, keys, valid.map((p) => p.value)],
      );
    });
  }

  private async byModel(
    table: 'logged_model_params' | 'logged_model_tags',
    ids: readonly string[],
  ): Promise<KeyValue[][]> {
    const rows = await this.db.query<OwnedKeyValue>(
      `select model_id as owner, key, value from ${table} where model_id = any($1::text[]) order by model_id, key`,
      [ids],
    );
    return groupByKeys(ids, rows, (r) => r.owner);
  }

  /** Params of each model, sorted by key (one query). */
  paramsByModelIds(ids: readonly string[]): Promise<KeyValue[][]> {
    return this.byModel('logged_model_params', ids);
  }

  /** Tags of each model, sorted by key (one query). */
  tagsByModelIds(ids: readonly string[]): Promise<KeyValue[][]> {
    return this.byModel('logged_model_tags', ids);
  }
}
