import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestTestApp, startRestApp } from './rest-client.ts';

/**
 * int64 steps over MLflow's REST API: requests carry them as JSON numbers (exact digits, as
 * Python's json writes them) or numeric strings; responses write them as exact JSON numbers.
 */

const MAX = '9223372036854775807'; // 2^63-1
const MIN = '-9223372036854775807';
const ABOVE = '9007199254740993'; // 2^53+1
const BELOW = '-9007199254740993';

let app: RestTestApp;
beforeAll(async () => {
  app = await startRestApp();
});
afterAll(() => app.close());

const json = { 'content-type': 'application/json' };

async function newRun(): Promise<string> {
  const res = await app.post<{ run: { info: { run_id: string } } }>('runs/create', {
    experiment_id: '0',
  });
  return res.body.run.info.run_id;
}

/** The `"step":<digits>` literals of a response, in order, as written. */
const stepsIn = (text: string) => [...text.matchAll(/"step":(-?\d+)/g)].map((m) => m[1]);

describe('MLflow REST: int64 steps', () => {
  it('log-metric and log-batch take steps as raw JSON numbers or strings; get-history returns exact numbers', async () => {
    const run = await newRun();
    // raw body text: JSON.stringify cannot write these numbers, an MLflow client's json.dumps does
    const one = await app.send(
      'POST',
      '/api/2.0/mlflow/runs/log-metric',
      `{"run_id":"${run}","key":"s","value":1,"timestamp":5,"step":${MAX}}`,
      json,
    );
    expect(one.status).toBe(200);
    const batch = await app.send(
      'POST',
      '/api/2.0/mlflow/runs/log-batch',
      `{"run_id":"${run}","metrics":[
        {"key":"s","value":2.5,"timestamp":1234567890123,"step":${BELOW}},
        {"key":"s","value":3,"timestamp":6,"step":"${ABOVE}"},
        {"key":"s","value":12345678901234567,"timestamp":7,"step":"${MIN}"},
        {"key":"s","value":5,"timestamp":8,"step":7}]}`,
      json,
    );
    expect(batch.status).toBe(200);

    const history = await app.get('metrics/get-history', { run_id: run, metric_key: 's' });
    expect(history.status).toBe(200);
    expect(stepsIn(history.text)).toEqual([MIN, BELOW, '7', ABOVE, MAX]);
    // a long integer value stays a double; ordinary numbers are untouched
    expect(history.text).toContain('"value":12345678901234568');
    expect(history.text).toContain('"timestamp":1234567890123');

    // a page token after a wide step, and a bulk-interval range given by wide bounds
    const page = await app.get<{ next_page_token: string }>('metrics/get-history', {
      run_id: run,
      metric_key: 's',
      max_results: 4,
    });
    expect(stepsIn(page.text)).toEqual([MIN, BELOW, '7', ABOVE]);
    const rest = await app.get('metrics/get-history', {
      run_id: run,
      metric_key: 's',
      max_results: 4,
      page_token: page.body.next_page_token,
    });
    expect(stepsIn(rest.text)).toEqual([MAX]);
    const ranged = await app.get('metrics/get-history-bulk-interval', {
      run_ids: run,
      metric_key: 's',
      start_step: ABOVE,
      end_step: MAX,
    });
    expect(ranged.status).toBe(200);
    expect(stepsIn(ranged.text)).toEqual([ABOVE, MAX]);

    // the run's latest metric (runs/get and runs/search) is exact too
    const got = await app.get('runs/get', { run_id: run });
    expect(stepsIn(got.text)).toEqual([MAX]);
    const found = await app.post('runs/search', {
      experiment_ids: ['0'],
      filter: `attributes.run_id = '${run}'`,
    });
    expect(stepsIn(found.text)).toEqual([MAX]);
  });

  it('metrics linked to a logged model keep int64 steps: logged-models/get returns exact numbers', async () => {
    const run = await newRun();
    const created = await app.post<{ model: { info: { model_id: string } } }>('logged-models', {
      experiment_id: '0',
    });
    const modelId = created.body.model.info.model_id;
    const batch = await app.send(
      'POST',
      '/api/2.0/mlflow/runs/log-batch',
      `{"run_id":"${run}","metrics":[
        {"key":"m","value":1,"timestamp":5,"step":${MAX},"model_id":"${modelId}"},
        {"key":"m","value":2,"timestamp":5,"step":"${ABOVE}","model_id":"${modelId}"},
        {"key":"m","value":3,"timestamp":5,"step":${MIN},"model_id":"${modelId}"}]}`,
      json,
    );
    expect(batch.status).toBe(200);
    const got = await app.get(`logged-models/${modelId}`);
    expect(got.status).toBe(200);
    expect(stepsIn(got.text)).toEqual([MIN, ABOVE, MAX]);
  });

  it('refuses steps outside int64 with INVALID_PARAMETER_VALUE and writes nothing', async () => {
    const run = await newRun();
    for (const step of [
      '9223372036854775808',
      '"9223372036854775808"',
      '"-9223372036854775809"',
      '1.5',
      '"x"',
    ]) {
      const res = await app.send(
        'POST',
        '/api/2.0/mlflow/runs/log-batch',
        `{"run_id":"${run}","metrics":[{"key":"ok","value":1,"timestamp":5,"step":1},
          {"key":"bad","value":1,"timestamp":5,"step":${step}}]}`,
        json,
      );
      expect(res.status, step).toBe(400);
      expect((res.body as { error_code: string }).error_code).toBe('INVALID_PARAMETER_VALUE');
      expect(res.text).toContain('metrics[1].step');
    }
    const single = await app.send(
      'POST',
      '/api/2.0/mlflow/runs/log-metric',
      `{"run_id":"${run}","key":"bad","value":1,"timestamp":5,"step":-9223372036854775809}`,
      json,
    );
    expect(single.status).toBe(400);
    expect((single.body as { error_code: string }).error_code).toBe('INVALID_PARAMETER_VALUE');
    const history = await app.get<{ metrics?: unknown[] }>('metrics/get-history', {
      run_id: run,
      metric_key: 'ok',
    });
    expect(history.body.metrics ?? []).toEqual([]);
  });
});
