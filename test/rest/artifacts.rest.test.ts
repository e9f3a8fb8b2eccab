import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/http.ts';
import { type RestTestApp, startRestApp } from './rest-client.ts';

let app: RestTestApp;
let runId: string;
let root: string;
beforeAll(async () => {
  app = await startRestApp();
  const { body } = await app.post<{ run: { info: { run_id: string; artifact_uri: string } } }>(
    'runs/create',
    { experiment_id: '0' },
  );
  runId = body.run.info.run_id;
  // mlflow-artifacts:/0/<run>/artifacts, as a client turns it into a URL
  root = `/api/2.0/mlflow-artifacts/artifacts/${body.run.info.artifact_uri.slice('mlflow-artifacts:/'.length)}`;
});
afterAll(() => app.close());

const ARTIFACTS = parse(`query ($id: String!) {
  run(runId: $id) { artifacts(path: "plots") { edges { node { path isDir } } } }
}`) as TypedDocumentNode<
  { run: { artifacts: { edges: { node: { path: string; isDir: boolean } }[] } } },
  { id: string }
>;

describe('MLflow REST: proxied artifacts', () => {
  it('uploads, lists, downloads (with ranges) and is visible to GraphQL and /artifacts', async () => {
    const put = await app.send('PUT', `${root}/plots/a.txt`, 'hello artifact');
    expect(put.status).toBe(200);
    expect(put.body).toEqual({});
    await app.send('PUT', `${root}/plots/sub/b.txt`, 'bee');
    const list = await app.get(`/api/2.0/mlflow-artifacts/artifacts`, {
      path: `${root.split('/artifacts/')[1]}/plots`,
    });
    expect(list.body).toEqual({
      files: [
        { path: 'a.txt', is_dir: false, file_size: 14 },
        { path: 'sub', is_dir: true },
      ],
    });
    const runList = await app.get('artifacts/list', { run_id: runId, path: 'plots' });
    expect(runList.body).toEqual({
      root_uri: `mlflow-artifacts:/0/${runId}/artifacts`,
      files: [
        { path: 'plots/a.txt', is_dir: false, file_size: 14 },
        { path: 'plots/sub', is_dir: true },
      ],
    });
    const got = await app.send('GET', `${root}/plots/a.txt`);
    expect(got.text).toBe('hello artifact');
    const ranged = await app.send('GET', `${root}/plots/a.txt`, undefined, { range: 'bytes=6-' });
    expect(ranged.status).toBe(206);
    expect(ranged.text).toBe('artifact');
    const gql = await app.t.execute(ARTIFACTS, { id: runId });
    expect(gql.run.artifacts.edges.map((e) => e.node.path)).toEqual(['plots/a.txt', 'plots/sub']);
    const direct = await app.send('GET', `/artifacts/${runId}/plots/sub/b.txt`);
    expect(direct.text).toBe('bee');
    // a file written through the /artifacts route is visible through the proxy
    await app.send('PUT', `/artifacts/${runId}/other.bin`, 'xyz');
    expect((await app.send('GET', `${root}/other.bin`)).text).toBe('xyz');
  });

  it('lists nothing for a file or a missing directory, and 404s a missing file', async () => {
    const base = root.split('/artifacts/')[1];
    expect(
      (await app.get('/api/2.0/mlflow-artifacts/artifacts', { path: `${base}/nope` })).body,
    ).toEqual({});
    expect((await app.get('/api/2.0/mlflow-artifacts/artifacts', { path: '0' })).body).toEqual({});
    const missing = await app.send('GET', `${root}/nope.txt`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
    // the run exists but under another experiment: the path names nothing
    const wrongExp = await app.send(
      'GET',
      `/api/2.0/mlflow-artifacts/artifacts/7/${runId}/artifacts/plots/a.txt`,
    );
    expect(wrongExp.status).toBe(404);
  });

  it('refuses traversal and odd paths with 400', async () => {
    for (const path of [
      `${root}/../../etc/passwd`,
      `${root}/%2e%2e/%2e%2e/secret`,
      `${root}/a%5Cb`,
      `${root}/%252e%252e/x`,
    ]) {
      const res = await rawRequest(app.base, 'PUT', path, 'x');
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body.toString()).error_code).toBe('INVALID_PARAMETER_VALUE');
    }
    const list = await app.get('/api/2.0/mlflow-artifacts/artifacts', { path: '0/../..' });
    expect(list.status).toBe(400);
  });

  it('deletes a file or a directory, and 404s when nothing is there', async () => {
    await app.send('PUT', `${root}/tmp/one.txt`, '1');
    await app.send('PUT', `${root}/tmp/two/three.txt`, '3');
    expect((await app.send('DELETE', `${root}/tmp/one.txt`)).status).toBe(200);
    expect((await app.send('GET', `${root}/tmp/one.txt`)).status).toBe(404);
    expect((await app.send('DELETE', `${root}/tmp`)).status).toBe(200);
    expect((await app.get('artifacts/list', { run_id: runId, path: 'tmp' })).body).toMatchObject({
      root_uri: expect.any(String),
    });
    expect((await app.send('DELETE', `${root}/tmp`)).status).toBe(404);
  });

  it('refuses uploads to a deleted run', async () => {
    const { body } = await app.post<{ run: { info: { run_id: string } } }>('runs/create', {});
    const id = body.run.info.run_id;
    await app.post('runs/delete', { run_id: id });
    const res = await app.send(
      'PUT',
      `/api/2.0/mlflow-artifacts/artifacts/0/${id}/artifacts/x.txt`,
      'x',
    );
    expect(res.status).toBe(400);
  });
});

describe('MLflow REST: file names MLflow itself writes', () => {
  it('stores log_image names with literal % (not taken for double encoding)', async () => {
    const name = 'sample%step%25%timestamp%1796627893385%id2039d2-235c.png';
    const put = await app.send('PUT', `${root}/images/${encodeURIComponent(name)}`, 'png');
    expect(put.status).toBe(200);
    const list = await app.get('artifacts/list', { run_id: runId, path: 'images' });
    expect(list.body).toMatchObject({
      files: [{ path: `images/${name}`, is_dir: false, file_size: 3 }],
    });
    expect((await app.send('GET', `${root}/images/${encodeURIComponent(name)}`)).text).toBe('png');
  });
});
