import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SecurityConfig } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Db } from '../../shared/db.ts';
import { UnauthenticatedError } from '../../shared/errors.ts';
import type { Viewer } from '../../shared/request-context.ts';
import { AccessCache } from './access-cache.ts';
import { type AuthChange, AuthNotify } from './auth-notify.ts';
import { type AuthOutcome, CredentialChecker } from './credentials.ts';
import { LoadingCache } from './loading-cache.ts';
import { PermissionService } from './permissions.service.ts';
import { StreamGuard } from './stream-guard.ts';

export type { AuthOutcome, Viewer };

/** Cached verdicts kept at most; past it the oldest go first. */
const MAX_CACHED = 10_000;

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
  /** The database checks of credentials, and what each viewer handed out signed in with. */
  private readonly checker: CredentialChecker;
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
    this.checker = new CredentialChecker(db, config);
    this.notify = new AuthNotify(db, (change) => this.apply(change));
    this.access = new AccessCache(config.authCacheMs, () => this.notify.live);
    this.streams = new StreamGuard(
      {
        revalidate: (viewer) => this.checker.revalidate(viewer),
        expiresAt: (viewer) => this.checker.expiresAt(viewer),
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
      const { outcome, until } = await this.checker.check(authorization, Date.now());
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

  /** SHA-256 (hex) of the API token `viewer` authenticated with; null for a password. */
  tokenHashOf(viewer: Viewer): string | null {
    return this.checker.tokenHashOf(viewer);
  }
}
