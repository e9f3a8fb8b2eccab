import type { Db } from '../../shared/db.ts';
import {
  AlreadyExistsError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  ValidationError,
} from '../../shared/errors.ts';
import { codePoints } from '../../shared/validation.ts';
import type { AuditLog } from '../audit/public.ts';
import type { AuthGate, Viewer } from './auth.gate.ts';
import { hashPassword, newApiToken, verifyPassword } from './password.ts';

const USERNAME = /^[\p{L}\p{N}_.@+-]{1,256}$/u;
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 1024;
const MAX_TOKEN_NAME = 250;
/** Live tokens one user may hold at once. */
const MAX_TOKENS_PER_USER = 100;

/** A user as the API shows it (never its password hash). */
export interface UserView {
  userId: string;
  username: string;
  isAdmin: boolean;
  creationTime: number;
}

/** An API token's metadata; the secret exists only in {@link CreatedToken}. */
export interface TokenView {
  id: string;
  name: string;
  username: string;
  creationTime: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

/** A token just created, with its secret (shown this once). */
export interface CreatedToken {
  token: TokenView;
  secret: string;
}

interface UserRow {
  id: string;
  username: string;
  is_admin: boolean;
  creation_time: string | number;
}

interface TokenRow {
  id: string;
  name: string;
  username: string;
  creation_time: string | number;
  expires_at: string | number | null;
  revoked_at: string | number | null;
}

const userView = (r: UserRow): UserView => ({
  userId: String(r.id),
  username: r.username,
  isAdmin: r.is_admin,
  creationTime: Number(r.creation_time),
});

const tokenView = (r: TokenRow): TokenView => ({
  id: r.id,
  name: r.name,
  username: r.username,
  creationTime: Number(r.creation_time),
  expiresAt: r.expires_at == null ? null : Number(r.expires_at),
  revokedAt: r.revoked_at == null ? null : Number(r.revoked_at),
});

const TOKEN_SELECT = `select t.id, t.name, u.username, t.creation_time, t.expires_at, t.revoked_at
  from api_tokens t join users u on u.id = t.user_id`;

function validatePassword(password: string, field = 'password'): void {
  const n = codePoints(password);
  if (n < MIN_PASSWORD || n > MAX_PASSWORD) {
    throw new ValidationError(
      field,
      `Password must have ${MIN_PASSWORD} to ${MAX_PASSWORD} characters`,
    );
  }
}

/**
 * Users and API tokens. Callers are the request's viewer: admins manage everyone, a user manages
 * its own password and tokens.
 */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly gate: AuthGate,
    private readonly viewer: Viewer | null,
    private readonly audit: AuditLog,
  ) {}

  private requireViewer(): Viewer {
    if (this.viewer) return this.viewer;
    throw new UnauthenticatedError(
      this.gate.enabled
        ? 'Authentication required'
        : 'Authentication is off on this server (TRACKQL_AUTH); users and tokens are not in use',
    );
  }

  private requireAdmin(): Viewer {
    const viewer = this.requireViewer();
    if (!viewer.isAdmin) throw new PermissionDeniedError('Only an admin may do this');
    return viewer;
  }

  /** Resolves `username` (default: the viewer) that the viewer may act for: itself, or anyone if admin. */
  private actingFor(username: string | null | undefined): string {
    const viewer = this.requireViewer();
    const target = username ?? viewer.username;
    if (target !== viewer.username && !viewer.isAdmin) {
      throw new PermissionDeniedError('Only an admin may manage another user');
    }
    return target;
  }

  private async userRow(username: string): Promise<UserRow> {
    const [row] = await this.db.query<UserRow>(
      'select id, username, is_admin, creation_time from users where username = $1',
      [username],
    );
    if (!row) throw new NotFoundError('User', username);
    return row;
  }

  /** The caller as a user, or null when unauthenticated (authentication off). */
  async viewerUser(): Promise<UserView | null> {
    if (!this.viewer) return null;
    const [row] = await this.db.query<UserRow>(
      'select id, username, is_admin, creation_time from users where id = $1',
      [this.viewer.userId],
    );
    return row ? userView(row) : null;
  }

  /** Every user, by name (admin only). */
  async listUsers(): Promise<UserView[]> {
    this.requireAdmin();
    const rows = await this.db.query<UserRow>(
      'select id, username, is_admin, creation_time from users order by username limit 10000',
    );
    return rows.map(userView);
  }

  /** Creates a user (admin only). */
  async createUser(input: {
    username: string;
    password: string;
    isAdmin?: boolean | null;
  }): Promise<UserView> {
    this.requireAdmin();
    return this.db.transaction(async () => {
      const user = await this.insertUser(input.username, input.password, input.isAdmin ?? false);
      await this.audit.record('user', input.username, 'create', {
        isAdmin: input.isAdmin ?? false,
      });
      return user;
    });
  }

  private async insertUser(
    username: string,
    password: string,
    isAdmin: boolean,
  ): Promise<UserView> {
    if (!USERNAME.test(username)) {
      throw new ValidationError(
        'username',
        'Username must have 1 to 256 letters, digits or the characters _ . @ + -',
      );
    }
    validatePassword(password);
    const hash = await hashPassword(password, this.gate.config.kdfCost);
    const now = Date.now();
    const [row] = await this.db.query<UserRow>(
      `insert into users (username, password_hash, is_admin, creation_time, last_update_time)
       values ($1, $2, $3, $4, $4) on conflict (username) do nothing
       returning id, username, is_admin, creation_time`,
      [username, hash, isAdmin, now],
    );
    if (!row) throw new AlreadyExistsError(`User '${username}' already exists`);
    return userView(row);
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
    const username = this.actingFor(input.username);
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
    const hash = await hashPassword(input.password, this.gate.config.kdfCost);
    const row = await this.db.transaction(async (sql) => {
      const [updated] = await sql.query<UserRow>(
        `update users set password_hash = $2, last_update_time = $3 where username = $1
         returning id, username, is_admin, creation_time`,
        [username, hash, Date.now()],
      );
      if (updated) await this.audit.record('user', username, 'set_password');
      return updated;
    });
    if (!row) throw new NotFoundError('User', username);
    this.gate.forget();
    return userView(row);
  }

  /** Deletes a user and its tokens (admin only); the last admin cannot be deleted. */
  async deleteUser(username: string): Promise<UserView> {
    this.requireAdmin();
    const row = await this.userRow(username);
    const deleted = await this.db.transaction(async (sql) => {
      // serialise admin removals so two concurrent deletes cannot remove the last two admins
      await sql.query('select pg_advisory_xact_lock(7160001)');
      if (row.is_admin) {
        const [{ n } = { n: 0 }] = await sql.query<{ n: number }>(
          'select count(*)::int as n from users where is_admin',
        );
        if (n <= 1) throw new PermissionDeniedError('The last admin cannot be deleted');
      }
      const rows = await sql.query<UserRow>(
        'delete from users where id = $1 returning id, username, is_admin, creation_time',
        [row.id],
      );
      if (rows[0]) await this.audit.record('user', username, 'delete');
      return rows;
    });
    if (!deleted[0]) throw new NotFoundError('User', username);
    this.gate.forget();
    return userView(deleted[0]);
  }

  /**
   * Creates an API token for the viewer (or, for an admin, another user).
   *
   * @returns the token and its secret; only the secret's SHA-256 is stored.
   */
  async createToken(input: {
    name: string;
    username?: string | null;
    expiresAt?: number | null;
  }): Promise<CreatedToken> {
    const username = this.actingFor(input.username);
    const name = input.name.trim();
    if (name === '' || codePoints(name) > MAX_TOKEN_NAME) {
      throw new ValidationError('name', `Token name must have 1 to ${MAX_TOKEN_NAME} characters`);
    }
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt !== null && !(expiresAt > Date.now())) {
      throw new ValidationError('expiresAt', 'Expiry must be in the future');
    }
    const user = await this.userRow(username);
    const { id, secret, hash } = newApiToken();
    const now = Date.now();
    const row = await this.db.transaction(async (sql) => {
      const [created] = await sql.query<TokenRow>(
        `with live as (
         select count(*) as n from api_tokens
          where user_id = $2 and revoked_at is null and (expires_at is null or expires_at > $5))
       insert into api_tokens (id, user_id, name, token_hash, creation_time, expires_at)
       select $1, $2, $3, $4, $5, $6 from live where live.n < ${MAX_TOKENS_PER_USER}
       returning id, name, $7::text as username, creation_time, expires_at, revoked_at`,
        [id, user.id, name, hash, now, expiresAt, user.username],
      );
      if (created) await this.audit.record('api_token', id, 'create', { username, name });
      return created;
    });
    if (!row) {
      throw new ValidationError(
        'name',
        `A user may hold at most ${MAX_TOKENS_PER_USER} live tokens; revoke some first`,
      );
    }
    return { token: tokenView(row), secret };
  }

  /** Revokes a token of the viewer (or any token, for an admin); revoking twice is harmless. */
  async revokeToken(id: string): Promise<TokenView> {
    const viewer = this.requireViewer();
    const row = await this.db.transaction(async (sql) => {
      const [revoked] = await sql.query<TokenRow>(
        `with t as (
           update api_tokens t set revoked_at = coalesce(t.revoked_at, $3)
            where t.id = $1 and ($2 or t.user_id = $4) returning t.*)
         select t.id, t.name, u.username, t.creation_time, t.expires_at, t.revoked_at
           from t join users u on u.id = t.user_id`,
        [id, viewer.isAdmin, Date.now(), viewer.userId],
      );
      if (revoked) await this.audit.record('api_token', id, 'revoke');
      return revoked;
    });
    if (!row) throw new NotFoundError('ApiToken', id);
    this.gate.forget();
    return tokenView(row);
  }

  /**
   * Revokes the API token this request authenticated with (signing out: the web UI's token from
   * its sign-in); its open streams end at once.
   */
  async signOut(): Promise<TokenView> {
    const hash = this.gate.tokenHashOf(this.requireViewer());
    if (hash === null) {
      throw new ValidationError('authorization', 'This request did not use an API token');
    }
    const row = await this.db.transaction(async (sql) => {
      const [revoked] = await sql.query<TokenRow>(
        `with t as (
           update api_tokens t set revoked_at = coalesce(t.revoked_at, $2)
            where t.token_hash = $1 returning t.*)
         select t.id, t.name, u.username, t.creation_time, t.expires_at, t.revoked_at
           from t join users u on u.id = t.user_id`,
        [hash, Date.now()],
      );
      if (revoked) await this.audit.record('api_token', revoked.id, 'revoke');
      return revoked;
    });
    if (!row) throw new NotFoundError('ApiToken', 'current');
    this.gate.forget();
    return tokenView(row);
  }

  /** Tokens of the viewer (or, for an admin, of `username`), newest first, revoked ones included. */
  async listTokens(username?: string | null): Promise<TokenView[]> {
    const target = this.actingFor(username);
    const rows = await this.db.query<TokenRow>(
      `${TOKEN_SELECT} where u.username = $1 order by t.creation_time desc, t.id limit 1000`,
      [target],
    );
    return rows.map(tokenView);
  }

  /**
   * Makes sure the configured admin exists, is an admin and has the configured password (run at
   * start). Returns how many users exist afterwards.
   */
  async ensureAdmin(admin: { username: string; password: string } | undefined): Promise<number> {
    if (admin) {
      const [row] = await this.db.query<{ id: string; is_admin: boolean; password_hash: string }>(
        'select id, is_admin, password_hash from users where username = $1',
        [admin.username],
      );
      if (!row) await this.insertUser(admin.username, admin.password, true);
      else if (!row.is_admin || !(await verifyPassword(admin.password, row.password_hash))) {
        validatePassword(admin.password, 'TRACKQL_ADMIN_PASSWORD');
        await this.db.query(
          'update users set is_admin = true, password_hash = $2, last_update_time = $3 where id = $1',
          [row.id, await hashPassword(admin.password, this.gate.config.kdfCost), Date.now()],
        );
        this.gate.forget();
      }
    }
    const [{ n } = { n: 0 }] = await this.db.query<{ n: number }>(
      'select count(*)::int as n from users',
    );
    return n;
  }
}
