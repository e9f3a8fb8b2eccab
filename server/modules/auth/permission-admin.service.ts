import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Db } from '../../shared/db.ts';
import {
  AlreadyExistsError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  ValidationError,
} from '../../shared/errors.ts';
import { parseExperimentId } from '../../shared/ids.ts';
import type { Viewer } from '../../shared/request-context.ts';
import { lockForAdminChange } from './accounts.ts';
import type { AuthGate } from './auth.gate.ts';
import { createGrant, type GrantKind, lockGrant, upsertGrant } from './grant-writes.ts';
import { PERMISSIONS, type Permission } from './permission.entity.ts';
import type { PermissionService } from './permissions.service.ts';

/** One user's grant on an experiment or a logged model. */
export interface GrantView {
  /** The experiment id or the logged model id. */
  target: string;
  userId: string;
  username: string;
  permission: Permission;
}

/** A user with its grants, as MLflow's `users/get` shows it. */
export interface UserGrantsView {
  userId: string;
  username: string;
  isAdmin: boolean;
  experimentPermissions: GrantView[];
}

/** How a write treats an existing grant: MLflow's create and update, or GraphQL's set. */
export type GrantWrite = 'create' | 'update' | 'upsert';

const KINDS = {
  experiment: { table: 'experiment_permissions', column: 'experiment_id' },
  model: { table: 'logged_model_permissions', column: 'model_id' },
} as const;

/**
 * Who may do what: grants on experiments and logged models (MANAGE on the target or admin), and
 * the admin flag (admins only). Answers UNAUTHENTICATED when authentication is off.
 */
export class PermissionAdminService {
  constructor(
    private readonly db: Db,
    private readonly gate: AuthGate,
    private readonly viewer: Viewer | null,
    private readonly access: PermissionService,
  ) {}

  private requireViewer(): Viewer {
    if (this.viewer) return this.viewer;
    throw new UnauthenticatedError(
      'Authentication is off on this server (TRACKQL_AUTH); permissions are not in use',
    );
  }

  /** Checks MANAGE on the target and that it exists; returns the target's id as stored. */
  private async target(kind: GrantKind, id: string, field: string): Promise<string> {
    this.requireViewer();
    if (kind === 'experiment') {
      if (parseExperimentId(id) === null) {
        throw new ValidationError(field, `Experiment ID must be a valid integer; got '${id}'`);
      }
      await this.access.experiment(id, 'MANAGE');
      const [row] = await this.db.query('select 1 from experiments where id = $1', [id]);
      if (!row) throw new NotFoundError('Experiment', id, `No Experiment with id=${id} exists`);
      return id;
    }
    await this.access.model(id, 'MANAGE');
    const [row] = await this.db.query('select 1 from logged_models where id = $1', [id]);
    if (!row) throw new NotFoundError('LoggedModel', id, `Logged model with ID '${id}' not found.`);
    return id;
  }

