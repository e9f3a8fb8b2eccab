import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/modules/auth/password.ts';
import { graphql } from '../gql/index.ts';
import { ADMIN, authOn, basic } from '../helpers/auth.ts';
import { uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const Viewer = graphql(`
  query Viewer { viewer { username isAdmin } }
`);
const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on CreateUserSuccess { user { userId username isAdmin } }
      ...ErrorFields
    }
  }
`);
const CreateToken = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on CreateApiTokenSuccess { created { secret token { id name username expiresAt revokedAt } } }
      ...ErrorFields
    }
  }
`);
const RevokeToken = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      __typename
      ... on RevokeApiTokenSuccess { token { id revokedAt } }
      ...ErrorFields
    }
  }
`);
const ListTokens = graphql(`
  query ApiTokens($username: String) { apiTokens(username: $username) { id name revokedAt } }
`);
const UpdatePassword = graphql(`
  mutation UpdateUserPassword($input: UpdateUserPasswordInput!) {
    updateUserPassword(input: $input) {
      __typename
      ... on UpdateUserPasswordSuccess { user { username } }
      ...ErrorFields
    }
  }
`);
const DeleteUser = graphql(`
  mutation DeleteUser($input: DeleteUserInput!) {
    deleteUser(input: $input) {
      __typename
      ... on DeleteUserSuccess { user { username } }
      ...ErrorFields
    }
  }
`);
const Users = graphql(`
  query Users { users { username isAdmin } }
