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

/** The result of checking a request's credentials. */
export type AuthOutcome = { ok: true; viewer: Viewer | null } | { ok: false; message: string };

/** A verdict and until when it holds (a token's expiry; Infinity otherwise). */
export interface Verdict {
  outcome: AuthOutcome;
  until: number;
}

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

/** What a viewer signed in with, to check it again while its streams stay open. */
type Credential =
  | { kind: 'token'; tokenHash: string; username: string | null; expiresAt: number | null }
  | { kind: 'password'; userId: string; passwordHash: string };

/**
 * Checks one `Authorization` header against the database (uncached: the gate caches verdicts),
 * and remembers which credential each viewer it hands out came from, to check it again later.
 *
 * @remarks The lookups are raw SQL on purpose: they run on the request path for every credential
 * not cached yet, as one indexed statement each (the token's hash joined to its user; the user by
 * name), without an entity manager fork or hydration.
 */
export class CredentialChecker {
  /** The credential behind each viewer handed out. */
  private readonly credentials = new WeakMap<Viewer, Credential>();

  constructor(
    private readonly db: Db,
    private readonly config: SecurityConfig,
  ) {}

  /** When the token `viewer` authenticated with expires; null for none or a password. */
  expiresAt(viewer: Viewer): number | null {
    const c = this.credentials.get(viewer);
    return c?.kind === 'token' ? c.expiresAt : null;
  }

  /** SHA-256 (hex) of the API token `viewer` authenticated with; null for a password. */
  tokenHashOf(viewer: Viewer): string | null {
    const c = this.credentials.get(viewer);
    return c?.kind === 'token' ? c.tokenHash : null;
  }

  /** Checks `viewer`'s credential again: the viewer as it stands now, or why it no longer holds. */
  async revalidate(viewer: Viewer): Promise<Viewer | UnauthenticatedError> {
    const c = this.credentials.get(viewer);
    if (!c) return viewer;
    if (c.kind === 'token') {
      const { outcome } = await this.checkTokenHash(c.tokenHash, c.username, Date.now());
      return outcome.ok && outcome.viewer
        ? outcome.viewer
        : new UnauthenticatedError(outcome.ok ? 'The user no longer exists' : outcome.message);
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

  /** Checks a header: `Bearer <token>`, or Basic with a password or a token of that user. */
  async check(authorization: string, now: number): Promise<Verdict> {
    const space = authorization.indexOf(' ');
    const scheme = authorization.slice(0, space < 0 ? undefined : space).toLowerCase();
    const value = space < 0 ? '' : authorization.slice(space + 1).trim();
    if (scheme === 'bearer' && value) return this.checkTokenHash(hashToken(value), null, now);
    if (scheme === 'basic' && value) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        const username = decoded.slice(0, colon);
        const password = decoded.slice(colon + 1);
        if (password.startsWith(TOKEN_PREFIX)) {
          return this.checkTokenHash(hashToken(password), username, now);
        }
        return { outcome: await this.checkPassword(username, password), until: Infinity };
      }
    }
    return {
      outcome: { ok: false, message: 'Malformed Authorization header: use Bearer or Basic' },
      until: Infinity,
    };
  }

  private remember(viewer: Viewer, credential: Credential): Viewer {
    this.credentials.set(viewer, credential);
    return viewer;
  }

  private async checkTokenHash(
    tokenHash: string,
    username: string | null,
    now: number,
  ): Promise<Verdict> {
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

function toViewer(row: { id: string; username: string; is_admin: boolean }): Viewer {
  return { userId: String(row.id), username: row.username, isAdmin: row.is_admin };
}
