/**
 * The active model id of this process, kept apart from `active-model.ts` so `logged-models.ts`
 * can read it without an import cycle.
 */

/** The env var naming the active model (read when nothing was set in this process). */
export const ACTIVE_MODEL_ENV = 'MLFLOW_ACTIVE_MODEL_ID';
/** MLflow's legacy name of {@link ACTIVE_MODEL_ENV}, read when the public one is unset. */
export const LEGACY_ACTIVE_MODEL_ENV = '_MLFLOW_ACTIVE_MODEL_ID';

/** Which model is active and whether a user call (not the env) chose it. */
export interface ActiveModelContext {
  modelId: string | null;
  setByUser: boolean;
}

// undefined until first read: then the env vars decide once, as MLflow's per-thread default does
let current: ActiveModelContext | undefined;

function context(): ActiveModelContext {
  current ??= {
    modelId: process.env[ACTIVE_MODEL_ENV] || process.env[LEGACY_ACTIVE_MODEL_ENV] || null,
    setByUser: false,
  };
  return current;
}

/**
 * The active model id: the one set by {@link setActiveModel}, else env `MLFLOW_ACTIVE_MODEL_ID`,
 * else env `_MLFLOW_ACTIVE_MODEL_ID` (read once, at the first call; not checked against the
 * server), else null.
 *
 * @remarks After the first read this is a variable read, so `logMetric` can ask on every call.
 */
export function getActiveModelId(): string | null {
  return (current ?? context()).modelId;
}

/** The current context object (undefined until first read), for `setActiveModel`'s restore. */
export function currentContext(): ActiveModelContext | undefined {
  return current;
}

/** Replaces the current context (`setActiveModel`, its `restore()`, `clearActiveModel`). */
export function replaceContext(next: ActiveModelContext | undefined): void {
  current = next;
}
