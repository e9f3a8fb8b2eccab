import type { Db } from '../../shared/db.ts';
import { ValidationError } from '../../shared/errors.ts';
import { groupByKeys } from '../../shared/group.ts';
import { isRunIdShape } from '../../shared/ids.ts';
import type { Step } from '../../shared/scalars.ts';
import { type AuditLog, someKeys } from '../audit/public.ts';
import type { PermissionService } from '../auth/public.ts';
import { RunService } from '../runs/public.ts';
import { insertModelOutputs } from './model-links.sql.ts';

/** A model a run produced, at a step (MLflow `ModelOutput`). */
export interface ModelOutput {
  runId: string;
  modelId: string;
  step: number;
}

/** A model a run used (MLflow `ModelInput`). */
export interface ModelInput {
  runId: string;
  modelId: string;
}

/** A metric point linked to a model (MLflow `LoggedModel.data.metrics[]`). */
export interface ModelMetric {
  modelId: string;
  key: string;
  value: number;
  timestamp: number;
  /** A number, or a bigint beyond ±(2^53-1) (int8 reads give both, see `Db`). */
  step: Step;
  runId: string;
  datasetName: string | null;
  datasetDigest: string | null;
}

/** Most models per logOutputs call. */
const MAX_OUTPUTS = 1000;

/** The experiment of a linked model, read to check the caller may see the link. */
interface Owned {
  experimentId: string;
}

/** A link row without the experiment it was checked against. */
function withoutOwner<T extends Owned>({ experimentId: _, ...rest }: T): Omit<T, 'experimentId'> {
  return rest;
}

/** Links between runs and models: outputs, inputs, and the metric rows of each model. */
export class ModelLinkService {
  constructor(
    private readonly db: Db,
    private readonly access: PermissionService,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Records models as outputs of an active run (MLflow `LogOutputs`), all or nothing.
   *
   * @remarks The run must exist (RESOURCE_DOES_NOT_EXIST) and be active (INVALID_STATE); every
   * model must exist and not be deleted (RESOURCE_DOES_NOT_EXIST). Re-logging a (model, step) is a
   * no-op. At most 1000 per call.
   */
  async logOutputs(
    runId: string,
    models: readonly { modelId: string; step?: number | null }[],
  ): Promise<void> {
    if (!isRunIdShape(runId)) throw new ValidationError('runId', `Invalid run id '${runId}'`);
    if (models.length > MAX_OUTPUTS) {
      throw new ValidationError(
        'models',
        `At most ${MAX_OUTPUTS} models per request; got ${models.length}.`,
      );
    }
    await this.access.run(runId, 'EDIT');
    await Promise.all(models.map((m) => this.access.model(m.modelId, 'READ')));
    const outputs = models.map((m) => ({ modelId: m.modelId, step: m.step ?? 0 }));
    await this.db.transaction(async (sql) => {
      await RunService.lockActive(sql, runId);
      const added = await insertModelOutputs(sql, runId, outputs, Date.now());
      if (added > 0) {
        await this.audit.record('run', runId, 'log_outputs', {
          models: added,
          modelIds: someKeys(outputs.map((o) => o.modelId)),
        });
      }
    });
  }

  /** Model outputs of each run, oldest first (one query). */
  async outputsByRunIds(runIds: readonly string[]): Promise<ModelOutput[][]> {
    const all = await this.db.query<ModelOutput & Owned>(
      `select o.run_id as "runId", o.model_id as "modelId", o.step, m.experiment_id as "experimentId"
       from run_model_outputs o join logged_models m on m.id = o.model_id
       where o.run_id = any($1::text[]) order by o.run_id, o.created_time, o.step, o.model_id`,
      [runIds],
    );
    const rows = await this.access.readableModels(
      all,
      (r) => r.modelId,
      (r) => r.experimentId,
    );
    return groupByKeys(runIds, rows.map(withoutOwner), (r) => r.runId);
  }

  /** Model inputs of each run, oldest first (one query). */
  async inputsByRunIds(runIds: readonly string[]): Promise<ModelInput[][]> {
    const all = await this.db.query<ModelInput & Owned>(
      `select i.run_id as "runId", i.model_id as "modelId", m.experiment_id as "experimentId"
       from run_model_inputs i join logged_models m on m.id = i.model_id
       where i.run_id = any($1::text[]) order by i.run_id, i.created_time, i.model_id`,
      [runIds],
    );
    const rows = await this.access.readableModels(
      all,
      (r) => r.modelId,
      (r) => r.experimentId,
    );
    return groupByKeys(runIds, rows.map(withoutOwner), (r) => r.runId);
  }

  /** Every metric row of each model, by key, then step, timestamp and logging order (one query). */
  async metricsByModelIds(modelIds: readonly string[]): Promise<ModelMetric[][]> {
    const rows = await this.db.query<ModelMetric>(
      `select model_id as "modelId", key, value, timestamp, step, run_id as "runId",
         dataset_name as "datasetName", dataset_digest as "datasetDigest"
       from logged_model_metrics where model_id = any($1::text[]) order by model_id, key, step, timestamp, id`,
      [modelIds],
    );
    return groupByKeys(modelIds, rows, (r) => r.modelId);
  }
}
