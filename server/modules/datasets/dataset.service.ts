import type { EntityManager } from '@mikro-orm/postgresql';
import type { Db } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import { groupByKeys } from '../../shared/group.ts';
import { newId } from '../../shared/ids.ts';
import type { AuditLog } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import { insertModelInputs } from '../logged-models/public.ts';
import type { KeyValue } from '../params-tags/public.ts';
import { RunService } from '../runs/public.ts';
import { DatasetInputSchema, DatasetSchema, InputTagSchema } from './dataset.entity.ts';
import {
  DATASET_LIMITS,
  type DatasetInputSpec,
  type DatasetSpec,
  validateInputs,
} from './dataset.validation.ts';
import {
  CONTEXT_TAG,
  type DatasetClause,
  datasetFilterSql,
  type SqlFragment,
} from './dataset-filter.ts';

/** A stored dataset: experiment-scoped, identified by (experiment, name, digest). */
export interface Dataset {
  id: string;
  experimentId: string;
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  schema: string | null;
  profile: string | null;
}

/** A dataset used by a run, with the input's tags. */
export interface RunInput {
  inputId: string;
  runId: string;
  dataset: Dataset;
  tags: KeyValue[];
}

/** One distinct (experiment, name, digest, context) of an experiment's dataset inputs. */
export interface DatasetSummary {
  experimentId: string;
  name: string;
  digest: string;
  context: string | null;
}

/** Most summaries returned per experiment (MLflow's search-datasets cap). */
const MAX_SUMMARIES = 1000;

