import type { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import { validateLength } from '../../shared/validation.ts';
import { type LoggedModel, LoggedModelSchema } from './logged-model.entity.ts';
import { modelNotFound } from './model-rows.sql.ts';

/** Rules of logged-model writes: name and count checks, and the locked load of an active model. */

const FORBIDDEN_NAME_CHARS = /[/:.%"']/;

/** A model name: at most the limit, none of MLflow's forbidden characters. */
export function validateName(name: string): void {
  validateLength(name, LIMITS.maxLoggedModelNameLength, 'name');
  if (FORBIDDEN_NAME_CHARS.test(name)) {
    throw new ValidationError(
      'name',
      `Invalid model name '${name}': names must not contain '/', ':', '.', '%', '"' or "'".`,
    );
  }
}

/** At most `max` items of `field` in one request. */
export function checkCount(n: number, max: number, field: string): void {
  if (n > max) {
    throw new ValidationError(field, `At most ${max} ${field} per request; got ${n}.`);
  }
}

/**
 * Loads an active model with a row lock (`for update` or, PESSIMISTIC_READ, `for share`) inside
 * `em`'s transaction, its values read fresh; RESOURCE_DOES_NOT_EXIST when missing or deleted.
 */
export async function lockActiveModel(
  em: EntityManager,
  id: string,
  lockMode: LockMode.PESSIMISTIC_WRITE | LockMode.PESSIMISTIC_READ,
): Promise<LoggedModel> {
  // refresh: a model this request already loaded must show the values the lock protects
  const model = await em.findOne(
    LoggedModelSchema,
    { id, lifecycleStage: 'active' },
    { lockMode, refresh: true },
  );
  if (!model) throw modelNotFound(id);
  return model;
}
