import type { GrantView, UserGrantsView } from '../auth/public.ts';
import type { RestCall, RestRoute } from './rest.routes.ts';

/** MLflow's `ExperimentPermission.to_json()`. */
function grantJson(g: GrantView) {
  return { experiment_id: g.target, user_id: Number(g.userId), permission: g.permission };
}

/**
 * MLflow 3.6's `User.to_json()` (no registered models or scorers here: none are served, but its
 * client's `User.from_json` reads every list, so each is there, empty).
 */
function userJson(u: UserGrantsView) {
  return {
    id: Number(u.userId),
    username: u.username,
    is_admin: u.isAdmin,
    experiment_permissions: u.experimentPermissions.map(grantJson),
    registered_model_permissions: [],
    scorer_permissions: [],
  };
}

const EXPERIMENT = 'experiment';
const FIELD = 'experiment_id';

/** The user just named in the request, as `users/get` shows it. */
async function userOf({ services }: RestCall, username: string) {
  return { user: userJson(await services.permissions.getUser(username)) };
}

/**
 * MLflow's auth REST API (`mlflow/server/auth/routes.py`): users and experiment permissions, with
 * its JSON shapes. Rules are the GraphQL API's: admins manage users; MANAGE (or admin) manages an
 * experiment's grants; a user may look at itself and change its own password (with
 * `current_password`, a trackql addition: a token alone does not let a caller take the account).
 */
export const AUTH_ROUTES: RestRoute[] = [
  {
    method: 'POST',
    path: 'mlflow/users/create',
    async handle(call) {
      const username = call.input.requiredString('username');
      await call.services.auth.createUser({
        username,
        password: call.input.requiredString('password'),
      });
      return userOf(call, username);
    },
  },
  {
    method: 'GET',
    path: 'mlflow/users/get',
    handle: (call) => userOf(call, call.input.requiredString('username')),
  },
  {
    method: 'PATCH',
    path: 'mlflow/users/update-password',
    async handle({ input, services }) {
      await services.auth.updatePassword({
        username: input.requiredString('username'),
        password: input.requiredString('password'),
        currentPassword: input.string('current_password') ?? null,
      });
      return {};
    },
  },
  {
    method: 'PATCH',
    path: 'mlflow/users/update-admin',
    async handle({ input, services }) {
      const isAdmin = input.bool('is_admin');
      await services.permissions.setAdmin(input.requiredString('username'), isAdmin ?? false);
      return {};
    },
  },
  {
    method: 'DELETE',
    path: 'mlflow/users/delete',
    async handle({ input, services }) {
      await services.auth.deleteUser(input.requiredString('username'));
      return {};
    },
  },
  {
    method: 'POST',
    path: 'mlflow/experiments/permissions/create',
    async handle({ input, services }) {
      const grant = await services.permissions.set(
        EXPERIMENT,
        input.requiredString(FIELD),
        input.requiredString('username'),
        input.requiredString('permission'),
        'create',
        FIELD,
      );
      return { experiment_permission: grantJson(grant) };
    },
  },
  {
    method: 'GET',
    path: 'mlflow/experiments/permissions/get',
    async handle({ input, services }) {
      const grant = await services.permissions.get(
        EXPERIMENT,
        input.requiredString(FIELD),
        input.requiredString('username'),
        FIELD,
      );
      return { experiment_permission: grantJson(grant) };
    },
  },
  {
    method: 'PATCH',
    path: 'mlflow/experiments/permissions/update',
    async handle({ input, services }) {
      await services.permissions.set(
        EXPERIMENT,
        input.requiredString(FIELD),
        input.requiredString('username'),
        input.requiredString('permission'),
        'update',
        FIELD,
      );
      return {};
    },
  },
  {
    method: 'DELETE',
    path: 'mlflow/experiments/permissions/delete',
    async handle({ input, services }) {
      await services.permissions.delete(
        EXPERIMENT,
        input.requiredString(FIELD),
        input.requiredString('username'),
        FIELD,
      );
      return {};
    },
  },
];
