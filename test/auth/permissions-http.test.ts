import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/http.ts';
import { buildWorld, ROLES, type Role, type World } from './permissions-world.ts';

// Permissions on the routes outside GraphQL: artifacts, MLflow's artifact proxy, OTLP trace
// ingest and MLflow's REST API, each run as the request's authenticated user.

let w: World;
let base: string;
beforeAll(async () => {
  w = await buildWorld();
  base = (await w.t.listen()).replace(/\/graphql$/, '');
  const put = await rawRequest(base, 'PUT', `/artifacts/${w.run}/a.txt`, 'hello', {
    authorization: w.auth.admin,
  });
  expect(put.status).toBeLessThan(300);
});
afterAll(() => w.close());

/** The status an access needing READ (or EDIT) answers for each role. */
const READ: Record<Role, number> = {
  none: 404,
  reader: 200,
  editor: 200,
  manager: 200,
  dflt: 200,
  admin: 200,
};
const EDIT: Record<Role, number> = { ...READ, reader: 403, dflt: 403 };

const send = (role: Role, method: string, path: string, body?: string, headers = {}) =>
  rawRequest(base, method, path, body, { authorization: w.auth[role], ...headers });
const json = { 'content-type': 'application/json' };

describe('artifact routes', () => {
  it.each(ROLES)(
    '%s: /artifacts GET needs READ, PUT and DELETE-free writes need EDIT',
    async (role) => {
      const get = await send(role, 'GET', `/artifacts/${w.run}/a.txt`);
      expect(get.status).toBe(READ[role]);
      if (get.status === 200) expect(get.body.toString()).toBe('hello');
      const put = await send(role, 'PUT', `/artifacts/${w.run}/by-${role}.txt`, 'x');
      expect(put.status === 201 ? 200 : put.status).toBe(EDIT[role]);
      const after = await send('admin', 'GET', `/artifacts/${w.run}/by-${role}.txt`);
      expect(after.status).toBe(EDIT[role] === 200 ? 200 : 404);
    },
  );

  it.each(ROLES)('%s: the mlflow-artifacts proxy answers the same', async (role) => {
    const root = `/api/2.0/mlflow-artifacts/artifacts/${w.exp}/${w.run}/artifacts`;
    const get = await send(role, 'GET', `${root}/a.txt`);
    expect(get.status).toBe(READ[role]);
    const put = await send(role, 'PUT', `${root}/proxied-${role}.txt`, 'y');
    expect(put.status).toBe(EDIT[role]);
    const del = await send(role, 'DELETE', `${root}/proxied-${role}.txt`);
    expect(del.status).toBe(EDIT[role] === 200 ? 200 : EDIT[role]);
  });

  it.each(ROLES)('%s: multipart upload routes refuse only after READ', async (role) => {
    const dir = `${w.exp}/${w.run}/artifacts/big`;
    const res = await send(
      role,
      'POST',
      `/api/2.0/mlflow-artifacts/mpu/create/${dir}`,
      JSON.stringify({ path: 'big.bin', num_parts: 2 }),
      json,
    );
    // nothing is written: a reader learns only that the store has no multipart uploads
    expect(res.status).toBe(READ[role] === 200 ? 501 : READ[role]);
  });
});

describe('OTLP /v1/traces', () => {
  it.each(ROLES)('%s: posting spans into the experiment needs EDIT', async (role) => {
    const traceId = `${ROLES.indexOf(role)}`.padStart(32, 'a');
    const body = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId,
                  spanId: '00000000000000a1',
                  name: 'op',
                  startTimeUnixNano: '1700000000000000000',
                  endTimeUnixNano: '1700000000200000000',
                  status: {},
                },
              ],
            },
          ],
        },
      ],
    });
    const res = await send(role, 'POST', '/v1/traces', body, {
      ...json,
      'x-mlflow-experiment-id': w.exp,
    });
    expect(res.status).toBe(EDIT[role]);
    const found = await w.as<{ searchTraces: { edges: unknown[] } }>(
      'admin',
      `query($e: String!) { searchTraces(experimentIds: [$e]) { edges { cursor } } }`,
      { e: w.exp },
    );
    // the world's own trace, plus one per role so far that could write
    const writers = ROLES.slice(0, ROLES.indexOf(role) + 1).filter((r) => EDIT[r] === 200);
    expect(found.data?.searchTraces.edges).toHaveLength(1 + writers.length);
  });
});

describe('MLflow REST routes', () => {
  it.each(ROLES)(
    '%s: runs/get needs READ, runs/update EDIT, experiments/update MANAGE',
    async (role) => {
      const get = await send(role, 'GET', `/api/2.0/mlflow/runs/get?run_id=${w.run}`);
      expect(get.status).toBe(READ[role]);
      if (get.status === 404) {
        expect(JSON.parse(get.body.toString()).error_code).toBe('RESOURCE_DOES_NOT_EXIST');
      }
      const update = await send(
        role,
        'POST',
        '/api/2.0/mlflow/runs/update',
        JSON.stringify({ run_id: w.run, status: 'RUNNING' }),
        json,
      );
      expect(update.status).toBe(EDIT[role]);
      if (update.status === 403) {
        expect(JSON.parse(update.body.toString()).error_code).toBe('PERMISSION_DENIED');
      }
      const rename = await send(
        role,
        'POST',
        '/api/2.0/mlflow/experiments/update',
        JSON.stringify({ experiment_id: w.exp, new_name: `renamed-by-${role}` }),
        json,
      );
      const manage = role === 'manager' || role === 'admin' ? 200 : role === 'none' ? 404 : 403;
      expect(rename.status).toBe(manage);
    },
  );

  it.each(ROLES)(
    '%s: runs/search and experiments/search leave out what it cannot read',
    async (role) => {
      const runs = await send(
        role,
        'POST',
        '/api/2.0/mlflow/runs/search',
        JSON.stringify({ experiment_ids: [w.exp, w.open] }),
        json,
      );
      const ids = (JSON.parse(runs.body.toString()).runs as { info: { run_id: string } }[]).map(
        (r) => r.info.run_id,
      );
      expect(ids.includes(w.run)).toBe(role !== 'none');
      expect(ids).toContain(w.openRun);
      const exps = await send(role, 'GET', '/api/2.0/mlflow/experiments/search?max_results=100');
      const expIds = (
        JSON.parse(exps.body.toString()).experiments as { experiment_id: string }[]
      ).map((e) => e.experiment_id);
      expect(expIds.includes(w.exp)).toBe(role !== 'none');
    },
  );
});

describe('MLflow trace REST routes', () => {
  it.each(ROLES)('%s: a trace reads with READ and takes tags with EDIT', async (role) => {
    const get = await send(role, 'GET', `/api/3.0/mlflow/traces/${w.trace}`);
    expect(get.status).toBe(READ[role]);
    const tag = await fetch(`${base}/api/2.0/mlflow/traces/${w.trace}/tags`, {
      method: 'PATCH',
      headers: { authorization: w.auth[role], ...json },
      body: JSON.stringify({ key: `by-${role}`, value: 'x' }),
    });
    expect(tag.status).toBe(EDIT[role]);
  });
});