/** Datasets and the runs' dataset inputs (MLflow log-inputs). */
export class DatasetService {
  constructor(
    private readonly db: Db,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Records datasets (and models) as inputs of an active run, all or nothing.
   *
   * @remarks Datasets are reused per (experiment, name, digest) and never updated; an input
   * already recorded for the run is a no-op, its tags unchanged (MLflow). Model inputs must name
   * existing, non-deleted models (RESOURCE_DOES_NOT_EXIST); one already recorded is a no-op. One
   * transaction; the run must exist (RESOURCE_DOES_NOT_EXIST) and be active (INVALID_STATE).
   */
  async logInputs(
    runId: string,
    inputs: readonly DatasetInputSpec[],
    modelIds: readonly string[] = [],
  ): Promise<void> {
    const valid = validateInputs(runId, inputs);
    await this.access.run(runId, 'EDIT');
    await Promise.all(modelIds.map((id) => this.access.model(id, 'READ')));
    if (modelIds.length > DATASET_LIMITS.maxDatasetsPerRequest) {
      throw new ValidationError(
        'models',
        `A logInputs request can contain at most ${DATASET_LIMITS.maxDatasetsPerRequest} models. Got ${modelIds.length}.`,
      );
    }
    const now = Date.now();
    await this.db.transaction(async (sql, em) => {
      const run = await RunService.lockActiveRun(em, runId);
      // run ↔ model edges are a plain table, written set-based by logged-models
      const models = await insertModelInputs(sql, runId, modelIds, now);
      if (valid.length === 0) {
        if (models > 0)
          await this.audit.record('run', runId, 'log_inputs', { datasets: 0, models });
        return;
      }
      const datasetIds = await this.ensureDatasets(
        em,
        run.experimentId,
        valid.map((v) => v.dataset),
        now,
      );
      // the run is locked: no other call links datasets to it meanwhile
      const linked = await em.find(DatasetInputSchema, {
        runId,
        datasetId: { $in: datasetIds },
      });
      const already = new Set(linked.map((i) => i.datasetId));
      let datasets = 0;
      valid.forEach((v, i) => {
        const datasetId = datasetIds[i]!;
        if (already.has(datasetId)) return;
        const inputId = newId();
        em.create(DatasetInputSchema, { id: inputId, runId, datasetId, createdTime: now });
        for (const t of v.tags) em.create(InputTagSchema, { inputId, ...t });
        datasets++;
      });
      if (datasets > 0 || models > 0) {
        await this.audit.record('run', runId, 'log_inputs', { datasets, models });
      }
    });
  }

  /**
   * Creates the datasets of an experiment that do not exist yet; returns the id of each spec, in
   * order.
   *
   * @remarks Datasets are shared by the experiment's runs, whose calls do not lock each other: a
   * dataset another call creates meanwhile is taken as found (`on conflict do nothing`), not an
   * error.
   */
  private async ensureDatasets(
    em: EntityManager,
    experimentId: number,
    specs: DatasetSpec[],
    now: number,
  ): Promise<string[]> {
    const key = (d: { name: string; digest: string }) => JSON.stringify([d.name, d.digest]);
    const find = (of: DatasetSpec[]) =>
      em.find(DatasetSchema, {
        experimentId,
        $or: of.map((d) => ({ name: d.name, digest: d.digest })),
      });
    const ids = new Map((await find(specs)).map((d) => [key(d), d.id]));
    const missing = specs.filter((d) => !ids.has(key(d)));
    if (missing.length > 0) {
      await em
        .createQueryBuilder(DatasetSchema)
        .insert(
          missing.map((d) => ({
            id: newId(),
            experimentId,
            name: d.name,
            digest: d.digest,
            sourceType: d.sourceType,
            source: d.source,
            schema: d.schema ?? null,
            profile: d.profile ?? null,
            createdTime: now,
          })),
        )
        .onConflict(['experimentId', 'name', 'digest'])
        .ignore()
        .execute();
      for (const d of await find(missing)) ids.set(key(d), d.id);
    }
    return specs.map((d) => ids.get(key(d))!);
  }

  /** Dataset inputs of each run with their tags, in logging order (one query). */
  async inputsByRunIds(runIds: readonly string[]): Promise<RunInput[][]> {
    const rows = await this.db.query<RunInput>(
      `select di.id as "inputId", di.run_id as "runId",
         json_build_object('id', d.id, 'experimentId', d.experiment_id::text, 'name', d.name,
           'digest', d.digest, 'sourceType', d.source_type, 'source', d.source,
           'schema', d.schema, 'profile', d.profile) as dataset,
         coalesce((select json_agg(json_build_object('key', t.key, 'value', t.value) order by t.key)
                   from input_tags t where t.input_id = di.id), '[]'::json) as tags
       from dataset_inputs di join datasets d on d.id = di.dataset_id
       where di.run_id = any($1::text[]) order by di.run_id, di.created_time, d.name, d.digest`,
      [runIds],
    );
    return groupByKeys(runIds, rows, (r) => r.runId);
  }

  /**
   * Distinct (name, digest, context) of each experiment's dataset inputs (one query).
   *
   * @remarks Sorted by name, digest, then context (absent first); at most 1000 per experiment.
   */
  async summariesByExperimentIds(experimentIds: readonly string[]): Promise<DatasetSummary[][]> {
    // an unreadable experiment has no datasets, as an unknown one
    const readable = await Promise.all(
      experimentIds.map(async (id) => /^\d{1,15}$/.test(id) && this.access.canReadExperiment(id)),
    );
    const ids = experimentIds.map((id, i) => (readable[i] ? id : '-1'));
    const rows = await this.db.query<DatasetSummary>(
      `select "experimentId", name, digest, context from (
         select s.*, row_number() over (partition by "experimentId" order by name, digest, context nulls first) as n
         from (select distinct d.experiment_id::text as "experimentId", d.name, d.digest, t.value as context
               from datasets d join dataset_inputs di on di.dataset_id = d.id
               left join input_tags t on t.input_id = di.id and t.key = $2
               where d.experiment_id = any($1::bigint[])) s) ranked
       where n <= $3 order by "experimentId", n`,
      [ids, CONTEXT_TAG, MAX_SUMMARIES],
    );
    return groupByKeys(ids, rows, (r) => r.experimentId);
  }

  /**
   * SQL for a run-search `datasets.*` clause; see {@link datasetFilterSql}.
   *
   * @example `filterSql({ field: 'context', comparator: 'IN', value: ['eval'] }, { runAlias: 'r', paramOffset: 2 })`
   * gives `{ sql: 'exists (... ds_in.run_id = r.id and ds_tag.value = any($3::text[]))', params: [['eval']] }`.
   */
  filterSql(
    clause: DatasetClause,
    opts: { runAlias?: string; paramOffset?: number } = {},
  ): SqlFragment {
    return datasetFilterSql(clause, opts);
  }
}
