import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  PermissionDeniedError,
  UnauthenticatedError,
  ValidationError,
} from '../../shared/errors.ts';
import type { Viewer } from '../../shared/request-context.ts';
import { codePoints } from '../../shared/validation.ts';
import { type ApiToken, type User, UserSchema } from './auth.entity.ts';

const USERNAME = /^[\p{L}\p{N}_.@+-]{1,256}$/u;
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 1024;

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

/** A user as the API shows it. */
export const userView = (u: User): UserView => ({
  userId: String(u.id),
  username: u.username,
  isAdmin: u.isAdmin,
  creationTime: Number(u.creationTime),
});

/** A token of `username` as the API shows it. */
export const tokenView = (t: ApiToken, username: string): TokenView => ({
  id: t.id,
  name: t.name,
  username,
  creationTime: Number(t.creationTime),
  expiresAt: t.expiresAt == null ? null : Number(t.expiresAt),
  revokedAt: t.revokedAt == null ? null : Number(t.revokedAt),
});

/** Usernames are 1 to 256 letters, digits or `_ . @ + -`. */
export function validateUsername(username: string): void {
  if (!USERNAME.test(username)) {
    throw new ValidationError(
      'username',
      'Username must have 1 to 256 letters, digits or the characters _ . @ + -',
    );
  }
}

/** Passwords have 8 to 1024 code points. */
export function validatePassword(password: string, field = 'password'): void {
  const n = codePoints(password);
  if (n < MIN_PASSWORD || n > MAX_PASSWORD) {
    throw new ValidationError(
      field,
      `Password must have ${MIN_PASSWORD} to ${MAX_PASSWORD} characters`,
    );
  }
}

/**
 * The request's viewer, or UNAUTHENTICATED (`enabled`: whether authentication is on, for the
 * message).
 */
export function requireViewer(viewer: Viewer | null, enabled: boolean): Viewer {
  if (viewer) return viewer;
  throw new UnauthenticatedError(
    enabled
      ? 'Authentication required'
      : 'Authentication is off on this server (TRACKQL_AUTH); users and tokens are not in use',
  );
}

/** Resolves `username` (default: the viewer) that the viewer may act for: itself, or anyone if admin. */
export function actingFor(viewer: Viewer, username: string | null | undefined): string {
  const target = username ?? viewer.username;
  if (target !== viewer.username && !viewer.isAdmin) {
    throw new PermissionDeniedError('Only an admin may manage another user');
  }
  return target;
}

/** Loads a user by name with its row locked for the rest of `em`'s transaction. */
export function lockUser(em: EntityManager, username: string): Promise<User | null> {
  // refresh: a user this request already loaded must show the values the lock protects
  return em.findOne(
    UserSchema,
    { username },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
}

/**
 * Locks every admin (in id order), then the user `username`, for a change that may remove an
 * admin (deleting or demoting): concurrent removals wait for each other, so the last admin stays
 * one, and always lock in the same order, so they never deadlock.
 *
 * @returns the user (null when missing) and how many admins there are while the locks hold.
 */
export async function lockForAdminChange(
  em: EntityManager,
  username: string,
): Promise<{ user: User | null; admins: number }> {
  const admins = await em.find(
    UserSchema,
    { isAdmin: true },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'asc' } },
  );
  return { user: await lockUser(em, username), admins: admins.length };
}
