import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestTestApp, startRestApp } from './rest-client.ts';

let app: RestTestApp;
let expId: string;
beforeAll(async () => {
  app = await startRestApp();
  const res = await app.post<{ experiment_id: string }>('experiments/create', { name: 'runs-exp' });
  expId = res.body.experiment_id;
});
afterAll(() => app.close());

interface KV {
  key: string;
  value: string;
}
interface RunJson {
  info: {
    run_id: string;
    run_uuid: string;
    run_name: string;
    experiment_id: string;
    status: string;
    start_time: number;
    end_time?: number;
    artifact_uri: string;
    lifecycle_stage: string;
    user_id: string;
  };
  data: {
    metrics?: { key: string; value: number | string; timestamp: number; step: number }[];
    params?: KV[];
    tags?: KV[];
  };
  inputs: { dataset_inputs?: { tags?: KV[]; dataset: Record<string, string> }[] };
}

async function createRun(body: Record<string, unknown> = {}): Promise<RunJson> {
  const res = await app.post<{ run: RunJson }>('runs/create', {
    experiment_id: expId,
    start_time: 1_714_380_000_000,
    ...body,
  });
  expect(res.status).toBe(200);
  return res.body.run;
}

describe('MLflow REST: runs', () => {
  it('creates a run shaped as MLflow does, and gets it', async () => {
    const run = await createRun({
      run_name: 'brave-owl',
      tags: [{ key: 'mlflow.user', value: 'ana' }],
    });
    expect(run.info).toMatchObject({
      run_name: 'brave-owl',
      experiment_id: expId,
      status: 'RUNNING',
      start_time: 1_714_380_000_000,
      artifact_uri: `mlflow-artifacts:/${expId}/${run.info.run_id}/artifacts`,
      lifecycle_stage: 'active',
    });
    expect(run.info.run_uuid).toBe(run.info.run_id);
    expect(run.info.end_time).toBeUndefined();
    expect(run.data.tags).toEqual(
      expect.arrayContaining([
        { key: 'mlflow.user', value: 'ana' },
        { key: 'mlflow.runName', value: 'brave-owl' },
      ]),
    );
    expect(run.data.metrics).toBeUndefined();
    const got = await app.get<{ run: RunJson }>('runs/get', { run_uuid: run.info.run_id });
    expect(got.body.run.info).toEqual(run.info);
  });

  it('answers 404 for unknown runs and experiments, 400 for a deleted experiment', async () => {
    expect((await app.get('runs/get', { run_id: 'f'.repeat(32) })).status).toBe(404);
    expect((await app.get('runs/get', {})).status).toBe(400);
    expect((await app.post('runs/create', { experiment_id: '424242' })).status).toBe(404);
    const { body } = await app.post<{ experiment_id: string }>('experiments/create', {
      name: 'gone',
    });
    await app.post('experiments/delete', { experiment_id: body.experiment_id });
    const res = await app.post('runs/create', { experiment_id: body.experiment_id });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
  });

  it('updates, deletes and restores; writes to a deleted run are 400', async () => {
    const run = await createRun();
    const id = run.info.run_id;
    const upd = await app.post<{ run_info: RunJson['info'] }>('runs/update', {
      run_id: id,
      status: 'FINISHED',
      end_time: '1714380009000',
      run_name: 'renamed',
    });
    expect(upd.body.run_info).toMatchObject({
      status: 'FINISHED',
      end_time: 1_714_380_009_000,
      run_name: 'renamed',
    });
    const byNumber = await app.post<{ run_info: RunJson['info'] }>('runs/update', {
      run_id: id,
      status: 4,
    });
    expect(byNumber.body.run_info.status).toBe('FAILED');
    expect((await app.post('runs/update', { run_id: id, status: 'BOGUS' })).status).toBe(400);
    expect((await app.post('runs/delete', { run_id: id })).status).toBe(200);
    const log = await app.post('runs/log-parameter', { run_id: id, key: 'a', value: '1' });
    expect(log.status).toBe(400);
    expect(log.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect((await app.post('runs/restore', { run_id: id })).status).toBe(200);
    const got = await app.get<{ run: RunJson }>('runs/get', { run_id: id });
    expect(got.body.run.info.lifecycle_stage).toBe('active');
  });

  it('logs params, tags, metrics (NaN and infinities round trip) and shows the latest metric', async () => {
    const id = (await createRun()).info.run_id;
    const batch = await app.post('runs/log-batch', {
      run_id: id,
      metrics: [
        { key: 'loss', value: 0.25, timestamp: 1_714_380_001_000, step: 1 },
        { key: 'loss', value: 'NaN', timestamp: '1714380002000', step: '2' },
        { key: 'up', value: 'Infinity', timestamp: 1 },
        { key: 'down', value: '-Infinity', timestamp: 1 },
      ],
      params: [{ key: 'lr', value: '0.01' }],
      tags: [{ key: 'stage', value: 'dev' }],
    });
    expect(batch.status).toBe(200);
    expect(batch.body).toEqual({});
    expect(
      (
        await app.post('runs/log-metric', {
          run_id: id,
          key: 'acc',
          value: 0.5,
          timestamp: 5,
          step: 3,
        })
      ).status,
    ).toBe(200);
    expect(
      (await app.post('runs/log-parameter', { run_id: id, key: 'opt', value: 'adam' })).status,
    ).toBe(200);
    expect(
      (await app.post('runs/set-tag', { run_id: id, key: 'mlflow.runName', value: 'tagged-name' }))
        .status,
    ).toBe(200);
    const run = (await app.get<{ run: RunJson }>('runs/get', { run_id: id })).body.run;
    expect(run.info.run_name).toBe('tagged-name');
    const metrics = Object.fromEntries(run.data.metrics!.map((m) => [m.key, m]));
    expect(metrics.loss).toEqual({
      key: 'loss',
      value: 'NaN',
      timestamp: 1_714_380_002_000,
      step: 2,
    });
    expect(metrics.up!.value).toBe('Infinity');
    expect(metrics.down!.value).toBe('-Infinity');
    expect(metrics.acc).toEqual({ key: 'acc', value: 0.5, timestamp: 5, step: 3 });
    expect(run.data.params).toEqual([
      { key: 'lr', value: '0.01' },
      { key: 'opt', value: 'adam' },
    ]);
    const changed = await app.post('runs/log-parameter', { run_id: id, key: 'lr', value: '0.02' });
    expect(changed.status).toBe(400);
    expect((await app.post('runs/delete-tag', { run_id: id, key: 'stage' })).status).toBe(200);
    const again = await app.post('runs/delete-tag', { run_id: id, key: 'stage' });
    expect(again.status).toBe(404);
  });

  it('refuses bad metrics with 400 and writes nothing of the batch', async () => {
    const id = (await createRun()).info.run_id;
    const cases = [
      { metrics: [{ key: 'a', value: 'abc', timestamp: 1 }] },
      { metrics: [{ key: 'a', value: true, timestamp: 1 }] },
      { metrics: [{ key: 'a', value: 1 }] },
      { metrics: [{ key: 'a', value: 1, timestamp: -1 }] },
      { metrics: [{ key: 'a', value: 1, timestamp: 1, step: 1.5 }] },
      { metrics: { key: 'a' } },
      { metrics: [{ key: 'ok', value: 1, timestamp: 1 }], params: [{ key: 'p' }, { key: 'p' }] },
      {
        metrics: Array.from({ length: 1001 }, (_, i) => ({
          key: 'm',
          value: i,
          timestamp: 1,
          step: i,
        })),
      },
    ];
    for (const c of cases) {
      const res = await app.post('runs/log-batch', { run_id: id, ...c });
      expect(res.status, JSON.stringify(c).slice(0, 80)).toBe(400);
      expect(res.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    }
    const run = (await app.get<{ run: RunJson }>('runs/get', { run_id: id })).body.run;
    expect(run.data.metrics).toBeUndefined();
    expect(run.data.params).toBeUndefined();
    const missingRun = await app.post('runs/log-batch', { run_id: 'f'.repeat(32), metrics: [] });
    expect(missingRun.status).toBe(404);
  });

  it('logs dataset inputs and legacy log-model history', async () => {
    const id = (await createRun()).info.run_id;
    const dataset = {
      name: 'iris',
      digest: 'abc123',
      source_type: 'local',
      source: '{"uri":"x"}',
      schema: '{}',
    };
    const res = await app.post('runs/log-inputs', {
      run_id: id,
      datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset }],
    });
    expect(res.status).toBe(200);
    const model = {
      artifact_path: 'model',
      flavors: { python_function: {} },
      utc_time_created: 'now',
      run_id: id,
    };
    expect(
      (await app.post('runs/log-model', { run_id: id, model_json: JSON.stringify(model) })).status,
    ).toBe(200);
    expect(
      (await app.post('runs/log-model', { run_id: id, model_json: '{"flavors":{}}' })).status,
    ).toBe(400);
    const run = (await app.get<{ run: RunJson }>('runs/get', { run_id: id })).body.run;
    expect(run.inputs.dataset_inputs).toEqual([
      { tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset },
    ]);
    const history = run.data.tags!.find((t) => t.key === 'mlflow.log-model.history');
    expect(JSON.parse(history!.value)).toEqual([model]);
    const summaries = await app.post<{ dataset_summaries: unknown[] }>(
      '/ajax-api/2.0/mlflow/experiments/search-datasets',
      {
        experiment_ids: [expId],
      },
    );
    expect(summaries.body.dataset_summaries).toContainEqual({
      experiment_id: expId,
      name: 'iris',
      digest: 'abc123',
      context: 'training',
    });
    const noDataset = await app.post('runs/log-inputs', { run_id: id, datasets: [{ tags: [] }] });
    expect(noDataset.status).toBe(400);
  });

  it('searches runs with filter, order and page tokens', async () => {
    const { body } = await app.post<{ experiment_id: string }>('experiments/create', {
      name: 'search-exp',
    });
    const sid = body.experiment_id;
    for (let i = 0; i < 5; i++) {
      const run = (
        await app.post<{ run: RunJson }>('runs/create', {
          experiment_id: sid,
          start_time: 1000 + i,
        })
      ).body.run;
      await app.post('runs/log-batch', {
        run_id: run.info.run_id,
        metrics: [{ key: 'loss', value: i / 10, timestamp: 1 }],
        params: [{ key: 'lr', value: i % 2 === 0 ? 'even' : 'odd' }],
      });
    }
    const seen: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res: { status: number; body: { runs?: RunJson[]; next_page_token?: string } } =
        await app.post('runs/search', {
          experiment_ids: [sid],
          filter: "params.lr = 'even' and metrics.loss >= 0",
          order_by: ['metrics.loss DESC'],
          max_results: 2,
          page_token: token,
        });
      expect(res.status).toBe(200);
      for (const r of res.body.runs ?? []) seen.push(Number(r.data.metrics![0]!.value));
      token = res.body.next_page_token;
      pages++;
    } while (token && pages < 5);
    expect(seen).toEqual([0.4, 0.2, 0]);
    const empty = await app.post('runs/search', { experiment_ids: [] });
    expect(empty.body).toEqual({});
    const deleted = await app.post('runs/search', {
      experiment_ids: [sid],
      run_view_type: 'DELETED_ONLY',
    });
    expect(deleted.body).toEqual({});
    expect(
      (await app.post('runs/search', { experiment_ids: [sid], filter: 'metrics.loss >' })).status,
    ).toBe(400);
    expect((await app.post('runs/search', { experiment_ids: [sid], max_results: 0 })).status).toBe(
      400,
    );
    expect(
      (await app.post('runs/search', { experiment_ids: [sid], page_token: 'eyJvZmZzZXQiOiAyfQ==' }))
        .status,
    ).toBe(400);
  });
});
