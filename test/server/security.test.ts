import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { authOn, wsConnect } from '../helpers/auth.ts';
import { json, rawRequest } from '../helpers/http.ts';
import { uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const ALLOWED = 'http://app.example';
let t: TestApp;
let url: string;
let base: string;
let host: string;

beforeAll(async () => {
  t = await createTestApp({
    config: {
      security: loadConfig({ TRACKQL_CORS_ORIGINS: `${ALLOWED}, http://other.example:8080` })
        .security,
    },
  });
  url = await t.listen();
  base = url.replace(/\/graphql$/, '');
  host = new URL(url).host;
});
afterAll(() => t.close());

const create = (name: string) =>
  JSON.stringify({
    query: `mutation { createExperiment(input: { name: "${name}" }) { __typename } }`,
  });
const exists = async (name: string) => {
  const res = await t.executeRaw(`{ experimentByName(name: "${name}") { name } }`);
  return (res.data as { experimentByName: unknown } | undefined)?.experimentByName != null;
};

describe('safe bind defaults', () => {
  it('refuses a non-loopback HOST with authentication off', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/Refusing to listen on HOST=0\.0\.0\.0/);
    expect(() => loadConfig({ HOST: '192.168.1.4' })).toThrow(/authentication off/);
  });

  it('accepts it with authentication on, or with the explicit opt-out', () => {
    const on = loadConfig({
      HOST: '0.0.0.0',
      TRACKQL_ADMIN_USERNAME: 'root',
      TRACKQL_ADMIN_PASSWORD: 'long-password-1',
    });
    expect(on.security.authEnabled).toBe(true);
    const optOut = loadConfig({ HOST: '::', TRACKQL_INSECURE_PUBLIC_BIND_WITHOUT_AUTH: 'on' });
    expect(optOut.security.authEnabled).toBe(false);
  });

  it('turns GraphiQL and introspection on by default only on loopback', () => {
    expect(loadConfig({}).security).toMatchObject({
      graphiql: true,
      introspection: true,
      authEnabled: false,
    });
    expect(loadConfig({ HOST: '0.0.0.0', TRACKQL_AUTH: 'on' }).security).toMatchObject({
      graphiql: false,
      introspection: false,
    });
    expect(
      loadConfig({ HOST: '0.0.0.0', TRACKQL_AUTH: 'on', TRACKQL_INTROSPECTION: 'on' }).security
        .introspection,
    ).toBe(true);
  });

  it('refuses a half-configured admin and a malformed CORS origin', () => {
    expect(() => loadConfig({ TRACKQL_ADMIN_USERNAME: 'root' })).toThrow(/both/);
    expect(() => loadConfig({ TRACKQL_CORS_ORIGINS: 'http://a.example/path' })).toThrow(
      /not an origin/,
    );
  });
});

