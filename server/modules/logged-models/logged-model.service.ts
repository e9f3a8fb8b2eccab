import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Db } from '../../shared/db.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { groupByKeys } from '../../shared/group.ts';
import { isRunIdShape, newId } from '../../shared/ids.ts';
import { LIMITS } from '../../shared/limits.ts';
import { validateLength } from '../../shared/validation.ts';
import { type AuditLog, someKeys } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import { ExperimentSchema, type ExperimentService } from '../experiments/public.ts';
import {
  assertParamsUnchanged,
  type KeyValue,
  normaliseParams,
  normaliseTags,
} from '../params-tags/public.ts';
import { randomRunName } from '../runs/public.ts';
import {
  type LoggedModel,
  LoggedModelSchema,
  type LoggedModelStatus,
} from './logged-model.entity.ts';
import { LoggedModelParamSchema, LoggedModelTagSchema } from './logged-model-data.entity.ts';
import { MODEL_ID_PREFIX } from './model-rows.sql.ts';
import { checkCount, lockActiveModel, validateName } from './model-rules.ts';

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

/**
 * Logged models (MLflow 3): creation, lookup, finalize, soft delete, tags and params.
 *
 * @remarks (quirk, decided) MLflow lets tag, param and finalize writes reach a deleted model; here
 * a deleted model is RESOURCE_DOES_NOT_EXIST for every write, as it is for a lookup without
 * `allowDeleted`.
 */
export class LoggedModelService {
  constructor(
    private readonly em: EntityManager,
    private readonly db: Db,
    private readonly experiments: ExperimentService,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Creates a PENDING model in an active experiment, with its params and tags, in one transaction.
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
    const model = await this.db.transaction(async (_sql, em) => {
      const exp = await em.findOne(ExperimentSchema, { id: expId, lifecycleStage: 'active' });
      if (!exp) return null;
      const id = `${MODEL_ID_PREFIX}${newId()}`;
      const now = Date.now();
      const created = em.create(LoggedModelSchema, {
        id,
        experimentId: expId,
        name,
        modelType: input.modelType ?? null,
        sourceRunId: input.sourceRunId ?? null,
        status: 'PENDING',
        lifecycleStage: 'active',
        artifactLocation: `${exp.artifactLocation}/models/${id}/artifacts`,
        creationTime: now,
        lastUpdatedTime: now,
      });
      for (const p of params) em.create(LoggedModelParamSchema, { modelId: id, ...p });
      for (const t of tags) em.create(LoggedModelTagSchema, { modelId: id, ...t });
      await this.audit.record('logged_model', id, 'create', { experimentId: String(expId), name });
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
    const model = await this.em.findOne(LoggedModelSchema, {
      id,
      ...(allowDeleted ? {} : { lifecycleStage: 'active' as const }),
    });
    const [readable] = await this.access.readableModels(
      model ? [model] : [],
      (m) => m.id,
      (m) => m.experimentId,
    );
    return readable ?? null;
  }

  /** Models by id, deleted ones included, for a dataloader (one query). */
  async findByIds(ids: readonly string[]): Promise<LoggedModel[]> {
    const rows = await this.em.find(LoggedModelSchema, { id: { $in: [...ids] } });
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
    return this.updateActive(id, 'finalize', { status }, (m) => {
      m.status = status;
    });
  }

  /** Soft-deletes a model: `loggedModel` then needs `allowDeleted`, search never returns it. */
  delete(id: string): Promise<LoggedModel> {
    return this.updateActive(id, 'delete', null, (m) => {
      m.lifecycleStage = 'deleted';
    });
  }

  /** Changes an active model under its row lock, bumping `lastUpdatedTimestamp`, with its audit row. */
  private async updateActive(
    id: string,
    verb: string,
    detail: Record<string, unknown> | null,
    change: (model: LoggedModel) => void,
  ): Promise<LoggedModel> {
    await this.access.model(id, 'EDIT');
    return this.db.transaction(async (_sql, em) => {
      const model = await lockActiveModel(em, id, LockMode.PESSIMISTIC_WRITE);
      change(model);
      model.lastUpdatedTime = Date.now();
      await this.audit.record('logged_model', id, verb, detail);
      return model;
    });
  }

  /** Sets (upserts) tags of an active model; at most 100 per call. */
  async setTags(id: string, tags: readonly KeyValue[]): Promise<void> {
    checkCount(tags.length, LIMITS.maxTagsPerBatch, 'tags');
    const valid = normaliseTags(tags);
    await this.access.model(id, 'EDIT');
    await this.db.transaction(async (_sql, em) => {
      // a shared lock: tag writers of one model run side by side, a delete waits for them
      await lockActiveModel(em, id, LockMode.PESSIMISTIC_READ);
      if (valid.length === 0) return;
      await em.upsertMany(
        LoggedModelTagSchema,
        valid.map((t) => ({ modelId: id, ...t })),
      );
      await this.audit.record('logged_model', id, 'set_tags', {
        count: valid.length,
        keys: someKeys(valid.map((t) => t.key)),
      });
    });
  }

  /** Deletes a tag of an active model; a missing model or key is RESOURCE_DOES_NOT_EXIST. */
  async deleteTag(id: string, key: string): Promise<void> {
    await this.access.model(id, 'EDIT');
    await this.db.transaction(async (_sql, em) => {
      await lockActiveModel(em, id, LockMode.PESSIMISTIC_READ);
      const tag = await em.findOne(LoggedModelTagSchema, { modelId: id, key });
      if (!tag) {
        throw new NotFoundError(
          'LoggedModelTag',
          key,
          `No tag with key '${key}' found for model with ID '${id}'.`,
        );
      }
      em.remove(tag);
      await this.audit.record('logged_model', id, 'delete_tag', { key });
    });
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
    await this.db.transaction(async (_sql, em) => {
      // for update: concurrent writers of one model's params take turns, so the check holds
      await lockActiveModel(em, id, LockMode.PESSIMISTIC_WRITE);
      const existing = await em.find(LoggedModelParamSchema, {
        modelId: id,
        key: { $in: valid.map((p) => p.key) },
      });
      assertParamsUnchanged(valid, existing, `model ID='${id}'`);
      const logged = new Set(existing.map((p) => p.key));
      const added = valid.filter((p) => !logged.has(p.key));
      for (const p of added) em.create(LoggedModelParamSchema, { modelId: id, ...p });
      if (added.length > 0) {
        await this.audit.record('logged_model', id, 'log_params', {
          count: added.length,
          keys: someKeys(added.map((p) => p.key)),
        });
      }
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
