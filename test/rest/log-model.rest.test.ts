import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestTestApp, startRestApp } from './rest-client.ts';

let app: RestTestApp;
let expId: string;
beforeAll(async () => {
  app = await startRestApp();
  const res = await app.post<{ experiment_id: string }>('experiments/create', {
    name: 'log-model-exp',
  });
  expId = res.body.experiment_id;
});
afterAll(() => app.close());

const HISTORY = 'mlflow.log-model.history';

interface RunBody {
  run: { data: { tags?: { key: string; value: string }[] } };
}

async function createRun(): Promise<string> {
  const res = await app.post<{ run: { info: { run_id: string } } }>('runs/create', {
    experiment_id: expId,
  });
  return res.body.run.info.run_id;
}

function model(runId: string, artifactPath: string) {
  return {
    artifact_path: artifactPath,
    flavors: { python_function: {} },
    utc_time_created: '2026-01-01 00:00:00',
    run_id: runId,
  };
}

function logModel(runId: string, artifactPath: string) {
  return app.post('runs/log-model', {
    run_id: runId,
    model_json: JSON.stringify(model(runId, artifactPath)),
  });
}

async function history(runId: string): Promise<unknown> {
  const run = (await app.get<RunBody>('runs/get', { run_id: runId })).body.run;
  const tag = run.data.tags?.find((t) => t.key === HISTORY);
  return tag === undefined ? undefined : JSON.parse(tag.value);
}

describe('MLflow REST: runs/log-model history', () => {
  it('keeps every model when many are logged to one run at once', async () => {
    const runId = await createRun();
    const paths = Array.from({ length: 16 }, (_, i) => `model-${i}`);
    const answers = await Promise.all(paths.map((p) => logModel(runId, p)));
    expect(answers.map((a) => a.status)).toEqual(paths.map(() => 200));
    const logged = (await history(runId)) as { artifact_path: string }[];
    expect(logged.map((m) => m.artifact_path).sort()).toEqual([...paths].sort());
    expect(logged).toContainEqual(model(runId, 'model-3'));
  });

  it('appends in order and starts a new history over a tag that is not a JSON list', async () => {
    const runId = await createRun();
    await app.post('runs/set-tag', { run_id: runId, key: HISTORY, value: 'not json' });
    expect((await logModel(runId, 'a')).status).toBe(200);
    expect((await logModel(runId, 'b')).status).toBe(200);
    expect(await history(runId)).toEqual([model(runId, 'a'), model(runId, 'b')]);
  });

  it('writes nothing for bad input or a run that cannot be written', async () => {
    const runId = await createRun();
    const bad = await app.post('runs/log-model', { run_id: runId, model_json: '{"flavors":{}}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await app.post('runs/log-model', { run_id: runId, model_json: '{' })).status).toBe(400);
    expect(await history(runId)).toBeUndefined();
    const missing = await logModel('f'.repeat(32), 'm');
    expect(missing.status).toBe(404);
    await app.post('runs/delete', { run_id: runId });
    const deleted = await logModel(runId, 'm');
    expect(deleted.status).toBe(400);
    expect(await history(runId)).toBeUndefined();
  });
});
