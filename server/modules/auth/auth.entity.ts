import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** An account that can sign in with a password or with its API tokens. */
export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    username: p.string().length(256).unique(),
    /** `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>` (see password.ts). */
    passwordHash: p.text(),
    isAdmin: p.boolean().default(false),
    creationTime: p.bigint('number'),
    lastUpdateTime: p.bigint('number'),
  },
});

export type User = InferEntity<typeof UserSchema>;

/** An API token: only the SHA-256 of its secret is stored. */
export const ApiTokenSchema = defineEntity({
  name: 'ApiToken',
  tableName: 'api_tokens',
  // expression indexes compare by name only in schema diffs; the SQL is what a migration creates
  indexes: [
    {
      name: 'api_tokens_user_index',
      expression: `create index api_tokens_user_index on api_tokens (user_id)`,
    },
  ],
  properties: {
    /** Public id (32 hex), used to list and revoke; it is not the secret. */
    id: p.string().length(32).primary(),
    user: () => p.manyToOne(UserSchema).deleteRule('cascade'),
    name: p.string().length(250),
    /** Hex SHA-256 of the secret. */
    tokenHash: p.string().length(64).unique(),
    creationTime: p.bigint('number'),
    /** Ms since the epoch after which the token is refused; null = never expires. */
    expiresAt: p.bigint('number').nullable(),
    /** When the token was revoked; null while it is live. */
    revokedAt: p.bigint('number').nullable(),
  },
});

export type ApiToken = InferEntity<typeof ApiTokenSchema>;
