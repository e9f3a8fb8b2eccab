import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, authOn } from '../helpers/auth.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let dir: string;
let t: TestApp;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'trackql-ui-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(path.join(dir, 'assets/app-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  writeFileSync(path.join(tmpdir(), 'trackql-ui-secret.txt'), 'secret');
  t = await createTestApp({ config: { uiDir: dir } });
  base = (await t.listen()).replace(/\/graphql$/, '');
});

afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web UI static files', () => {
  it('answers the UI page routes with index.html and a CSP without inline scripts', async () => {
    for (const p of [
      '/',
      '/experiments/3',
      '/runs/abc',
      '/compare?runs=a,b',
      '/models',
      '/traces/tr-1',
    ]) {
      const res = await fetch(`${base}${p}`);
      expect(res.status, p).toBe(200);
      expect(await res.text()).toBe('<!doctype html><title>ui</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('serves built files, hashed assets as immutable, HEAD without a body', async () => {
    const js = await fetch(`${base}/assets/app-abc123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log(1)');
    const svg = await fetch(`${base}/favicon.svg`, { method: 'HEAD' });
    expect(svg.headers.get('content-length')).toBe('6');
    expect(await svg.text()).toBe('');
  });

  it('never answers API paths, unknown files or paths outside the build with the UI', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).not.toContain('<title>ui</title>');
    const rest = await fetch(`${base}/api/2.0/mlflow/experiments/get?experiment_id=0`);
    expect(((await rest.json()) as { experiment: { name: string } }).experiment.name).toBe(
      'Default',
    );
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/assets/..%2f..%2ftrackql-ui-secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/index.html`, { method: 'POST' })).status).not.toBe(200);
    const gql = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ experiment(experimentId: "0") { name } }' }),
    });
    expect(await gql.json()).toEqual({ data: { experiment: { name: 'Default' } } });
  });
});

describe('web UI with authentication on', () => {
  let secured: TestApp;
  let url: string;
  beforeAll(async () => {
    secured = await createTestApp({ config: { uiDir: dir, ...authOn() } });
    url = (await secured.listen()).replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await secured?.close();
  });

  it('serves the page without credentials and keeps the API closed', async () => {
    expect((await fetch(`${url}/runs/x`)).status).toBe(200);
    expect((await fetch(`${url}/api/2.0/mlflow/experiments/get?experiment_id=0`)).status).toBe(401);
  });

  it('challenges scripts (X-Requested-With) with Bearer only, so browsers do not prompt', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"query":"{ viewer { username } }"}',
      });
    const plain = await post({});
    expect(plain.status).toBe(401);
    expect(plain.headers.get('www-authenticate')).toContain('Basic');
    const script = await post({ 'x-requested-with': 'XMLHttpRequest' });
    expect(script.status).toBe(401);
    expect(script.headers.get('www-authenticate')).toBe('Bearer realm="trackql"');
    const artifact = await fetch(`${url}/artifacts/abc/x.txt`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(artifact.headers.get('www-authenticate')).toBe('Bearer realm="trackql"');
    const basic = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
    const ok = await post({ 'x-requested-with': 'XMLHttpRequest', authorization: basic });
    expect(await ok.json()).toEqual({ data: { viewer: { username: ADMIN.username } } });
  });
});
