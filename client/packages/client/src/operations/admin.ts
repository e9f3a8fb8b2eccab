import type { Client } from '@urql/core';
import type {
  ClientApiTokensQuery,
  ClientUsersQuery,
  CreateApiTokenInput,
  CreateUserInput,
  PurgeDeletedInput,
} from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { type OpResult, send, settle } from './result.ts';

const UsersDoc = graphql(`
  query ClientUsers {
    users { userId username isAdmin creationTime }
  }
`);

const CreateUserDoc = graphql(`
  mutation ClientCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on CreateUserSuccess { user { userId username isAdmin creationTime } }
      ... on Error { code message }
    }
  }
`);

const ApiTokensDoc = graphql(`
  query ClientApiTokens($username: String) {
    apiTokens(username: $username) { id name username creationTime expiresAt revokedAt }
  }
`);

const CreateApiTokenDoc = graphql(`
  mutation ClientCreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on CreateApiTokenSuccess {
        created { secret token { id name username creationTime expiresAt revokedAt } }
      }
      ... on Error { code message }
    }
  }
`);

const RevokeApiTokenDoc = graphql(`
  mutation ClientRevokeApiToken($id: String!) {
    revokeApiToken(input: { id: $id }) {
      __typename
      ... on RevokeApiTokenSuccess { token { id name username creationTime expiresAt revokedAt } }
      ... on Error { code message }
    }
  }
`);

const PurgeDeletedDoc = graphql(`
  mutation ClientPurgeDeleted($input: PurgeDeletedInput!) {
    purgeDeleted(input: $input) {
      __typename
      ... on PurgeDeletedSuccess { purged { experimentIds runIds artifactFiles } }
      ...ClientErrorFields
    }
  }
`);

/** A user account (admins see all). */
export type UserInfo = ClientUsersQuery['users'][number];
/** An API token's metadata (never its secret). */
export type ApiTokenInfo = ClientApiTokensQuery['apiTokens'][number];
/** What `purgeDeleted` removed. */
export interface PurgeSummary {
  experimentIds: string[];
  runIds: string[];
  artifactFiles: number;
}

/** Every user, by name (admins only). */
export async function listUsers(client: Client): Promise<UserInfo[]> {
  return (await send(client, 'query', UsersDoc, {})).users;
}

/** Creates a user (admins only); a taken name is RESOURCE_ALREADY_EXISTS. */
export async function createUser(
  client: Client,
  input: CreateUserInput,
): Promise<OpResult<UserInfo>> {
  const data = await send(client, 'mutation', CreateUserDoc, { input });
  return settle(data.createUser, 'CreateUserSuccess', (r) => r.user) as OpResult<UserInfo>;
}

/** The caller's API tokens (or another user's, for an admin), newest first. */
export async function listApiTokens(client: Client, username?: string): Promise<ApiTokenInfo[]> {
  return (await send(client, 'query', ApiTokensDoc, { username: username ?? null })).apiTokens;
}

/** Creates an API token; the secret is in the result only. */
export async function createApiToken(
  client: Client,
  input: CreateApiTokenInput,
): Promise<OpResult<{ secret: string; token: ApiTokenInfo }>> {
  const data = await send(client, 'mutation', CreateApiTokenDoc, { input });
  return settle(data.createApiToken, 'CreateApiTokenSuccess', (r) => r.created) as OpResult<{
    secret: string;
    token: ApiTokenInfo;
  }>;
}

/** Revokes an API token at once. */
export async function revokeApiToken(client: Client, id: string): Promise<OpResult<ApiTokenInfo>> {
  const data = await send(client, 'mutation', RevokeApiTokenDoc, { id });
  return settle(
    data.revokeApiToken,
    'RevokeApiTokenSuccess',
    (r) => r.token,
  ) as OpResult<ApiTokenInfo>;
}

/**
 * Permanently removes deleted runs and experiments deleted at least `olderThanMs` ago, with their
 * artifacts (MLflow `mlflow gc`); admins only when authentication is on.
 */
export async function purgeDeleted(
  client: Client,
  input: PurgeDeletedInput,
): Promise<OpResult<PurgeSummary>> {
  const data = await send(client, 'mutation', PurgeDeletedDoc, { input });
  return settle(data.purgeDeleted, 'PurgeDeletedSuccess', (r) => r.purged);
}
