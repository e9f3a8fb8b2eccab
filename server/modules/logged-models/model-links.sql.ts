import type { SqlClient } from '../../shared/db.ts';
import { float8Array as f8, int8Array as i8 } from '../../shared/pg-arrays.ts';
import type { Step } from '../../shared/scalars.ts';
import { lockActiveModels } from './model-rows.sql.ts';

/** Metric points to link to models, as parallel arrays (one entry per point). */
export interface ModelMetricPoints {
  modelIds: string[];
  keys: string[];
  values: number[];
  timestamps: number[];
  /** Numbers, or bigints beyond ±(2^53-1) (see `Step`): the int8 column keeps every int64. */
  steps: Step[];
  datasetNames: (string | null)[];
  datasetDigests: (string | null)[];
}

/**
 * Writes metric points of run `runId` to the model metrics table, inside the caller's transaction.
 *
 * @remarks The models must be active (RESOURCE_DOES_NOT_EXIST otherwise; the caller's transaction
 * then rolls back with nothing written). Every point becomes a row, as run metric history keeps
 * every point: rows are never deduplicated.
 */
export async function insertModelMetrics(
  sql: SqlClient,
  runId: string,
  points: ModelMetricPoints,
): Promise<void> {
  await lockActiveModels(sql, points.modelIds);
  await sql.query(
    `insert into logged_model_metrics (model_id, key, value, timestamp, step, run_id, dataset_name, dataset_digest)
     select m, k, v, ts, st, $1, dn, dd
     from unnest($2::text[], $3::text[], $4::float8[], $5::int8[], $6::int8[], $7::text[], $8::text[])
       as x(m, k, v, ts, st, dn, dd)`,
    [
      runId,
      points.modelIds,
      points.keys,
      f8(points.values),
      i8(points.timestamps),
      i8(points.steps, true),
      points.datasetNames,
      points.datasetDigests,
    ],
  );
}

/**
 * Records models as inputs of run `runId`, inside the caller's transaction (which has locked the
 * run); a model already recorded is a no-op.
 */
export async function insertModelInputs(
  sql: SqlClient,
  runId: string,
  modelIds: readonly string[],
  now: number,
): Promise<number> {
  if (modelIds.length === 0) return 0;
  await lockActiveModels(sql, modelIds);
  const rows = await sql.query(
    `insert into run_model_inputs (run_id, model_id, created_time)
     select $1, m, $2 from unnest($3::text[]) as x(m) on conflict do nothing returning 1`,
    [runId, now, [...modelIds]],
  );
  return rows.length;
}

/**
 * Records models as outputs of run `runId` at a step, inside the caller's transaction (which has
 * locked the run); the same (model, step) again is a no-op, another step adds an output.
 */
export async function insertModelOutputs(
  sql: SqlClient,
  runId: string,
  outputs: readonly { modelId: string; step: number }[],
  now: number,
): Promise<number> {
  if (outputs.length === 0) return 0;
  await lockActiveModels(
    sql,
    outputs.map((o) => o.modelId),
  );
  const rows = await sql.query(
    `insert into run_model_outputs (run_id, model_id, step, created_time)
     select $1, m, s, $2 from unnest($3::text[], $4::int8[]) as x(m, s) on conflict do nothing
     returning 1`,
    [runId, now, outputs.map((o) => o.modelId), i8(outputs.map((o) => o.step))],
  );
  return rows.length;
}
