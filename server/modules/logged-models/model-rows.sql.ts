import type { SqlClient } from '../../shared/db.ts';
import { NotFoundError } from '../../shared/errors.ts';

/** Select list mapping `logged_models` columns to the {@link LoggedModel} shape. */
export const MODEL_COLUMNS = `id, experiment_id as "experimentId", name, model_type as "modelType",
  source_run_id as "sourceRunId", status, lifecycle_stage as "lifecycleStage",
  artifact_location as "artifactLocation", creation_time as "creationTime",
  last_updated_time as "lastUpdatedTime"`;

/** The model id prefix: ids are `m-` + 32 lowercase hex digits (MLflow). */
export const MODEL_ID_PREFIX = 'm-';

/** MLflow's message for a model that does not exist (or is deleted). */
export function modelNotFound(id: string): NotFoundError {
  return new NotFoundError('LoggedModel', id, `Logged model with ID '${id}' not found.`);
}

/**
 * Share-locks the active models `ids` inside a transaction, so links written next cannot outlive
 * them; throws RESOURCE_DOES_NOT_EXIST naming the first id that is missing or deleted.
 *
 * @remarks One statement whatever the number of ids; duplicates are fine.
 */
export async function lockActiveModels(sql: SqlClient, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await sql.query<{ id: string }>(
    `select id from logged_models where id = any($1::text[]) and lifecycle_stage = 'active' for share`,
    [unique],
  );
  if (rows.length === unique.length) return;
  const found = new Set(rows.map((r) => r.id));
  throw modelNotFound(unique.find((id) => !found.has(id))!);
}
