import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Db } from '../../shared/db.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { Viewer } from '../../shared/request-context.ts';
import { codePoints } from '../../shared/validation.ts';
import type { AuditLog } from '../audit/public.ts';
import {
  actingFor,
  type CreatedToken,
  lockUser,
  requireViewer,
  type TokenView,
  tokenView,
} from './accounts.ts';
import { ApiTokenSchema, UserSchema } from './auth.entity.ts';
import type { AuthGate } from './auth.gate.ts';
import { newApiToken } from './password.ts';

const MAX_TOKEN_NAME = 250;
/** Live tokens one user may hold at once. */
const MAX_TOKENS_PER_USER = 100;

interface TokenRow {
  id: string;
  name: string;
  username: string;
  creation_time: string | number;
  expires_at: string | number | null;
  revoked_at: string | number | null;
}

/**
 * API tokens: a user creates, lists and revokes its own; an admin those of anyone. Writes go
 * through the entities in one transaction with their audit row; revocations clear cached verdicts
 * on every instance after commit.
 */
export class TokenService {
  constructor(
    private readonly db: Db,
    private readonly gate: AuthGate,
    private readonly viewer: Viewer | null,
    private readonly audit: AuditLog,
  ) {}

  private requireViewer(): Viewer {
    return requireViewer(this.viewer, this.gate.enabled);
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
    const username = actingFor(this.requireViewer(), input.username);
    const name = input.name.trim();
    if (name === '' || codePoints(name) > MAX_TOKEN_NAME) {
      throw new ValidationError('name', `Token name must have 1 to ${MAX_TOKEN_NAME} characters`);
    }
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt !== null && !(expiresAt > Date.now())) {
      throw new ValidationError('expiresAt', 'Expiry must be in the future');
    }
    const { id, secret, hash } = newApiToken();
    const now = Date.now();
    const token = await this.db.transaction(async (_sql, em) => {
      // the user's row lock serialises its token creations: the live-token cap holds
      const user = await lockUser(em, username);
      if (!user) throw new NotFoundError('User', username);
      const live = await em.count(ApiTokenSchema, {
        user: user.id,
        revokedAt: null,
        $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }],
      });
      if (live >= MAX_TOKENS_PER_USER) {
        throw new ValidationError(
          'name',
          `A user may hold at most ${MAX_TOKENS_PER_USER} live tokens; revoke some first`,
        );
      }
      const created = em.create(ApiTokenSchema, {
        id,
        user,
        name,
        tokenHash: hash,
        creationTime: now,
        expiresAt,
        revokedAt: null,
      });
      await em.flush();
      await this.audit.record('api_token', id, 'create', { username, name });
      return created;
    });
    return { token: tokenView(token, username), secret };
  }

  /** Revokes a token of the viewer (or any token, for an admin); revoking twice is harmless. */
  async revokeToken(id: string): Promise<TokenView> {
    const viewer = this.requireViewer();
    const token = await this.revoke({ id }, viewer.isAdmin ? null : viewer.userId);
    if (!token) throw new NotFoundError('ApiToken', id);
    return token;
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
    const token = await this.revoke({ tokenHash: hash }, null);
    if (!token) throw new NotFoundError('ApiToken', 'current');
    return token;
  }

  /**
   * Revokes the token `where` finds (of user `ownerId` only, unless null); null when there is none.
   * The audit row is written only when the token was live until now.
   */
  private async revoke(
    where: { id: string } | { tokenHash: string },
    ownerId: string | null,
  ): Promise<TokenView | null> {
    const view = await this.db.transaction(async (_sql, em: EntityManager) => {
      const token = await em.findOne(ApiTokenSchema, where, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        refresh: true,
      });
      if (!token || (ownerId !== null && String(token.user.id) !== ownerId)) return null;
      const owner = await em.findOneOrFail(UserSchema, { id: token.user.id });
      if (token.revokedAt == null) {
        token.revokedAt = Date.now();
        await this.audit.record('api_token', token.id, 'revoke');
      }
      await em.flush();
      return tokenView(token, owner.username);
    });
    if (view) this.gate.forget();
    return view;
  }

  /** Tokens of the viewer (or, for an admin, of `username`), newest first, revoked ones included. */
  async listTokens(username?: string | null): Promise<TokenView[]> {
    const target = actingFor(this.requireViewer(), username);
    const rows = await this.db.query<TokenRow>(
      `select t.id, t.name, u.username, t.creation_time, t.expires_at, t.revoked_at
         from api_tokens t join users u on u.id = t.user_id
        where u.username = $1 order by t.creation_time desc, t.id limit 1000`,
      [target],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      username: r.username,
      creationTime: Number(r.creation_time),
      expiresAt: r.expires_at == null ? null : Number(r.expires_at),
      revokedAt: r.revoked_at == null ? null : Number(r.revoked_at),
    }));
  }
}