  private async userId(username: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }>('select id from users where username = $1', [
      username,
    ]);
    if (!row) throw new NotFoundError('User', username, `User with username=${username} not found`);
    return String(row.id);
  }

  /** Every grant on an experiment or logged model, by username. */
  async list(kind: GrantKind, id: string, field: string): Promise<GrantView[]> {
    const target = await this.target(kind, id, field);
    const { table, column } = KINDS[kind];
    return this.db.query<GrantView>(
      `select p.${column}::text as target, u.id::text as "userId", u.username, p.permission
         from ${table} p join users u on u.id = p.user_id where p.${column} = $1 order by u.username`,
      [target],
    );
  }

  /** One user's grant on a target. */
  async get(kind: GrantKind, id: string, username: string, field: string): Promise<GrantView> {
    const grants = await this.list(kind, id, field);
    const grant = grants.find((g) => g.username === username);
    if (!grant) {
      throw new NotFoundError(
        'Permission',
        `${id}/${username}`,
        `${kind === 'experiment' ? 'Experiment' : 'Logged model'} permission with ${kind === 'experiment' ? 'experiment_id' : 'model_id'}=${id} and username=${username} not found`,
      );
    }
    return grant;
  }

  /** Creates, updates or sets a user's grant on a target. */
  async set(
    kind: GrantKind,
    id: string,
    username: string,
    permission: string,
    mode: GrantWrite,
    field: string,
  ): Promise<GrantView> {
    if (!(PERMISSIONS as readonly string[]).includes(permission)) {
      throw new ValidationError(
        'permission',
        `Invalid permission '${permission}'. Valid permissions are: ${PERMISSIONS.join(', ')}`,
      );
    }
    const target = await this.target(kind, id, field);
    const userId = await this.userId(username);
    const level = permission as Permission;
    let written: boolean;
    try {
      written = await this.db.transaction(async (_sql, em) => {
        if (mode === 'upsert') {
          await upsertGrant(em, kind, userId, target, level);
          return true;
        }
        const grant = await lockGrant(em, kind, userId, target);
        if (mode === 'create') {
          if (grant) return false;
          createGrant(em, kind, userId, target, level);
        } else {
          if (!grant) return false;
          grant.permission = level;
        }
        await em.flush();
        return true;
      });
    } catch (err) {
      // a concurrent create won the race
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      written = false;
    }
    // after commit: cached grants of this user are dropped on every instance; its open streams
    // are re-checked
    if (written) await this.gate.grantsChanged(userId);
    if (!written && mode === 'create') {
      throw new AlreadyExistsError(
        `Permission of ${username} on ${kind === 'experiment' ? 'experiment' : 'logged model'} ${id} already exists`,
      );
    }
    if (!written) return this.get(kind, id, username, field);
    return { target, userId, username, permission: level };
  }

  /** Removes a user's grant on a target (the default permission applies again). */
  async delete(kind: GrantKind, id: string, username: string, field: string): Promise<GrantView> {
    const grant = await this.get(kind, id, username, field);
    await this.db.transaction(async (_sql, em) => {
      const entity = await lockGrant(em, kind, grant.userId, grant.target);
      if (entity) em.remove(entity);
      await em.flush();
    });
    await this.gate.grantsChanged(grant.userId);
    return grant;
  }

  /** A user with its experiment grants: the user itself or an admin may look. */
  async getUser(username: string): Promise<UserGrantsView> {
    const viewer = this.requireViewer();
    if (viewer.username !== username && !viewer.isAdmin) {
      throw new PermissionDeniedError('Only an admin may look at another user');
    }
    const [user] = await this.db.query<{ id: string; username: string; is_admin: boolean }>(
      'select id, username, is_admin from users where username = $1',
      [username],
    );
    if (!user)
      throw new NotFoundError('User', username, `User with username=${username} not found`);
    const grants = await this.db.query<GrantView>(
      `select experiment_id::text as target, user_id::text as "userId", $2::text as username, permission
         from experiment_permissions where user_id = $1 order by experiment_id`,
      [user.id, user.username],
    );
    return {
      userId: String(user.id),
      username: user.username,
      isAdmin: user.is_admin,
      experimentPermissions: grants,
    };
  }

  /** Makes a user admin or not (admins only; the last admin stays one). */
  async setAdmin(username: string, isAdmin: boolean): Promise<void> {
    const viewer = this.requireViewer();
    if (!viewer.isAdmin) throw new PermissionDeniedError('Only an admin may do this');
    await this.db.transaction(async (_sql, em) => {
      const { user, admins } = await lockForAdminChange(em, username);
      if (!user) {
        throw new NotFoundError('User', username, `User with username=${username} not found`);
      }
      if (user.isAdmin && !isAdmin && admins <= 1) {
        throw new PermissionDeniedError('The last admin cannot stop being one');
      }
      user.isAdmin = isAdmin;
      user.lastUpdateTime = Date.now();
      await em.flush();
    });
    // cached verdicts carry the admin flag
    this.gate.forget();
  }
}
