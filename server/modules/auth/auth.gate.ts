import { createHash } from 'node:crypto';
import type { SecurityConfig } from '../../config.ts';
import type { Db } from '../../shared/db.ts';
import { UnauthenticatedError } from '../../shared/errors.ts';
import type { Viewer } from '../../shared/request-context.ts';
import {
  DEFAULT_KDF_COST,
  hashToken,
  type KdfCost,
  TOKEN_PREFIX,
  verifyPassword,
} from './password.ts';

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
 * users or tokens clear this instance's cache at once ({@link AuthGate.forget}); other instances
 * of a deployment notice within `authCacheMs`.
 */
export class AuthGate {
  private readonly cache = new Map<string, { outcome: AuthOutcome; until: number }>();
  /** Viewers of requests (or sockets) that passed the gate. */
  private readonly bound = new WeakMap<object, Viewer | null>();

  constructor(
    private readonly db: Db,
    /** The security settings this gate enforces. */
    readonly config: SecurityConfig,
  ) {}

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
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.outcome;
    const { outcome, until } = await this.check(authorization, now);
    if (this.config.authCacheMs > 0) {
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value ?? '');
      this.cache.delete(key);
      this.cache.set(key, { outcome, until: Math.min(until, now + this.config.authCacheMs) });
    }
    return outcome;
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

  /** Drops every cached verdict (after a password change, a revoked token or a deleted user). */
  forget(): void {
    this.cache.clear();
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

  private async checkToken(
    secret: string,
    username: string | null,
    now: number,
  ): Promise<{ outcome: AuthOutcome; until: number }> {
    const [row] = await this.db.query<TokenRow>(
      `select u.id, u.username, u.is_admin, t.expires_at, t.revoked_at
         from api_tokens t join users u on u.id = t.user_id where t.token_hash = $1`,
      [hashToken(secret)],
    );
    const expiresAt = row?.expires_at == null ? Infinity : Number(row.expires_at);
    if (!row || row.revoked_at != null || (username !== null && username !== row.username)) {
      return { outcome: { ok: false, message: 'Invalid or revoked token' }, until: Infinity };
    }
    if (expiresAt <= now) {
      return { outcome: { ok: false, message: 'Token expired' }, until: Infinity };
    }
    return { outcome: { ok: true, viewer: toViewer(row) }, until: expiresAt };
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
    return { ok: true, viewer: toViewer(row) };
  }
}

function toViewer(row: { id: string; username: string; is_admin: boolean }): Viewer {
  return { userId: String(row.id), username: row.username, isAdmin: row.is_admin };
}
