import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestTestApp, startRestApp } from './rest-client.ts';

let app: RestTestApp;
beforeAll(async () => {
  app = await startRestApp();
});
afterAll(() => app.close());

interface Exp {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: string;
  creation_time: number;
  last_update_time: number;
  tags?: { key: string; value: string }[];
}

describe('MLflow REST: experiments', () => {
  it('creates, gets by id and by name, with tags, int64 as numbers', async () => {
    const created = await app.post<{ experiment_id: string }>('experiments/create', {
      name: 'exp-a',
      tags: [{ key: 'team', value: 'vision' }],
      some_future_field: 1,
    });
    expect(created.status).toBe(200);
    const id = created.body.experiment_id;
    expect(id).toMatch(/^\d+$/);
    const got = await app.get<{ experiment: Exp }>('experiments/get', { experiment_id: id });
    expect(got.status).toBe(200);
    expect(got.body.experiment).toMatchObject({
      experiment_id: id,
      name: 'exp-a',
      artifact_location: `mlflow-artifacts:/${id}`,
      lifecycle_stage: 'active',
      tags: [{ key: 'team', value: 'vision' }],
    });
    expect(typeof got.body.experiment.creation_time).toBe('number');
    const byName = await app.get<{ experiment: Exp }>('experiments/get-by-name', {
      experiment_name: 'exp-a',
    });
    expect(byName.body.experiment.experiment_id).toBe(id);
    // the ajax twin serves the same
    const ajax = await app.get<{ experiment: Exp }>(
      '/ajax-api/2.0/mlflow/experiments/get?experiment_id=0',
    );
    expect(ajax.body.experiment.name).toBe('Default');
  });

  it('answers MLflow errors with MLflow statuses', async () => {
    const dup = await app.post('experiments/create', { name: 'exp-a' });
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({ error_code: 'RESOURCE_ALREADY_EXISTS' });
    const missingName = await app.post('experiments/create', {});
    expect(missingName.status).toBe(400);
    expect(missingName.body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: "Missing value for required parameter 'name'.",
    });
    const wrongType = await app.post('experiments/create', { name: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    const absent = await app.get('experiments/get', { experiment_id: '987654' });
    expect(absent.status).toBe(404);
    expect(absent.body).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
    const notInt = await app.get('experiments/get', { experiment_id: 'abc' });
    expect(notInt.status).toBe(400);
    const noName = await app.get('experiments/get-by-name', { experiment_name: 'nope' });
    expect(noName.status).toBe(404);
    expect(noName.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: "Could not find experiment with name 'nope'",
    });
  });

  it('refuses bad bodies with 400, never 500', async () => {
    const bad = await app.send('POST', 'experiments/create', '{"name": ', {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    const notObject = await app.send('POST', 'experiments/create', '[1,2]', {
      'content-type': 'application/json',
    });
    expect(notObject.status).toBe(400);
    const wrongType = await app.send('POST', 'experiments/create', '{"name":"x"}', {
      'content-type': 'text/plain',
    });
    // a "simple" content type could come from a cross-site form: refused before any route runs
    expect(wrongType.status).toBe(415);
    // a body holding JSON as a JSON string is decoded twice (legacy clients)
    const twice = await app.send(
      'POST',
      'experiments/create',
      JSON.stringify('{"name":"exp-str"}'),
      {
        'content-type': 'application/json; charset=utf-8',
      },
    );
    expect(twice.status).toBe(200);
    const unknown = await app.post('experiments/frobnicate', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error_code: 'ENDPOINT_NOT_FOUND' });
  });

  it('renames, tags, deletes and restores with MLflow codes', async () => {
    const { body } = await app.post<{ experiment_id: string }>('experiments/create', {
      name: 'exp-b',
    });
    const id = body.experiment_id;
    expect(
      (await app.post('experiments/update', { experiment_id: id, new_name: 'exp-b2' })).status,
    ).toBe(200);
    const taken = await app.post('experiments/update', { experiment_id: id, new_name: 'exp-a' });
    expect(taken.status).toBe(400);
    expect(
      (
        await app.post('experiments/set-experiment-tag', {
          experiment_id: id,
          key: 'k',
          value: 'v',
        })
      ).status,
    ).toBe(200);
    const delTag = await app.post('experiments/delete-experiment-tag', {
      experiment_id: id,
      key: 'nope',
    });
    expect(delTag.status).toBe(404);
    expect(
      (await app.post('experiments/delete-experiment-tag', { experiment_id: id, key: 'k' })).status,
    ).toBe(200);
    expect((await app.post('experiments/delete', { experiment_id: id })).status).toBe(200);
    const again = await app.post('experiments/delete', { experiment_id: id });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
    const rename = await app.post('experiments/update', { experiment_id: id, new_name: 'zz' });
    expect(rename.status).toBe(500);
    expect(rename.body).toMatchObject({ error_code: 'INVALID_STATE' });
    const tagDeleted = await app.post('experiments/set-experiment-tag', {
      experiment_id: id,
      key: 'k',
      value: 'v',
    });
    expect(tagDeleted.status).toBe(400);
    expect((await app.post('experiments/restore', { experiment_id: id })).status).toBe(200);
    const restoreActive = await app.post('experiments/restore', { experiment_id: id });
    expect(restoreActive.status).toBe(404);
  });

  it('searches by GET and POST with paging tokens and view types', async () => {
    for (const n of ['s-1', 's-2', 's-3']) await app.post('experiments/create', { name: n });
    const first = await app.post<{ experiments: Exp[]; next_page_token?: string }>(
      'experiments/search',
      {
        filter: "name LIKE 's-%'",
        max_results: '2',
        order_by: ['name ASC'],
      },
    );
    expect(first.status).toBe(200);
    expect(first.body.experiments.map((e) => e.name)).toEqual(['s-1', 's-2']);
    expect(first.body.next_page_token).toBeTypeOf('string');
    const second = await app.get<{ experiments: Exp[]; next_page_token?: string }>(
      'experiments/search',
      {
        filter: "name LIKE 's-%'",
        max_results: 2,
        order_by: ['name ASC'],
        page_token: first.body.next_page_token!,
      },
    );
    expect(second.body.experiments.map((e) => e.name)).toEqual(['s-3']);
    expect(second.body.next_page_token).toBeUndefined();
    const none = await app.post('experiments/search', { filter: "name = 'nothing'" });
    expect(none.body).toEqual({});
    const deleted = await app.get<{ experiments?: Exp[] }>('experiments/search', {
      view_type: 'DELETED_ONLY',
    });
    expect(deleted.status).toBe(200);
    const badToken = await app.post('experiments/search', { page_token: 'garbage!' });
    expect(badToken.status).toBe(400);
    const badMax = await app.post('experiments/search', { max_results: 50_001 });
    expect(badMax.status).toBe(400);
    const badFilter = await app.post('experiments/search', { filter: 'name = ' });
    expect(badFilter.status).toBe(400);
    const badView = await app.post('experiments/search', { view_type: 'SOME' });
    expect(badView.status).toBe(400);
    const byNumber = await app.post('experiments/search', { view_type: 3 });
    expect(byNumber.status).toBe(200);
  });
});

describe('MLflow REST: misc routes', () => {
  it('serves /health, /version and server-info', async () => {
    const health = await app.send('GET', '/health');
    expect(health.text).toBe('OK');
    const version = await app.send('GET', '/version');
    expect(version.text).toMatch(/^3\.\d+\.\d+$/);
    const info = await app.get('/api/3.0/mlflow/server-info');
    expect(info.body).toEqual({ store_type: 'SqlStore', workspaces_enabled: false });
  });
});
