import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { ExperimentSchema } from '../experiments/public.ts';
import { LoggedModelSchema } from '../logged-models/public.ts';
import { UserSchema } from './auth.entity.ts';

/** Permission levels, as MLflow's auth names them (weakest first, NO_PERMISSIONS aside). */
export const PERMISSIONS = ['READ', 'EDIT', 'MANAGE', 'NO_PERMISSIONS'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A user's grant on one experiment (MLflow `experiment_permissions`). */
export const ExperimentPermissionSchema = defineEntity({
  name: 'ExperimentPermission',
  tableName: 'experiment_permissions',
  properties: {
    // user first: the per-request load of a viewer's grants reads one key range
    userId: p
      .manyToOne(UserSchema)
      .mapToPk()
      .fieldName('user_id')
      .foreignKeyName('experiment_permissions_user_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    experimentId: p
      .manyToOne(ExperimentSchema)
      .mapToPk()
      .fieldName('experiment_id')
      .foreignKeyName('experiment_permissions_experiment_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    permission: p.enum([...PERMISSIONS]),
  },
});

export type ExperimentPermission = InferEntity<typeof ExperimentPermissionSchema>;

/** A user's grant on one logged model; without one the model's experiment decides. */
export const LoggedModelPermissionSchema = defineEntity({
  name: 'LoggedModelPermission',
  tableName: 'logged_model_permissions',
  properties: {
    userId: p
      .manyToOne(UserSchema)
      .mapToPk()
      .fieldName('user_id')
      .foreignKeyName('logged_model_permissions_user_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    modelId: p
      .manyToOne(LoggedModelSchema)
      .mapToPk()
      .fieldName('model_id')
      .foreignKeyName('logged_model_permissions_model_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    permission: p.enum([...PERMISSIONS]),
  },
});

export type LoggedModelPermission = InferEntity<typeof LoggedModelPermissionSchema>;
