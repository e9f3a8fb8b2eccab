import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SecurityConfig } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Db } from '../../shared/db.ts';
import { UnauthenticatedError } from '../../shared/errors.ts';
import type { Viewer } from '../../shared/request-context.ts';
import { AccessCache } from './access-cache.ts';
import { type AuthChange, AuthNotify } from './auth-notify.ts';
import { LoadingCache } from './loading-cache.ts';
import {
  DEFAULT_KDF_COST,
  hashToken,
  type KdfCost,
  TOKEN_PREFIX,
  verifyPassword,
} from './password.ts';
import { PermissionService } from './permissions.service.ts';
import { StreamGuard } from './stream-guard.ts';

export type { Viewer };

/** The result of checking a request's credentials. */
export type AuthOutcome = { ok: true; viewer: Viewer | null } | { ok: false; message: string };

/** Cached verdicts kept at most; past it the oldest go first. */
const MAX_CACHED = 10_000;
/** A hash to verify against when the user does not exist, so a miss costs what a hit costs. */
function dummyHash(cost: KdfCost): string {
  return `scrypt$${cost.logN}$${cost.r}$${cost.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
}

interface UserRow {
  id: string;
  username: string;
  is_admin: boolean;
  password_hash: string;
}

/** What a viewer signed in with, to check it again while its streams stay open. */
type Credential =
  | { kind: 'token'; tokenHash: string; username: string | null; expiresAt: number | null }
  | { kind: 'password'; userId: string; passwordHash: string };

interface TokenRow {
  id: string;
  username: string;
  is_admin: boolean;
  expires_at: string | null;
  revoked_at: string | null;
}

/**
 * Checks credentials: `Authorization: Bearer <token>` or HTTP Basic (a password, or an API token
 * of that user as the password), as MLflow's clients send them.
 *
 * @remarks App-scoped. Verdicts are cached for `authCacheMs`, keyed by the SHA-256 of the header,
 * so Basic auth pays scrypt once per credential and cache period, not once per request. Changes to
 * users or tokens clear the cache at once ({@link AuthGate.forget}), on this instance and, through
 * PostgreSQL NOTIFY, on the others of a deployment (within `authCacheMs` should a notice be lost).
 *
 * The gate also owns what outlives a request: the grants and owners cache of the permission
 * checks ({@link AuthGate.access}) and the guard that ends open streams whose subscriber lost
 * access ({@link AuthGate.streams}); every change clears the one and re-checks the other.
 */
export class AuthGate {
  /** Verdicts by credential (SHA-256 of the header); concurrent requests share one check. */
  private readonly verdicts = new LoadingCache<AuthOutcome>(MAX_CACHED);
  /** Viewers of requests (or sockets) that passed the gate. */
  private readonly bound = new WeakMap<object, Viewer | null>();
  /** The credential behind each viewer the gate handed out. */
  private readonly credentials = new WeakMap<Viewer, Credential>();
  private readonly notify: AuthNotify;
  /** Grants and owners kept across requests for the permission checks. */
  readonly access: AccessCache;
  /** Open streams, re-checked on every auth change. */
  readonly streams: StreamGuard;

  constructor(
    private readonly db: Db,
    /** The security settings this gate enforces. */
    readonly config: SecurityConfig,
    logger: Logger,
  ) {
    this.notify = new AuthNotify(db, (change) => this.apply(change));
    this.access = new AccessCache(config.authCacheMs, () => this.notify.live);
    this.streams = new StreamGuard(
      {
        revalidate: (viewer) => this.revalidate(viewer),
        expiresAt: (viewer) => {
          const c = this.credentials.get(viewer);
          return c?.kind === 'token' ? c.expiresAt : null;
        },
        accessFor: (viewer) => this.permissionsOf(viewer),
        live: () => this.notify.live,
        logger,
      },
      Math.max(1000, config.authCacheMs),
    );
  }

  /**
   * A permission guard for `viewer` that shares this gate's caches (and so sees every change);
   * `em`, the request's, writes the grants of what the viewer creates.
   */
  permissionsOf(viewer: Viewer | null, db: Db = this.db, em?: EntityManager): PermissionService {
    return new PermissionService(db, viewer, this.config.defaultPermission, this, em ?? null);
  }

  /**
   * Starts listening for changes made by other instances (when authentication is on); resolves
   * once listening (or failing to: then nothing is cached until it succeeds).
   */
  async start(em: EntityManager, logger: Logger): Promise<void> {
    if (this.enabled) await this.notify.start(em, logger);
  }

  /** Stops listening and watching (shutdown). */
  async close(): Promise<void> {
    this.streams.close();
    await this.notify.close();
  }

  /** Whether requests must authenticate. */
  get enabled(): boolean {
    return this.config.authEnabled;
  }

  /**
   * Resolves the viewer of a request from its `Authorization` header.
   *
   * @returns `{ ok: true, viewer: null }` when authentication is off; a failure when it is on and
   * the header is missing, malformed, wrong, revoked or expired.
   */
  async authenticate(authorization: string | null | undefined): Promise<AuthOutcome> {
    if (!this.enabled) return { ok: true, viewer: null };
    if (!authorization) return { ok: false, message: 'Authentication required' };
    const key = createHash('sha256').update(authorization).digest('base64');
    return this.verdicts.get(key, this.config.authCacheMs, async () => {
      const { outcome, until } = await this.check(authorization, Date.now());
      return { value: outcome, until };
    });
  }

  /** Records that `request` (a Fetch Request, Node request or socket) passed as `viewer`. */
  bind(request: object, viewer: Viewer | null): void {
    this.bound.set(request, viewer);
  }

  /**
   * The viewer a request passed the gate as.
   *
   * @throws UnauthenticatedError when authentication is on and the request never passed the gate
   * (fail closed: a transport that forgot to check gets nothing).
   */
  viewerOf(request: object): Viewer | null {
    const viewer = this.bound.get(request);
    if (viewer !== undefined) return viewer;
    if (this.enabled) throw new UnauthenticatedError();
    return null;
  }

  /**
   * Drops every cached verdict and grant (after a password change, a revoked token, a deleted or
   * demoted user) here and on the other instances, and re-checks open streams.
   */
  forget(): void {
    void this.changed({ userId: null, credentials: true });
  }

  /**
   * `userId`'s grants changed: drops them here and elsewhere, and re-checks open streams; `db`
   * is the change's own (in its transaction, the notice goes out when it commits).
   */
  grantsChanged(userId: string, db?: Db): Promise<void> {
    return this.changed({ userId, credentials: false }, db);
  }

  private changed(change: AuthChange, db?: Db): Promise<void> {
    this.apply(change);
    return this.notify.publish(change, db);
  }

  /** Applies a change (made here, or noticed through the listener). */
  private apply(change: AuthChange): void {
    if (change.credentials) this.verdicts.invalidate(null);
    this.access.invalidate(change.userId);
    void this.streams.recheck();
  }

  /** Checks `viewer`'s credential again, bypassing the cache. */
  private async revalidate(viewer: Viewer): Promise<Viewer | UnauthenticatedError> {
    const c = this.credentials.get(viewer);
    if (!c) return viewer;
    if (c.kind === 'token') {
      const { outcome } = await this.checkTokenHash(c.tokenHash, c.username, Date.now());
      return outcome.ok && outcome.viewer
        ? outcome.viewer
        : new UnauthenticatedError(failure(outcome));
    }
    const [row] = await this.db.query<UserRow>(
      'select id, username, is_admin, password_hash from users where id = $1',
      [c.userId],
    );
    if (!row) return new UnauthenticatedError('The user no longer exists');
    if (row.password_hash !== c.passwordHash) {
      return new UnauthenticatedError('The password was changed; sign in again');
    }
    return this.remember(toViewer(row), c);
  }

  /** SHA-256 (hex) of the API token `viewer` authenticated with; null for a password. */
  tokenHashOf(viewer: Viewer): string | null {
    const c = this.credentials.get(viewer);
    return c?.kind === 'token' ? c.tokenHash : null;
  }

  private remember(viewer: Viewer, credential: Credential): Viewer {
    this.credentials.set(viewer, credential);
    return viewer;
  }

  private async check(
    authorization: string,
    now: number,
  ): Promise<{ outcome: AuthOutcome; until: number }> {
    const space = authorization.indexOf(' ');
    const scheme = authorization.slice(0, space < 0 ? undefined : space).toLowerCase();
    const value = space < 0 ? '' : authorization.slice(space + 1).trim();
    if (scheme === 'bearer' && value) return this.checkToken(value, null, now);
    if (scheme === 'basic' && value) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        const username = decoded.slice(0, colon);
        const password = decoded.slice(colon + 1);
        if (password.startsWith(TOKEN_PREFIX)) return this.checkToken(password, username, now);
        return { outcome: await this.checkPassword(username, password), until: Infinity };
      }
    }
    return {
      outcome: { ok: false, message: 'Malformed Authorization header: use Bearer or Basic' },
      until: Infinity,
    };
  }

  private checkToken(secret: string, username: string | null, now: number) {
    return this.checkTokenHash(hashToken(secret), username, now);
  }

  private async checkTokenHash(
    tokenHash: string,
    username: string | null,
    now: number,
  ): Promise<{ outcome: AuthOutcome; until: number }> {
    const [row] = await this.db.query<TokenRow>(
      `select u.id, u.username, u.is_admin, t.expires_at, t.revoked_at
         from api_tokens t join users u on u.id = t.user_id where t.token_hash = $1`,
      [tokenHash],
    );
    const expiresAt = row?.expires_at == null ? Infinity : Number(row.expires_at);
    if (!row || row.revoked_at != null || (username !== null && username !== row.username)) {
      return { outcome: { ok: false, message: 'Invalid or revoked token' }, until: Infinity };
    }
    if (expiresAt <= now) {
      return { outcome: { ok: false, message: 'Token expired' }, until: Infinity };
    }
    const credential: Credential = {
      kind: 'token',
      tokenHash,
      username,
      expiresAt: Number.isFinite(expiresAt) ? expiresAt : null,
    };
    return {
      outcome: { ok: true, viewer: this.remember(toViewer(row), credential) },
      until: expiresAt,
    };
  }

  private async checkPassword(username: string, password: string): Promise<AuthOutcome> {
    const [row] = await this.db.query<UserRow>(
      'select id, username, is_admin, password_hash from users where username = $1',
      [username],
    );
    const valid = await verifyPassword(
      password,
      row?.password_hash ?? dummyHash(this.config.kdfCost ?? DEFAULT_KDF_COST),
    );
    if (!row || !valid) return { ok: false, message: 'Invalid username or password' };
    const credential: Credential = {
      kind: 'password',
      userId: String(row.id),
      passwordHash: row.password_hash,
    };
    return { ok: true, viewer: this.remember(toViewer(row), credential) };
  }
}

function failure(outcome: AuthOutcome): string {
  return outcome.ok ? 'The user no longer exists' : outcome.message;
}

function toViewer(row: { id: string; username: string; is_admin: boolean }): Viewer {
  return { userId: String(row.id), username: row.username, isAdmin: row.is_admin };
}