describe('cross-site requests', () => {
  it('refuses a request from another origin, writes nothing and reflects no CORS headers', async () => {
    const name = uniqueName('xsite');
    const res = await rawRequest(base, 'POST', '/graphql', create(name), {
      'content-type': 'application/json',
      origin: 'http://evil.example',
    });
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(await exists(name)).toBe(false);
  });

  it('answers an allow-listed origin with credentialed CORS, and a same-origin page too', async () => {
    const name = uniqueName('allowed');
    const res = await rawRequest(base, 'POST', '/graphql', create(name), {
      'content-type': 'application/json',
      origin: ALLOWED,
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(await exists(name)).toBe(true);
    const same = await rawRequest(base, 'POST', '/graphql', create(uniqueName('same')), {
      'content-type': 'application/json',
      origin: `http://${host}`,
    });
    expect(same.status).toBe(200);
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers preflights with CORS headers only for allow-listed origins', async () => {
    const preflight = (origin: string) =>
      rawRequest(base, 'OPTIONS', '/graphql', undefined, {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      });
    const ok = await preflight(ALLOWED);
    expect(ok.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(ok.headers['access-control-allow-headers']).toContain('authorization');
    const evil = await preflight('http://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses form posts and other simple content types, on GraphQL and on every other route', async () => {
    const name = uniqueName('form');
    const query = `mutation { createExperiment(input: { name: "${name}" }) { __typename } }`;
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(query)}`],
      ['text/plain', JSON.stringify({ query })],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--`,
      ],
    ] as const) {
      const res = await rawRequest(base, 'POST', '/graphql', body, { 'content-type': type });
      expect(res.status, type).toBe(415);
      expect(json(res)).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    }
    expect((await rawRequest(base, 'POST', '/graphql', JSON.stringify({ query }))).status).toBe(
      415,
    );
    expect(await exists(name)).toBe(false);
    const otlp = await rawRequest(base, 'POST', '/v1/traces', '{}', {
      'content-type': 'text/plain',
    });
    expect(otlp.status).toBe(415);
  });

  it('refuses a foreign Host name while authentication is off (DNS rebinding)', async () => {
    const res = await rawRequest(base, 'POST', '/graphql', create(uniqueName('rebind')), {
      'content-type': 'application/json',
      host: `rebind.evil.example:${new URL(url).port}`,
    });
    expect(res.status).toBe(403);
    const local = await rawRequest(base, 'GET', '/graphql?query=%7B__typename%7D', undefined, {
      host: `localhost:${new URL(url).port}`,
    });
    expect(local.status).toBe(200);
  });

  it('refuses WebSocket upgrades from another origin', async () => {
    expect(await wsConnect(url, {}, { origin: 'http://evil.example' })).toEqual({
      kind: 'refused',
      status: 403,
    });
    const same = await wsConnect(url, {}, { origin: `http://${host}` });
    expect(same.kind).toBe('acked');
    if (same.kind === 'acked') same.socket.close();
    const allowed = await wsConnect(url, {}, { origin: ALLOWED });
    expect(allowed.kind).toBe('acked');
    if (allowed.kind === 'acked') allowed.socket.close();
  });
});

describe('GraphiQL and introspection switches', () => {
  let closed: TestApp;
  beforeAll(async () => {
    closed = await createTestApp({
      config: {
        security: loadConfig({ TRACKQL_GRAPHIQL: 'off', TRACKQL_INTROSPECTION: 'off' }).security,
      },
    });
  });
  afterAll(() => closed.close());

  it('serves both by default on loopback', async () => {
    const intro = await t.executeRaw('{ __schema { queryType { name } } }');
    expect(intro.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await t.app.yoga.fetch('http://yoga/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('refuses introspection and serves no GraphiQL when switched off', async () => {
    const intro = await closed.executeRaw('{ __schema { queryType { name } } }');
    expect(intro.data).toBeUndefined();
    expect(intro.errors?.[0]?.message).toMatch(/introspection/i);
    const typed = await closed.executeRaw('{ __type(name: "Query") { name } }');
    expect(typed.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await closed.executeRaw('{ __typename }')).data).toEqual({ __typename: 'Query' });
    const page = await closed.app.yoga.fetch('http://yoga/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
  });
});

describe('with authentication on', () => {
  let secured: TestApp;
  let securedBase: string;
  beforeAll(async () => {
    secured = await createTestApp({ config: authOn() });
    securedBase = (await secured.listen()).replace(/\/graphql$/, '');
  });
  afterAll(() => secured.close());

  it('accepts any Host name (credentials protect it) but still refuses cross-site origins', async () => {
    const port = new URL(securedBase).port;
    const res = await rawRequest(securedBase, 'POST', '/graphql', create('x'), {
      'content-type': 'application/json',
      host: `tracking.example.com:${port}`,
    });
    expect(res.status).toBe(401);
    const cross = await rawRequest(securedBase, 'POST', '/graphql', create('x'), {
      'content-type': 'application/json',
      host: `tracking.example.com:${port}`,
      origin: 'http://evil.example',
    });
    expect(cross.status).toBe(403);
  });
});
