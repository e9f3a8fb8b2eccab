import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { ADMIN, authOn, basic, wsConnect, wsExecute } from '../helpers/auth.ts';
import { json, rawRequest } from '../helpers/http.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const CreateToken = graphql(`
  mutation TransportToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on CreateApiTokenSuccess { created { secret } }
    }
  }
`);

const adminAuth = basic(ADMIN.username, ADMIN.password);
let t: TestApp;
let url: string;
let base: string;
let bearer: string;
let exp: string;

beforeAll(async () => {
  t = await createTestApp({ config: authOn(), authorization: adminAuth });
  url = await t.listen();
  base = url.replace(/\/graphql$/, '');
  const res = await t.execute(CreateToken, { input: { name: 'transports' } });
  if (res.createApiToken.__typename !== 'CreateApiTokenSuccess') throw new Error('no token');
  bearer = `Bearer ${res.createApiToken.created.secret}`;
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

const gqlBody = JSON.stringify({ query: '{ viewer { username } }' });

describe('one gate on every transport', () => {
  it('guards GraphQL over real HTTP', async () => {
    const headers = { 'content-type': 'application/json' };
    expect((await rawRequest(base, 'POST', '/graphql', gqlBody, headers)).status).toBe(401);
    const ok = await rawRequest(base, 'POST', '/graphql', gqlBody, {
      ...headers,
      authorization: bearer,
    });
    expect(json(ok)).toEqual({ data: { viewer: { username: 'admin' } } });
  });

  it('guards subscriptions over SSE', async () => {
    const path = `/graphql?query=${encodeURIComponent('subscription { runUpdated(runId: "x") { __typename } }')}`;
    const res = await rawRequest(base, 'GET', path, undefined, { accept: 'text/event-stream' });
    expect(res.status).toBe(401);
  });

  it('guards the artifact routes', async () => {
    const run = await seedRun(t, exp);
    const denied = await rawRequest(base, 'PUT', `/artifacts/${run}/a.txt`, 'hello');
    expect(denied.status).toBe(401);
    expect(denied.headers['www-authenticate']).toContain('Basic');
    expect((await rawRequest(base, 'GET', `/artifacts/${run}/a.txt`)).status).toBe(401);
    const up = await rawRequest(base, 'PUT', `/artifacts/${run}/a.txt`, 'hello', {
      authorization: bearer,
    });
    expect(up.status).toBe(201);
    const down = await rawRequest(base, 'GET', `/artifacts/${run}/a.txt`, undefined, {
      authorization: adminAuth,
    });
    expect(down.body.toString()).toBe('hello');
  });

  it('guards OTLP trace ingest', async () => {
    const res = await rawRequest(base, 'POST', '/v1/traces', '{"resourceSpans":[]}', {
      'content-type': 'application/json',
      'x-mlflow-experiment-id': exp,
    });
    expect(res.status).toBe(401);
    expect(json(res)).toMatchObject({ error_code: 'UNAUTHENTICATED' });
  });

  it('guards any other path, such as the MLflow REST prefixes, before routing', async () => {
    for (const path of [
      '/api/2.0/mlflow/experiments/search',
      '/ajax-api/2.0/mlflow/runs/search',
      '/api/2.0/mlflow-artifacts/artifacts/x',
    ]) {
      const res = await rawRequest(base, 'POST', path, '{}', {
        'content-type': 'application/json',
      });
      expect(res.status, path).toBe(401);
    }
  });

  it('authenticates WebSocket connections from connection_init or the upgrade header', async () => {
    expect(await wsConnect(url, undefined)).toEqual({ kind: 'closed', code: 4403 });
    expect(await wsConnect(url, { authorization: 'Bearer tql_wrong' })).toEqual({
      kind: 'closed',
      code: 4403,
    });
    const fromInit = await wsConnect(url, { authorization: bearer });
    if (fromInit.kind !== 'acked') throw new Error(`not acked: ${JSON.stringify(fromInit)}`);
    expect(await wsExecute(fromInit.socket, '{ viewer { username } }')).toEqual({
      data: { viewer: { username: 'admin' } },
    });
    fromInit.socket.close();
    const fromHeader = await wsConnect(url, undefined, { authorization: adminAuth });
    if (fromHeader.kind !== 'acked') throw new Error('not acked');
    expect(await wsExecute(fromHeader.socket, '{ viewer { isAdmin } }')).toEqual({
      data: { viewer: { isAdmin: true } },
    });
    fromHeader.socket.close();
  });
});
