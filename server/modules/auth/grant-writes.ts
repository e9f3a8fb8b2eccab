import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ExperimentPermission,
  ExperimentPermissionSchema,
  type LoggedModelPermission,
  LoggedModelPermissionSchema,
  type Permission,
} from './permission.entity.ts';

/** What a grant is on: an experiment or a logged model. */
export type GrantKind = 'experiment' | 'model';

/** A grant entity of either kind. */
export type GrantEntity = ExperimentPermission | LoggedModelPermission;

/**
 * Gives `userId` the level `permission` on a target, whether it had a grant there or not (one
 * `insert ... on conflict do update`, in `em`'s transaction if it runs in one).
 */
export async function upsertGrant(
  em: EntityManager,
  kind: GrantKind,
  userId: string,
  target: string,
  permission: Permission,
): Promise<void> {
  if (kind === 'experiment') {
    await em.upsert(ExperimentPermissionSchema, {
      userId: Number(userId),
      experimentId: Number(target),
      permission,
    });
  } else {
    await em.upsert(LoggedModelPermissionSchema, {
      userId: Number(userId),
      modelId: target,
      permission,
    });
  }
}

/** Loads `userId`'s grant on a target with its row locked for the rest of the transaction. */
export function lockGrant(
  em: EntityManager,
  kind: GrantKind,
  userId: string,
  target: string,
): Promise<GrantEntity | null> {
  const options = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;
  return kind === 'experiment'
    ? em.findOne(
        ExperimentPermissionSchema,
        { userId: Number(userId), experimentId: Number(target) },
        options,
      )
    : em.findOne(LoggedModelPermissionSchema, { userId: Number(userId), modelId: target }, options);
}

/** A new grant, inserted by the next flush. */
export function createGrant(
  em: EntityManager,
  kind: GrantKind,
  userId: string,
  target: string,
  permission: Permission,
): GrantEntity {
  return kind === 'experiment'
    ? em.create(ExperimentPermissionSchema, {
        userId: Number(userId),
        experimentId: Number(target),
        permission,
      })
    : em.create(LoggedModelPermissionSchema, {
        userId: Number(userId),
        modelId: target,
        permission,
      });
}