`);

const adminAuth = basic(ADMIN.username, ADMIN.password);
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: authOn(), authorization: adminAuth });
});
afterAll(() => t.close());

async function status(authorization: string | null): Promise<number> {
  const res = await t.app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: '{ viewer { username } }' }),
  });
  return res.status;
}

async function newUser(isAdmin = false) {
  const username = uniqueName('user').replace(/[^\p{L}\p{N}_.@+-]/gu, '_');
  const password = `pw-${username}`;
  const res = await t.execute(CreateUser, { input: { username, password, isAdmin } });
  if (res.createUser.__typename !== 'CreateUserSuccess') throw new Error('user not created');
  return { username, password, auth: basic(username, password) };
}

async function newToken(authorization: string, input: { name: string; expiresAt?: number }) {
  const res = await t.execute(CreateToken, { input }, { authorization });
  if (res.createApiToken.__typename !== 'CreateApiTokenSuccess') {
    throw new Error(`token not created: ${JSON.stringify(res.createApiToken)}`);
  }
  return res.createApiToken.created;
}

describe('authentication on GraphQL over HTTP', () => {
  it('answers 401 with a Basic and Bearer challenge when credentials are missing or wrong', async () => {
    const res = await t.app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ experiments { edges { node { name } } } }' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="trackql".*Bearer/);
    const body = (await res.json()) as { error_code: string; errors: unknown[] };
    expect(body.error_code).toBe('UNAUTHENTICATED');
    expect(body.errors).toHaveLength(1);
    expect(await status(basic(ADMIN.username, 'wrong-password'))).toBe(401);
    expect(await status(basic('nobody-here', ADMIN.password))).toBe(401);
    expect(await status('Bearer tql_not-a-real-token')).toBe(401);
    expect(await status('Digest abc')).toBe(401);
    expect(await status('Basic !!!')).toBe(401);
  });

  it('keeps /healthz and /readyz open', async () => {
    expect((await t.app.yoga.fetch('http://yoga/healthz')).status).toBe(200);
    expect((await t.app.yoga.fetch('http://yoga/readyz')).status).toBe(200);
  });

  it('admits the configured admin with HTTP Basic and puts it in the context', async () => {
    expect(await t.execute(Viewer)).toEqual({ viewer: { username: 'admin', isAdmin: true } });
  });

  it('verifies a Basic password once per cache period, not on every request', async () => {
    const user = await newUser();
    t.sql.length = 0;
    for (let i = 0; i < 5; i++) {
      expect(await t.execute(Viewer, undefined, { authorization: user.auth })).toEqual({
        viewer: { username: user.username, isAdmin: false },
      });
    }
    expect(t.sql.filter((s) => s.includes('from users where username')).length).toBe(1);
  });
});

describe('user management', () => {
  it('lets an admin create users; refuses duplicates, bad names and short passwords', async () => {
    const user = await newUser();
    const again = await t.execute(CreateUser, {
      input: { username: user.username, password: 'another-password' },
    });
    expect(again.createUser).toMatchObject({
      __typename: 'AlreadyExistsError',
      code: 'RESOURCE_ALREADY_EXISTS',
    });
    const short = await t.execute(CreateUser, { input: { username: 'shorty', password: 'abc' } });
    expect(short.createUser).toMatchObject({ __typename: 'ValidationError', field: 'password' });
    const badName = await t.execute(CreateUser, {
      input: { username: 'a b/c', password: 'long-enough-1' },
    });
    expect(badName.createUser).toMatchObject({ __typename: 'ValidationError', field: 'username' });
    const { users } = await t.execute(Users);
    expect(users.map((u) => u.username)).toContain(user.username);
    expect(users.map((u) => u.username)).not.toContain('shorty');
  });

  it('refuses admin-only operations to other users with PERMISSION_DENIED', async () => {
    const user = await newUser();
    const res = await t.execute(
      CreateUser,
      { input: { username: uniqueName('x').replace(/\W/g, '_'), password: 'long-enough-1' } },
      { authorization: user.auth },
    );
    expect(res.createUser).toMatchObject({
      __typename: 'PermissionDeniedError',
      code: 'PERMISSION_DENIED',
    });
    const del = await t.execute(
      DeleteUser,
      { input: { username: ADMIN.username } },
      { authorization: user.auth },
    );
    expect(del.deleteUser.__typename).toBe('PermissionDeniedError');
    const users = await t.executeRaw(Users, undefined, { authorization: user.auth });
    expect(users.errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED');
  });

  it('changes a password: the old one stops working at once, the current one is required', async () => {
    const user = await newUser();
    expect(await status(user.auth)).toBe(200);
    const wrong = await t.execute(
      UpdatePassword,
      { input: { password: 'new-password-1', currentPassword: 'not-it' } },
      { authorization: user.auth },
    );
    expect(wrong.updateUserPassword).toMatchObject({
      __typename: 'ValidationError',
      field: 'currentPassword',
    });
    const ok = await t.execute(
      UpdatePassword,
      { input: { password: 'new-password-1', currentPassword: user.password } },
      { authorization: user.auth },
    );
    expect(ok.updateUserPassword.__typename).toBe('UpdateUserPasswordSuccess');
    expect(await status(user.auth)).toBe(401);
    expect(await status(basic(user.username, 'new-password-1'))).toBe(200);
  });

  it('deletes a user with its tokens, and never the last admin', async () => {
    const user = await newUser();
    const { secret } = await newToken(user.auth, { name: 'ci' });
    expect(await status(`Bearer ${secret}`)).toBe(200);
    const res = await t.execute(DeleteUser, { input: { username: user.username } });
    expect(res.deleteUser).toMatchObject({ user: { username: user.username } });
    expect(await status(`Bearer ${secret}`)).toBe(401);
    expect(await status(user.auth)).toBe(401);
    const last = await t.execute(DeleteUser, { input: { username: ADMIN.username } });
    expect(last.deleteUser.__typename).toBe('PermissionDeniedError');
    const missing = await t.execute(DeleteUser, { input: { username: 'never-existed' } });
    expect(missing.deleteUser.__typename).toBe('NotFoundError');
  });
});

describe('API tokens', () => {
  it('shows the secret once, authenticates with Bearer and with Basic, and lists without secrets', async () => {
    const user = await newUser();
    const created = await newToken(user.auth, { name: 'laptop' });
    expect(created.secret).toMatch(/^tql_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({
      name: 'laptop',
      username: user.username,
      revokedAt: null,
    });
    expect(
      await t.execute(Viewer, undefined, { authorization: `Bearer ${created.secret}` }),
    ).toEqual({ viewer: { username: user.username, isAdmin: false } });
    // MLflow clients with only a username/password pair can pass the token as the password
    expect(await status(basic(user.username, created.secret))).toBe(200);
    expect(await status(basic(ADMIN.username, created.secret))).toBe(401);
    const listed = await t.executeRaw(ListTokens, {}, { authorization: user.auth });
    expect(listed.data?.apiTokens).toEqual([
      { id: created.token.id, name: 'laptop', revokedAt: null },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    // the secret is stored only as its hash
    const stored = await t.app.orm.em
      .fork()
      .getConnection()
      .execute('select token_hash from api_tokens where id = ?', [created.token.id]);
    expect(JSON.stringify(stored)).not.toContain(created.secret);
  });

  it('refuses a revoked token at once', async () => {
    const user = await newUser();
    const { secret, token } = await newToken(user.auth, { name: 'to revoke' });
    expect(await status(`Bearer ${secret}`)).toBe(200);
    const res = await t.execute(
      RevokeToken,
      { input: { id: token.id } },
      { authorization: `Bearer ${secret}` },
    );
    expect(res.revokeApiToken).toMatchObject({ token: { id: token.id } });
    expect(await status(`Bearer ${secret}`)).toBe(401);
  });

  it('refuses an expired token, and a past expiry at creation', async () => {
    const user = await newUser();
    const past = await t.execute(
      CreateToken,
      { input: { name: 'old', expiresAt: Date.now() - 1000 } },
      { authorization: user.auth },
    );
    expect(past.createApiToken).toMatchObject({
      __typename: 'ValidationError',
      field: 'expiresAt',
    });
    const { secret, token } = await newToken(user.auth, {
      name: 'short-lived',
      expiresAt: Date.now() + 1500,
    });
    expect(token.expiresAt).toBeGreaterThan(Date.now());
    expect(await status(`Bearer ${secret}`)).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, (token.expiresAt ?? 0) - Date.now() + 50)));
    expect(await status(`Bearer ${secret}`)).toBe(401);
  });

  it("keeps users out of each other's tokens; an admin manages anyone's", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const { token } = await newToken(alice.auth, { name: 'alice' });
    const revoke = await t.execute(
      RevokeToken,
      { input: { id: token.id } },
      { authorization: bob.auth },
    );
    expect(revoke.revokeApiToken.__typename).toBe('NotFoundError');
    const list = await t.executeRaw(
      ListTokens,
      { username: alice.username },
      { authorization: bob.auth },
    );
    expect(list.errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED');
    const forAlice = await t.execute(CreateToken, {
      input: { name: 'from admin', username: alice.username },
    });
    expect(forAlice.createApiToken).toMatchObject({
      created: { token: { username: alice.username } },
    });
    const byAdmin = await t.execute(RevokeToken, { input: { id: token.id } });
    expect(byAdmin.revokeApiToken.__typename).toBe('RevokeApiTokenSuccess');
  });
});

describe('password hashing', () => {
  it('stores scrypt hashes at the production cost unless told otherwise, and verifies them', async () => {
    const hash = await hashPassword('a long password');
    expect(hash).toMatch(/^scrypt\$15\$8\$3\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword('a long password', hash)).toBe(true);
    expect(await verifyPassword('a long passwore', hash)).toBe(false);
    expect(await verifyPassword('a long password', 'scrypt$99$8$3$AA==$AA==')).toBe(false);
    const cheap = { logN: 10, r: 8, p: 1 };
    // a random salt per hash
    expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
    // three derivations at the real cost take seconds on a busy machine
  }, 120_000);
});

describe('with authentication off (the loopback default)', () => {
  let open: TestApp;
  beforeAll(async () => {
    open = await createTestApp();
  });
  afterAll(() => open.close());

  it('serves requests without credentials; viewer is null and tokens are refused with UNAUTHENTICATED', async () => {
    expect(await open.execute(Viewer)).toEqual({ viewer: null });
    const res = await open.execute(CreateToken, { input: { name: 'x' } });
    expect(res.createApiToken).toMatchObject({
      __typename: 'UnauthenticatedError',
      code: 'UNAUTHENTICATED',
    });
  });
});
