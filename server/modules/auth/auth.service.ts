import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Db } from '../../shared/db.ts';
import {
  AlreadyExistsError,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
} from '../../shared/errors.ts';
import type { AuditLog } from '../audit/public.ts';
import {
  actingFor,
  lockForAdminChange,
  lockUser,
  requireViewer,
  type UserView,
  userView,
  validatePassword,
  validateUsername,
} from './accounts.ts';
import { UserSchema } from './auth.entity.ts';
import type { AuthGate, Viewer } from './auth.gate.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { TokenService } from './token.service.ts';

export type { CreatedToken, TokenView, UserView } from './accounts.ts';

interface UserRow {
  id: string;
  username: string;
  is_admin: boolean;
  creation_time: string | number;
}

const rowView = (r: UserRow): UserView => ({
  userId: String(r.id),
  username: r.username,
  isAdmin: r.is_admin,
  creationTime: Number(r.creation_time),
});

/**
 * Users (and, through {@link AuthService.tokens}, API tokens). Callers are the request's viewer:
 * admins manage everyone, a user manages its own password and tokens.
 *
 * @remarks Writes load the user with its row locked, change the entity and flush in one
 * `Db.transaction` with their audit row; cached credentials are forgotten after commit.
 */
export class AuthService {
  /** API tokens of the same viewer. */
  readonly tokens: TokenService;

  constructor(
    private readonly db: Db,
    private readonly gate: AuthGate,
    private readonly viewer: Viewer | null,
    private readonly audit: AuditLog,
  ) {
    this.tokens = new TokenService(db, gate, viewer, audit);
  }

  private requireViewer(): Viewer {
    return requireViewer(this.viewer, this.gate.enabled);
  }

  private requireAdmin(): Viewer {
    const viewer = this.requireViewer();
    if (!viewer.isAdmin) throw new PermissionDeniedError('Only an admin may do this');
    return viewer;
  }

  /** The caller as a user, or null when unauthenticated (authentication off). */
  async viewerUser(): Promise<UserView | null> {
    if (!this.viewer) return null;
    const [row] = await this.db.query<UserRow>(
      'select id, username, is_admin, creation_time from users where id = $1',
      [this.viewer.userId],
    );
    return row ? rowView(row) : null;
  }

  /** Every user, by name (admin only). */
  async listUsers(): Promise<UserView[]> {
    this.requireAdmin();
    const rows = await this.db.query<UserRow>(
      'select id, username, is_admin, creation_time from users order by username limit 10000',
    );
    return rows.map(rowView);
  }

  /** Creates a user (admin only). */
  async createUser(input: {
    username: string;
    password: string;
    isAdmin?: boolean | null;
  }): Promise<UserView> {
    this.requireAdmin();
    const isAdmin = input.isAdmin ?? false;
    return this.insertUser(input.username, input.password, isAdmin, true);
  }

  /** Creates a user; `audited`: with its `user.create` event in the same transaction. */
  private async insertUser(
    username: string,
    password: string,
    isAdmin: boolean,
    audited: boolean,
  ): Promise<UserView> {
    validateUsername(username);
    validatePassword(password);
    const passwordHash = await hashPassword(password, this.gate.config.kdfCost);
    const now = Date.now();
    try {
      return await this.db.transaction(async (_sql, em) => {
        const user = em.create(UserSchema, {
          username,
          passwordHash,
          isAdmin,
          creationTime: now,
          lastUpdateTime: now,
        });
        await em.flush();
        if (audited) await this.audit.record('user', username, 'create', { isAdmin });
        return userView(user);
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) {
        throw new AlreadyExistsError(`User '${username}' already exists`);
      }
      throw err;
    }
  }

  /**
   * Sets a user's password: the viewer's own (then `currentPassword` is required) or, for an
   * admin, anyone's. Cached credentials are forgotten at once.
   */
  async updatePassword(input: {
    username?: string | null;
    password: string;
    currentPassword?: string | null;
  }): Promise<UserView> {
    const viewer = this.requireViewer();
    const username = actingFor(viewer, input.username);
    validatePassword(input.password);
    if (!viewer.isAdmin) {
      const [row] = await this.db.query<{ password_hash: string }>(
        'select password_hash from users where id = $1',
        [viewer.userId],
      );
      if (!row || !(await verifyPassword(input.currentPassword ?? '', row.password_hash))) {
        throw new ValidationError('currentPassword', 'The current password is wrong');
      }
    }
    // hashed before the lock: scrypt takes a while
    const passwordHash = await hashPassword(input.password, this.gate.config.kdfCost);
    const user = await this.db.transaction(async (_sql, em) => {
      const user = await lockUser(em, username);
      if (!user) throw new NotFoundError('User', username);
      user.passwordHash = passwordHash;
      user.lastUpdateTime = Date.now();
      await em.flush();
      await this.audit.record('user', username, 'set_password');
      return userView(user);
    });
    this.gate.forget();
    return user;
  }

  /** Deletes a user and its tokens (admin only); the last admin cannot be deleted. */
  async deleteUser(username: string): Promise<UserView> {
    this.requireAdmin();
    const deleted = await this.db.transaction(async (_sql, em: EntityManager) => {
      const { user, admins } = await lockForAdminChange(em, username);
      if (!user) throw new NotFoundError('User', username);
      if (user.isAdmin && admins <= 1) {
        throw new PermissionDeniedError('The last admin cannot be deleted');
      }
      const view = userView(user);
      // its tokens and grants go with it (on delete cascade)
      em.remove(user);
      await em.flush();
      await this.audit.record('user', username, 'delete');
      return view;
    });
    this.gate.forget();
    return deleted;
  }

  /**
   * Makes sure the configured admin exists, is an admin and has the configured password (run at
   * start; not audited). Returns how many users exist afterwards.
   */
  async ensureAdmin(admin: { username: string; password: string } | undefined): Promise<number> {
    if (admin) {
      const [row] = await this.db.query<{ password_hash: string; is_admin: boolean }>(
        'select is_admin, password_hash from users where username = $1',
        [admin.username],
      );
      if (!row) await this.insertUser(admin.username, admin.password, true, false);
      else if (!row.is_admin || !(await verifyPassword(admin.password, row.password_hash))) {
        validatePassword(admin.password, 'TRACKQL_ADMIN_PASSWORD');
        const passwordHash = await hashPassword(admin.password, this.gate.config.kdfCost);
        await this.db.transaction(async (_sql, em) => {
          const user = await lockUser(em, admin.username);
          if (!user) throw new NotFoundError('User', admin.username);
          user.isAdmin = true;
          user.passwordHash = passwordHash;
          user.lastUpdateTime = Date.now();
        });
        this.gate.forget();
      }
    }
    const [{ n } = { n: 0 }] = await this.db.query<{ n: number }>(
      'select count(*)::int as n from users',
    );
    return n;
  }
}
