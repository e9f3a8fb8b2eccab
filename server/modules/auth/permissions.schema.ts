import { builder } from '../../builder.ts';
import { NotFoundError, PermissionDeniedError, UnauthenticatedError } from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import type { PERMISSIONS } from './permission.entity.ts';
import type { GrantView } from './permission-admin.service.ts';

export const PermissionEnum = builder.enumType('Permission', {
  description:
    "A user's level on an experiment or logged model (MLflow auth): each level includes those before it.",
  values: {
    READ: { description: 'See it and everything in it.' },
    EDIT: {
      description:
        'READ, plus log, update and delete the runs, metrics, params, tags, artifacts, traces and models in it.',
    },
    MANAGE: {
      description: 'EDIT, plus change its permissions and rename, delete or restore it.',
    },
    NO_PERMISSIONS: { description: 'Nothing: it answers as if it did not exist.' },
  } satisfies Record<(typeof PERMISSIONS)[number], { description: string }>,
});

const ExperimentPermissionRef = builder.objectRef<GrantView>('ExperimentPermission').implement({
  description: "A user's grant on an experiment.",
  fields: (t) => ({
    experimentId: t.exposeString('target', { description: 'The experiment.' }),
    username: t.exposeString('username', { description: 'The user.' }),
    permission: t.field({
      type: PermissionEnum,
      description: 'What the user may do there.',
      resolve: (g) => g.permission,
    }),
  }),
});

const LoggedModelPermissionRef = builder.objectRef<GrantView>('LoggedModelPermission').implement({
  description: "A user's grant on a logged model (it overrides the model's experiment's).",
  fields: (t) => ({
    modelId: t.exposeString('target', { description: 'The logged model.' }),
    username: t.exposeString('username', { description: 'The user.' }),
    permission: t.field({
      type: PermissionEnum,
      description: 'What the user may do with the model.',
      resolve: (g) => g.permission,
    }),
  }),
});

const ERRORS = [UnauthenticatedError, PermissionDeniedError, NotFoundError];

builder.queryFields((t) => ({
  experimentPermissions: t.field({
    type: [ExperimentPermissionRef],
    description:
      'Every grant on an experiment, by username (MANAGE on it or admin; errors otherwise).',
    args: { experimentId: t.arg.string({ required: true, description: 'The experiment.' }) },
    resolve: (_, a, ctx) =>
      ctx.services.permissions.list('experiment', a.experimentId, 'experimentId'),
  }),
  loggedModelPermissions: t.field({
    type: [LoggedModelPermissionRef],
    description:
      'Every grant on a logged model, by username (MANAGE on it or admin; errors otherwise).',
    args: { modelId: t.arg.string({ required: true, description: 'The logged model.' }) },
    resolve: (_, a, ctx) => ctx.services.permissions.list('model', a.modelId, 'modelId'),
  }),
}));

const SetExperimentInput = builder.inputType('SetExperimentPermissionInput', {
  description: 'Input of setExperimentPermission.',
  fields: (f) => ({
    experimentId: f.string({ required: true, description: 'The experiment.' }),
    username: f.string({ required: true, description: 'The user.' }),
    permission: f.field({ type: PermissionEnum, required: true, description: 'The level.' }),
  }),
});

const DeleteExperimentInput = builder.inputType('DeleteExperimentPermissionInput', {
  description: 'Input of deleteExperimentPermission.',
  fields: (f) => ({
    experimentId: f.string({ required: true, description: 'The experiment.' }),
    username: f.string({ required: true, description: 'The user.' }),
  }),
});

const SetModelInput = builder.inputType('SetLoggedModelPermissionInput', {
  description: 'Input of setLoggedModelPermission.',
  fields: (f) => ({
    modelId: f.string({ required: true, description: 'The logged model.' }),
    username: f.string({ required: true, description: 'The user.' }),
    permission: f.field({ type: PermissionEnum, required: true, description: 'The level.' }),
  }),
});

const DeleteModelInput = builder.inputType('DeleteLoggedModelPermissionInput', {
  description: 'Input of deleteLoggedModelPermission.',
  fields: (f) => ({
    modelId: f.string({ required: true, description: 'The logged model.' }),
    username: f.string({ required: true, description: 'The user.' }),
  }),
});

builder.mutationFields((t) => ({
  setExperimentPermission: t.field({
    type: ExperimentPermissionRef,
    ...mutationResult(
      "Sets a user's permission on an experiment, creating or replacing the grant (MANAGE on it or admin).",
      ERRORS,
      { name: 'permission', description: 'The grant as stored.' },
    ),
    args: { input: t.arg({ type: SetExperimentInput, required: true, description: 'The grant.' }) },
    resolve: (_, { input }, ctx) =>
      ctx.services.permissions.set(
        'experiment',
        input.experimentId,
        input.username,
        input.permission,
        'upsert',
        'input.experimentId',
      ),
  }),
  deleteExperimentPermission: t.field({
    type: ExperimentPermissionRef,
    ...mutationResult(
      "Removes a user's grant on an experiment; the default permission applies again (MANAGE on it or admin).",
      ERRORS,
      { name: 'permission', description: 'The grant that was removed.' },
    ),
    args: {
      input: t.arg({ type: DeleteExperimentInput, required: true, description: 'The grant.' }),
    },
    resolve: (_, { input }, ctx) =>
      ctx.services.permissions.delete(
        'experiment',
        input.experimentId,
        input.username,
        'input.experimentId',
      ),
  }),
  setLoggedModelPermission: t.field({
    type: LoggedModelPermissionRef,
    ...mutationResult(
      "Sets a user's permission on a logged model, overriding its experiment's (MANAGE on the model or admin).",
      ERRORS,
      { name: 'permission', description: 'The grant as stored.' },
    ),
    args: { input: t.arg({ type: SetModelInput, required: true, description: 'The grant.' }) },
    resolve: (_, { input }, ctx) =>
      ctx.services.permissions.set(
        'model',
        input.modelId,
        input.username,
        input.permission,
        'upsert',
        'input.modelId',
      ),
  }),
  deleteLoggedModelPermission: t.field({
    type: LoggedModelPermissionRef,
    ...mutationResult(
      "Removes a user's grant on a logged model; its experiment's permission applies again.",
      ERRORS,
      { name: 'permission', description: 'The grant that was removed.' },
    ),
    args: { input: t.arg({ type: DeleteModelInput, required: true, description: 'The grant.' }) },
    resolve: (_, { input }, ctx) =>
      ctx.services.permissions.delete('model', input.modelId, input.username, 'input.modelId'),
  }),
}));
