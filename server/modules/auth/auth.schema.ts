import { builder } from '../../builder.ts';
import {
  AlreadyExistsError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  ValidationError,
} from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import type { CreatedToken, TokenView, UserView } from './auth.service.ts';

const UserRef = builder.objectRef<UserView>('User').implement({
  description: 'An account that signs in with a password (HTTP Basic) or with its API tokens.',
  fields: (t) => ({
    userId: t.exposeString('userId', { description: 'Numeric id of the user, as a string.' }),
    username: t.exposeString('username', { description: 'Unique login name.' }),
    isAdmin: t.exposeBoolean('isAdmin', {
      description: 'Admins manage users and every token, and may do everything.',
    }),
    creationTime: t.field({
      type: 'SafeInt',
      description: 'Creation time, ms since the epoch.',
      resolve: (u) => u.creationTime,
    }),
  }),
});

const ApiTokenRef = builder.objectRef<TokenView>('ApiToken').implement({
  description:
    'An API token (metadata only: the secret is shown once, by createApiToken, and stored hashed).',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Public id of the token, used to revoke it.' }),
    name: t.exposeString('name', {
      description: 'What the token is for, as its creator named it.',
    }),
    username: t.exposeString('username', { description: 'The user the token acts as.' }),
    creationTime: t.field({
      type: 'SafeInt',
      description: 'Creation time, ms since the epoch.',
      resolve: (k) => k.creationTime,
    }),
    expiresAt: t.field({
      type: 'SafeInt',
      nullable: true,
      description: 'Ms since the epoch from which the token is refused; null: never expires.',
      resolve: (k) => k.expiresAt,
    }),
    revokedAt: t.field({
      type: 'SafeInt',
      nullable: true,
      description: 'When the token was revoked (ms since the epoch); null while it is live.',
      resolve: (k) => k.revokedAt,
    }),
  }),
});

const CreatedTokenRef = builder.objectRef<CreatedToken>('CreatedApiToken').implement({
  description: 'A new API token and its secret.',
  fields: (t) => ({
    token: t.field({ type: ApiTokenRef, description: 'The token.', resolve: (c) => c.token }),
    secret: t.exposeString('secret', {
      description:
        'The secret, shown only now: send it as `Authorization: Bearer <secret>` (MLFLOW_TRACKING_TOKEN).',
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: UserRef,
    nullable: true,
    description: 'The authenticated caller; null when authentication is off.',
    resolve: (_, __, ctx) => ctx.services.auth.viewerUser(),
  }),
  users: t.field({
    type: [UserRef],
    description:
      'Every user, by name (admins only; others get an UNAUTHENTICATED or PERMISSION_DENIED error).',
    resolve: (_, __, ctx) => ctx.services.auth.listUsers(),
  }),
  apiTokens: t.field({
    type: [ApiTokenRef],
    description: "The caller's API tokens, newest first, revoked ones included (at most 1000).",
    args: {
      username: t.arg.string({
        description: "Another user's tokens instead (admins only).",
      }),
    },
    resolve: (_, args, ctx) => ctx.services.auth.tokens.listTokens(args.username),
  }),
}));

const AUTH_ERRORS = [UnauthenticatedError, PermissionDeniedError];

builder.mutationFields((t) => ({
  createUser: t.field({
    type: UserRef,
    ...mutationResult('Creates a user (admins only).', [...AUTH_ERRORS, AlreadyExistsError], {
      name: 'user',
      description: 'The new user.',
    }),
    args: {
      input: t.arg({
        required: true,
        description: 'The new user.',
        type: builder.inputType('CreateUserInput', {
          description: 'Input of createUser.',
          fields: (f) => ({
            username: f.string({
              required: true,
              description: 'Unique login name: 1-256 letters, digits or `_ . @ + -`.',
            }),
            password: f.string({ required: true, description: 'Password, 8 to 1024 characters.' }),
            isAdmin: f.boolean({ description: 'Make the user an admin (default false).' }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.auth.createUser(input),
  }),
  updateUserPassword: t.field({
    type: UserRef,
    ...mutationResult(
      "Sets a password: the caller's own (with its current password) or, for an admin, anyone's. Credentials cached by the server are dropped at once.",
      [...AUTH_ERRORS, NotFoundError],
      { name: 'user', description: 'The user whose password changed.' },
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Whose password and the new one.',
        type: builder.inputType('UpdateUserPasswordInput', {
          description: 'Input of updateUserPassword.',
          fields: (f) => ({
            username: f.string({
              description: "The user (default: the caller); another user's needs an admin.",
            }),
            password: f.string({
              required: true,
              description: 'The new password, 8 to 1024 characters.',
            }),
            currentPassword: f.string({
              description:
                "The caller's current password (required unless the caller is an admin).",
            }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.auth.updatePassword(input),
  }),
  deleteUser: t.field({
    type: UserRef,
    ...mutationResult(
      'Deletes a user and its tokens (admins only); the last admin cannot be deleted.',
      [...AUTH_ERRORS, NotFoundError],
      { name: 'user', description: 'The deleted user.' },
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which user.',
        type: builder.inputType('DeleteUserInput', {
          description: 'Input of deleteUser.',
          fields: (f) => ({
            username: f.string({ required: true, description: 'Login name of the user.' }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.auth.deleteUser(input.username),
  }),
  createApiToken: t.field({
    type: CreatedTokenRef,
    ...mutationResult(
      'Creates an API token for the caller (or, for an admin, another user). The secret is in the result only.',
      [...AUTH_ERRORS, NotFoundError],
      { name: 'created', description: 'The token and its secret.' },
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'The new token.',
        type: builder.inputType('CreateApiTokenInput', {
          description: 'Input of createApiToken.',
          fields: (f) => ({
            name: f.string({
              required: true,
              description: 'What the token is for (1-250 characters).',
            }),
            username: f.string({
              description:
                'The user the token acts as (default: the caller; another user needs an admin).',
            }),
            expiresAt: f.field({
              type: 'SafeInt',
              description:
                'Expiry, ms since the epoch (in the future); omit for a token that never expires.',
            }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.auth.tokens.createToken(input),
  }),
  signOut: t.field({
    type: ApiTokenRef,
    ...mutationResult(
      'Signs out: revokes the API token this request authenticated with (as the web UI does on sign-out); streams opened with it end at once. A request signed in with a password gets INVALID_PARAMETER_VALUE.',
      [...AUTH_ERRORS, NotFoundError, ValidationError],
      { name: 'token', description: 'The revoked token.' },
    ),
    resolve: (_, _args, ctx) => ctx.services.auth.tokens.signOut(),
  }),
  revokeApiToken: t.field({
    type: ApiTokenRef,
    ...mutationResult(
      "Revokes an API token at once (the caller's own, or any for an admin). Revoking twice is harmless.",
      [...AUTH_ERRORS, NotFoundError],
      { name: 'token', description: 'The revoked token.' },
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'Which token.',
        type: builder.inputType('RevokeApiTokenInput', {
          description: 'Input of revokeApiToken.',
          fields: (f) => ({
            id: f.string({
              required: true,
              description: 'Public id of the token (`ApiToken.id`).',
            }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.auth.tokens.revokeToken(input.id),
  }),
}));
