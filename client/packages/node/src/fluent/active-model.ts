import { TrackingError } from '@trackql/client';
import {
  ACTIVE_MODEL_ENV,
  type ActiveModelContext,
  currentContext,
  LEGACY_ACTIVE_MODEL_ENV,
  replaceContext,
} from './active-model-state.ts';
import { resolveExperimentId } from './experiments.ts';
import {
  createExternalModel,
  getLoggedModel,
  type LoggedModel,
  searchLoggedModels,
} from './logged-models.ts';

/** The model {@link setActiveModel} activated, and how to go back to what was active before. */
export interface ActiveModel extends LoggedModel {
  /** Restores the previous active model (JS has no `with`): call it in a `finally`. */
  restore(): void;
}

/** Which model {@link setActiveModel} activates: by name, by id, or both (they must agree). */
export type ActiveModelSelector =
  | { name: string; modelId?: string }
  | { modelId: string; name?: string };

async function findOrCreate(name: string): Promise<LoggedModel> {
  const experimentId = await resolveExperimentId();
  if (/['"]/.test(name)) {
    throw new TrackingError('domain', `Invalid model name '${name}'`, {
      code: 'INVALID_PARAMETER_VALUE',
    });
  }
  const found = await searchLoggedModels({
    experimentIds: [experimentId],
    filter: `name = '${name}'`,
    maxResults: 2,
  });
  if (found.length > 1) {
    process.emitWarning(
      `trackql: ${found.length}+ logged models are named '${name}'; activating the newest (${found[0]!.modelId})`,
    );
  }
  return found[0] ?? createExternalModel({ name, experimentId });
}

/**
 * Makes a logged model the active one (MLflow `set_active_model`): fluent `logMetric` and
 * `logModelParams` then default to it.
 *
 * @remarks By `modelId` the model must exist (RESOURCE_DOES_NOT_EXIST), and a `name` given too
 * must match (INVALID_PARAMETER_VALUE). By `name` alone the current experiment is searched; the
 * newest model of that name is taken, and when there is none an external model is created
 * (`createExternalModel`, READY). Returns the model with `restore()`, which reactivates whatever
 * was active before.
 * @example
 * const active = await setActiveModel({ name: 'agent-v2' });
 * try { logMetric('accuracy', 0.9); } finally { active.restore(); }
 */
export async function setActiveModel(selector: ActiveModelSelector): Promise<ActiveModel> {
  let model: LoggedModel;
  if (selector.modelId) {
    const found = await getLoggedModel(selector.modelId);
    if (!found) {
      throw new TrackingError('domain', `Logged model with ID '${selector.modelId}' not found.`, {
        code: 'RESOURCE_DOES_NOT_EXIST',
      });
    }
    if (selector.name !== undefined && selector.name !== found.name) {
      throw new TrackingError(
        'domain',
        `Model ${selector.modelId} is named '${found.name}', not '${selector.name}'`,
        { code: 'INVALID_PARAMETER_VALUE' },
      );
    }
    model = found;
  } else if (selector.name) {
    model = await findOrCreate(selector.name);
  } else {
    throw new TrackingError('domain', 'setActiveModel needs a name or a modelId', {
      code: 'INVALID_PARAMETER_VALUE',
    });
  }
  const previous = currentContext();
  const mine: ActiveModelContext = { modelId: model.modelId, setByUser: true };
  replaceContext(mine);
  return {
    ...model,
    restore: () => {
      // restoring only undoes this call: a later setter's context is left as it is
      if (currentContext() === mine) replaceContext(previous);
    },
  };
}

/**
 * Clears the active model (MLflow `clear_active_model`): unsets both env vars in this process, so
 * nothing is active until the next {@link setActiveModel}.
 */
export function clearActiveModel(): void {
  delete process.env[ACTIVE_MODEL_ENV];
  delete process.env[LEGACY_ACTIVE_MODEL_ENV];
  replaceContext({ modelId: null, setByUser: false });
}
