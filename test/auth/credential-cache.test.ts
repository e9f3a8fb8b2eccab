import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, authOn, basic } from '../helpers/auth.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// HTTP Basic costs a memory-hard password check: a burst of requests with a credential that is not
// cached (a new client, or after the cache period) must pay it once, not once per request.

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await createTestApp({ config: authOn() });
  url = await t.listen();
});
afterAll(() => t?.close());

const passwordChecks = () =>
  t.sql.filter((q) => q.includes('password_hash from users where username')).length;

async function burst(authorization: string, n: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ viewer { username } }' }),
      });
      return res.status;
    }),
  );
}

describe('credential checks', () => {
  it('checks a password once for a burst of concurrent requests', async () => {
    const before = passwordChecks();
    const statuses = await burst(basic(ADMIN.username, ADMIN.password), 12);
    expect(statuses).toEqual(Array(12).fill(200));
    expect(passwordChecks() - before).toBe(1);
  });

  it('refuses a burst with a wrong password, checking it once', async () => {
    const before = passwordChecks();
    const statuses = await burst(basic(ADMIN.username, 'not-the-password'), 8);
    expect(statuses).toEqual(Array(8).fill(401));
    expect(passwordChecks() - before).toBe(1);
  });

  it('checks again after a change of users, not from a verdict made before it', async () => {
    const admin = basic(ADMIN.username, ADMIN.password);
    await burst(admin, 1);
    const before = passwordChecks();
    // revoking a token is a change of credentials: cached verdicts go
    const made = await t.executeRaw<
      { createApiToken: { created: { token: { id: string } } } },
      Record<string, never>
    >(
      'mutation { createApiToken(input: { name: "cc" }) { ... on CreateApiTokenSuccess { created { token { id } } } } }',
      {},
      { authorization: admin },
    );
    expect(made.errors).toBeUndefined();
    const revoked = await t.executeRaw(
      'mutation($id: String!) { revokeApiToken(input: { id: $id }) { __typename } }',
      { id: made.data!.createApiToken.created.token.id },
      { authorization: admin },
    );
    expect(revoked.errors).toBeUndefined();
    expect(await burst(admin, 4)).toEqual(Array(4).fill(200));
    expect(passwordChecks() - before).toBe(1);
  });
});
