import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic } from '../helpers/auth.ts';
import { buildWorld, type Role, type World } from './permissions-world.ts';

// MLflow's auth REST API (users and experiment permissions) with its JSON shapes and rules.

let w: World;
let base: string;
beforeAll(async () => {
  w = await buildWorld();
  base = (await w.t.listen()).replace(/\/graphql$/, '');
});
afterAll(() => w.close());

async function call(role: Role | string, method: string, path: string, body?: unknown) {
  const authorization = role in w.auth ? w.auth[role as Role] : role;
  const query =
    method === 'GET' && body ? `?${new URLSearchParams(body as Record<string, string>)}` : '';
  // fetch sets Content-Length on a DELETE body (Node's http.request would send it unframed)
  const res = await fetch(`${base}/api/2.0/mlflow/${path}${query}`, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    body: method === 'GET' || body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

describe('users', () => {
  it('lets the admin create, promote and delete a user; others are refused', async () => {
    const refused = await call('manager', 'POST', 'users/create', {
      username: 'zed',
      password: 'pw-zed-1234',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error_code).toBe('PERMISSION_DENIED');
    const created = await call('admin', 'POST', 'users/create', {
      username: 'zed',
      password: 'pw-zed-1234',
    });
    expect(created.status).toBe(200);
    expect(created.body.user).toMatchObject({
      username: 'zed',
      is_admin: false,
      experiment_permissions: [],
      registered_model_permissions: [],
      // MLflow 3.6's client reads it unconditionally (KeyError without it)
      scorer_permissions: [],
    });
    const zed = basic('zed', 'pw-zed-1234');
    const hidden = `experiments/get?experiment_id=${w.exp}`;
    expect(
      (
        await call('admin', 'POST', 'experiments/permissions/create', {
          experiment_id: w.exp,
          username: 'zed',
          permission: 'NO_PERMISSIONS',
        })
      ).status,
    ).toBe(200);
    expect((await call(zed, 'GET', hidden)).status).toBe(404);
    expect(
      (await call('manager', 'PATCH', 'users/update-admin', { username: 'zed', is_admin: true }))
        .status,
    ).toBe(403);
    expect(
      (await call('admin', 'PATCH', 'users/update-admin', { username: 'zed', is_admin: true }))
        .status,
    ).toBe(200);
    // the admin flag takes effect at once (cached credentials are dropped)
    expect((await call(zed, 'GET', hidden)).status).toBe(200);
    const del = await call('admin', 'DELETE', 'users/delete', { username: 'zed' });
    expect([del.status, del.body]).toEqual([200, {}]);
    expect((await call(zed, 'GET', hidden)).status).toBe(401);
  });

  it('shows a user to itself or an admin, with its experiment permissions', async () => {
    const self = await call('reader', 'GET', 'users/get', { username: 'reader' });
    expect(self.status).toBe(200);
    expect(self.body.user).toMatchObject({
      username: 'reader',
      is_admin: false,
      experiment_permissions: [{ experiment_id: w.exp, permission: 'READ' }],
    });
    expect((await call('reader', 'GET', 'users/get', { username: 'editor' })).status).toBe(403);
    expect((await call('admin', 'GET', 'users/get', { username: 'nobody' })).status).toBe(404);
  });

  it('changes a password: a user its own with the current one, the admin anyone', async () => {
    const own = await call('dflt', 'PATCH', 'users/update-password', {
      username: 'dflt',
      password: 'pw-dflt-456',
      current_password: 'pw-dflt-123',
    });
    expect(own.status).toBe(200);
    expect(
      (await call(basic('dflt', 'pw-dflt-456'), 'GET', 'users/get', { username: 'dflt' })).status,
    ).toBe(200);
    const other = await call(basic('dflt', 'pw-dflt-456'), 'PATCH', 'users/update-password', {
      username: 'reader',
      password: 'pw-x-12345',
    });
    expect(other.status).toBe(403);
    const byAdmin = await call('admin', 'PATCH', 'users/update-password', {
      username: 'dflt',
      password: 'pw-dflt-123',
    });
    expect(byAdmin.status).toBe(200);
  });
});

describe('experiment permissions', () => {
  it('creates, gets, updates and deletes a grant with MANAGE, with MLflow codes', async () => {
    const grant = { experiment_id: w.exp, username: 'dflt' };
    const created = await call('manager', 'POST', 'experiments/permissions/create', {
      ...grant,
      permission: 'EDIT',
    });
    expect(created.status).toBe(200);
    expect(created.body.experiment_permission).toMatchObject({
      experiment_id: w.exp,
      permission: 'EDIT',
    });
    expect(typeof (created.body.experiment_permission as { user_id: unknown }).user_id).toBe(
      'number',
    );
    const again = await call('manager', 'POST', 'experiments/permissions/create', {
      ...grant,
      permission: 'EDIT',
    });
    expect([again.status, again.body.error_code]).toEqual([400, 'RESOURCE_ALREADY_EXISTS']);
    expect(
      (
        await call('manager', 'PATCH', 'experiments/permissions/update', {
          ...grant,
          permission: 'MANAGE',
        })
      ).status,
    ).toBe(200);
    const got = await call('manager', 'GET', 'experiments/permissions/get', grant);
    expect((got.body.experiment_permission as { permission: string }).permission).toBe('MANAGE');
    expect((await call('manager', 'DELETE', 'experiments/permissions/delete', grant)).status).toBe(
      200,
    );
    const gone = await call('manager', 'GET', 'experiments/permissions/get', grant);
    expect([gone.status, gone.body.error_code]).toEqual([404, 'RESOURCE_DOES_NOT_EXIST']);
    const update = await call('manager', 'PATCH', 'experiments/permissions/update', {
      ...grant,
      permission: 'READ',
    });
    expect(update.status).toBe(404);
  });

  it('refuses callers without MANAGE and bad levels, writing nothing', async () => {
    const grant = { experiment_id: w.exp, username: 'dflt', permission: 'READ' };
    const byEditor = await call('editor', 'POST', 'experiments/permissions/create', grant);
    expect([byEditor.status, byEditor.body.error_code]).toEqual([403, 'PERMISSION_DENIED']);
    const byNone = await call('none', 'POST', 'experiments/permissions/create', grant);
    expect(byNone.status).toBe(404);
    const bad = await call('admin', 'POST', 'experiments/permissions/create', {
      ...grant,
      permission: 'OWNER',
    });
    expect([bad.status, bad.body.error_code]).toEqual([400, 'INVALID_PARAMETER_VALUE']);
    const list = await call('admin', 'GET', 'users/get', { username: 'dflt' });
    expect(
      (list.body.user as { experiment_permissions: unknown[] }).experiment_permissions,
    ).toEqual([]);
  });
});
