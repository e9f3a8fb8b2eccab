import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, authOn, basic } from '../helpers/auth.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Users, tokens and grants are written through their entities: the row is loaded under a lock
// and decided on as committed. A change that may remove an admin locks every admin first, so a
// concurrent demotion (here: a transaction of the test's own, as another instance would run it)
// is waited for and seen, and the last admin stays one.

const adminAuth = basic(ADMIN.username, ADMIN.password);
let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await createTestApp({ config: authOn(), authorization: adminAuth });
  base = (await t.listen()).replace(/\/graphql$/, '');
});
afterAll(() => t.close());

async function gql<R>(query: string, variables: Record<string, unknown> = {}): Promise<R> {
  const res = await t.executeRaw<R, Record<string, unknown>>(query, variables);
  if (res.errors?.length || !res.data) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

async function createAdmin(username: string): Promise<void> {
  const res = await gql<{ createUser: { __typename: string } }>(
    `mutation($u: String!) { createUser(input: { username: $u, password: "pw-long-enough", isAdmin: true }) { __typename } }`,
    { u: username },
  );
  expect(res.createUser.__typename).toBe('CreateUserSuccess');
}

async function sql<R extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const adminCount = async () =>
  (await sql<{ n: number }>('select count(*)::int as n from users where is_admin'))[0]!.n;

/** Demotes `username` in a transaction of the test's own, holding its row until `commit`. */
async function concurrentDemotion(username: string) {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query('select id from users where username = $1 for update', [username]);
  await client.query('update users set is_admin = false where username = $1', [username]);
  return {
    async commit() {
      await client.query('commit');
      await client.end();
    },
  };
}

/**
 * Resolves once some statement waits for a row lock, or once `write` settles without waiting
 * (then the write did not lock what the demotion holds).
 */
async function waiterOr(write: Promise<unknown>): Promise<void> {
  let settled = false;
  void write.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    const [row] = await sql<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the last admin under concurrent changes', () => {
  it('a demotion waiting on a concurrent one sees it, and keeps the last admin', async () => {
    await createAdmin('second-admin');
    expect(await adminCount()).toBe(2);
    const other = await concurrentDemotion('second-admin');
    const demote = fetch(`${base}/api/2.0/mlflow/users/update-admin`, {
      method: 'PATCH',
      headers: { authorization: adminAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ username: ADMIN.username, is_admin: false }),
    });
    await waiterOr(demote);
    await other.commit();
    const res = await demote;
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error_code: string }).error_code).toBe('PERMISSION_DENIED');
    expect(await adminCount()).toBe(1);
  });

  it('a deletion waiting on a concurrent demotion sees it, and keeps the last admin', async () => {
    await createAdmin('third-admin');
    expect(await adminCount()).toBe(2);
    const other = await concurrentDemotion('third-admin');
    const del = gql<{ deleteUser: { __typename: string } }>(
      `mutation($u: String!) { deleteUser(input: { username: $u }) { __typename } }`,
      { u: ADMIN.username },
    );
    await waiterOr(del);
    await other.commit();
    expect((await del).deleteUser.__typename).toBe('PermissionDeniedError');
    expect(await adminCount()).toBe(1);
  });
});

describe('tokens', () => {
  it('records a revocation once: revoking again changes nothing and records nothing', async () => {
    const made = await gql<{ createApiToken: { created: { token: { id: string } } } }>(
      `mutation { createApiToken(input: { name: "twice" }) { ... on CreateApiTokenSuccess { created { token { id } } } } }`,
    );
    const id = made.createApiToken.created.token.id;
    const revoke = `mutation($id: String!) { revokeApiToken(input: { id: $id }) { ... on RevokeApiTokenSuccess { token { revokedAt } } } }`;
    type Revoked = { revokeApiToken: { token: { revokedAt: number } } };
    const first = await gql<Revoked>(revoke, { id });
    const again = await gql<Revoked>(revoke, { id });
    expect(again.revokeApiToken.token.revokedAt).toBe(first.revokeApiToken.token.revokedAt);
    const events = await sql<{ action: string }>(
      `select action from audit_events where entity_type = 'api_token' and entity_id = $1 order by id`,
      [id],
    );
    expect(events.map((e) => e.action)).toEqual(['api_token.create', 'api_token.revoke']);
  });

  it('keeps a user within its live-token cap when creations race', async () => {
    const name = (i: number) => `bulk-${i}`;
    const results = await Promise.all(
      Array.from({ length: 104 }, (_, i) =>
        gql<{ createApiToken: { __typename: string } }>(
          `mutation($n: String!) { createApiToken(input: { name: $n }) { __typename } }`,
          { n: name(i) },
        ),
      ),
    );
    const made = results.filter((r) => r.createApiToken.__typename === 'CreateApiTokenSuccess');
    const [live] = await sql<{ n: number }>(
      `select count(*)::int as n from api_tokens t join users u on u.id = t.user_id
        where u.username = $1 and t.revoked_at is null`,
      [ADMIN.username],
    );
    expect(live!.n).toBe(100);
    expect(made).toHaveLength(100);
  });
});
