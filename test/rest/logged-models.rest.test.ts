import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestTestApp, startRestApp } from './rest-client.ts';

let app: RestTestApp;
let runId: string;
beforeAll(async () => {
  app = await startRestApp();
  runId = (await app.post<{ run: { info: { run_id: string } } }>('runs/create', {})).body.run.info
    .run_id;
});
afterAll(() => app.close());

interface ModelJson {
  info: {
    model_id: string;
    experiment_id: string;
    name: string;
    status: string;
    artifact_uri: string;
    source_run_id?: string;
    tags?: { key: string; value: string }[];
  };
  data: { params?: { key: string; value: string }[]; metrics?: Record<string, unknown>[] };
}

async function createModel(body: Record<string, unknown>): Promise<ModelJson> {
  const res = await app.post<{ model: ModelJson }>('logged-models', {
    experiment_id: '0',
    ...body,
  });
  expect(res.status).toBe(200);
  return res.body.model;
}

describe('MLflow REST: logged models', () => {
  it('creates, finalizes, tags, logs params and metrics, and links to runs', async () => {
    const m = await createModel({
      name: 'clf',
      source_run_id: runId,
      params: [{ key: 'alpha', value: '0.5' }],
      tags: [{ key: 'mlflow.user', value: 'ana' }],
    });
    const id = m.info.model_id;
    expect(id).toMatch(/^m-[0-9a-f]{32}$/);
    expect(m.info).toMatchObject({
      name: 'clf',
      status: 'LOGGED_MODEL_PENDING',
      artifact_uri: `mlflow-artifacts:/0/models/${id}/artifacts`,
      source_run_id: runId,
    });
    const fin = await app.send(
      'PATCH',
      `logged-models/${id}`,
      JSON.stringify({ model_id: id, status: 2 }),
      {
        'content-type': 'application/json',
      },
    );
    expect((fin.body as { model: ModelJson }).model.info.status).toBe('LOGGED_MODEL_READY');
    const tags = await app.send(
      'PATCH',
      `logged-models/${id}/tags`,
      JSON.stringify({ tags: [{ key: 'k', value: 'v' }] }),
      {
        'content-type': 'application/json',
      },
    );
    expect(tags.status).toBe(200);
    expect(
      (await app.post(`logged-models/${id}/params`, { params: [{ key: 'beta', value: '1' }] }))
        .status,
    ).toBe(200);
    const changed = await app.post(`logged-models/${id}/params`, {
      params: [{ key: 'beta', value: '2' }],
    });
    expect(changed.status).toBe(400);
    await app.post('runs/log-metric', {
      run_id: runId,
      key: 'acc',
      value: 'NaN',
      timestamp: 5,
      model_id: id,
      dataset_name: 'd',
      dataset_digest: 'x1',
    });
    await app.post('runs/outputs', { run_id: runId, models: [{ model_id: id, step: 2 }] });
    await app.post('runs/log-inputs', { run_id: runId, models: [{ model_id: id }] });
    const got = (await app.get<{ model: ModelJson }>(`logged-models/${id}`)).body.model;
    expect(got.info.tags).toEqual([
      { key: 'k', value: 'v' },
      { key: 'mlflow.user', value: 'ana' },
    ]);
    expect(got.data.params).toEqual([
      { key: 'alpha', value: '0.5' },
      { key: 'beta', value: '1' },
    ]);
    expect(got.data.metrics).toEqual([
      {
        key: 'acc',
        value: 'NaN',
        timestamp: 5,
        step: 0,
        dataset_name: 'd',
        dataset_digest: 'x1',
        model_id: id,
        run_id: runId,
      },
    ]);
    const run = (
      await app.get<{ run: { inputs: unknown; outputs: unknown } }>('runs/get', { run_id: runId })
    ).body.run;
    expect(run.outputs).toEqual({ model_outputs: [{ model_id: id, step: 2 }] });
    expect(run.inputs).toEqual({ model_inputs: [{ model_id: id }] });
    const delTag = await app.send('DELETE', `logged-models/${id}/tags/nope`);
    expect(delTag.status).toBe(404);
    expect((await app.send('DELETE', `logged-models/${id}/tags/k`)).status).toBe(200);
  });

  it("stores a model's own files through the proxied artifact routes", async () => {
    const m = await createModel({ name: 'files' });
    const base = `/api/2.0/mlflow-artifacts/artifacts/${m.info.artifact_uri.slice('mlflow-artifacts:/'.length)}`;
    expect((await app.send('PUT', `${base}/MLmodel`, 'flavors: {}')).status).toBe(200);
    expect((await app.send('PUT', `${base}/data/model.pkl`, 'pickle')).status).toBe(200);
    expect((await app.send('GET', `${base}/MLmodel`)).text).toBe('flavors: {}');
    const dirs = await app.get(`logged-models/${m.info.model_id}/artifacts/directories`, {});
    expect(dirs.body).toEqual({
      root_uri: m.info.artifact_uri,
      files: [
        { path: 'MLmodel', is_dir: false, file_size: 11 },
        { path: 'data', is_dir: true },
      ],
    });
    const sub = await app.get(`logged-models/${m.info.model_id}/artifacts/directories`, {
      artifact_directory_path: 'data',
    });
    expect(sub.body).toMatchObject({
      files: [{ path: 'data/model.pkl', is_dir: false, file_size: 6 }],
    });
    const list = await app.get('/api/2.0/mlflow-artifacts/artifacts', {
      path: `0/models/${m.info.model_id}/artifacts/data`,
    });
    expect(list.body).toEqual({ files: [{ path: 'model.pkl', is_dir: false, file_size: 6 }] });
    const bad = await app.get(`logged-models/${m.info.model_id}/artifacts/directories`, {
      artifact_directory_path: '../x',
    });
    expect(bad.status).toBe(400);
    const wrongExp = await app.send(
      'GET',
      `/api/2.0/mlflow-artifacts/artifacts/9/models/${m.info.model_id}/artifacts/MLmodel`,
    );
    expect(wrongExp.status).toBe(404);
  });

  it('searches with filters, order and pages; deleted models need allow_deleted', async () => {
    const { body } = await app.post<{ experiment_id: string }>('experiments/create', {
      name: 'models-exp',
    });
    const exp = body.experiment_id;
    for (const name of ['a1', 'a2', 'b1']) await createModel({ experiment_id: exp, name });
    const first = await app.post<{ models: ModelJson[]; next_page_token?: string }>(
      'logged-models/search',
      {
        experiment_ids: [exp],
        filter: "name LIKE 'a%'",
        order_by: [{ field_name: 'name', ascending: true }],
        max_results: 1,
      },
    );
    expect(first.body.models.map((x) => x.info.name)).toEqual(['a1']);
    const second = await app.post<{ models: ModelJson[]; next_page_token?: string }>(
      'logged-models/search',
      {
        experiment_ids: [exp],
        filter: "name LIKE 'a%'",
        order_by: [{ field_name: 'name', ascending: true }],
        max_results: 1,
        page_token: first.body.next_page_token,
      },
    );
    expect(second.body.models.map((x) => x.info.name)).toEqual(['a2']);
    const victim = first.body.models[0]!.info.model_id;
    expect((await app.send('DELETE', `logged-models/${victim}`)).status).toBe(200);
    expect((await app.get(`logged-models/${victim}`)).status).toBe(404);
    expect((await app.get(`logged-models/${victim}`, { allow_deleted: 'true' })).status).toBe(200);
    expect(
      (await app.post('logged-models/search', { experiment_ids: [exp], filter: 'bogus ~' })).status,
    ).toBe(400);
    expect((await app.post('logged-models', { experiment_id: '777' })).status).toBe(404);
    expect((await app.post('logged-models', {})).status).toBe(400);
    expect((await app.post('logged-models', { experiment_id: exp, name: 'bad/name' })).status).toBe(
      400,
    );
  });
});
