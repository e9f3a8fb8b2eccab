import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestTestApp, startRestApp } from './rest-client.ts';

let app: RestTestApp;
let runId: string;
let other: string;
beforeAll(async () => {
  app = await startRestApp();
  const create = async () =>
    (await app.post<{ run: { info: { run_id: string } } }>('runs/create', { experiment_id: '0' }))
      .body.run.info.run_id;
  runId = await create();
  other = await create();
  const metrics = Array.from({ length: 50 }, (_, i) => ({
    key: 'loss',
    value: i === 7 ? 'NaN' : i / 100,
    timestamp: 1000 + i,
    step: i,
  }));
  await app.post('runs/log-batch', { run_id: runId, metrics });
  await app.post('runs/log-batch', {
    run_id: other,
    metrics: [
      { key: 'loss', value: 1, timestamp: 5, step: -3 },
      { key: 'loss', value: 2, timestamp: 6, step: 9 },
    ],
  });
});
afterAll(() => app.close());

interface Point {
  key: string;
  value: number | string;
  timestamp: number;
  step: number;
  run_id?: string;
}

describe('MLflow REST: metric history', () => {
  it('returns the whole history without max_results, NaN as a string', async () => {
    const res = await app.get<{ metrics: Point[] }>('metrics/get-history', {
      run_id: runId,
      metric_key: 'loss',
    });
    expect(res.status).toBe(200);
    expect(res.body.metrics).toHaveLength(50);
    expect(res.body.metrics[7]).toEqual({ key: 'loss', value: 'NaN', timestamp: 1007, step: 7 });
    expect(res.body.metrics[8]).toEqual({ key: 'loss', value: 0.08, timestamp: 1008, step: 8 });
  });

  it('pages with max_results and page_token', async () => {
    const steps: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const q: Record<string, string | number> = {
        run_id: runId,
        metric_key: 'loss',
        max_results: 20,
      };
      if (token) q.page_token = token;
      const res = await app.get<{ metrics: Point[]; next_page_token?: string }>(
        'metrics/get-history',
        q,
      );
      steps.push(...res.body.metrics.map((m) => m.step));
      token = res.body.next_page_token;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(steps).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const bad = await app.get('metrics/get-history', {
      run_id: runId,
      metric_key: 'loss',
      max_results: 5,
      page_token: 'xx',
    });
    expect(bad.status).toBe(400);
    const missingKey = await app.get('metrics/get-history', { run_id: runId });
    expect(missingKey.status).toBe(400);
    // MLflow's SQL store: an unknown run has an empty history, not a 404
    const unknown = await app.get('metrics/get-history', {
      run_id: 'a'.repeat(32),
      metric_key: 'loss',
    });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({});
  });

  it('pages exactly through points that share a step', async () => {
    const metrics = Array.from({ length: 5 }, (_, i) => ({
      key: 'same',
      value: i,
      timestamp: 10 + i,
      step: 0,
    }));
    await app.post('runs/log-batch', {
      run_id: runId,
      metrics: [...metrics, { key: 'same', value: 9, timestamp: 1, step: 1 }],
    });
    const values: (number | string)[] = [];
    let token: string | undefined;
    do {
      const res = await app.get<{ metrics: Point[]; next_page_token?: string }>(
        'metrics/get-history',
        {
          run_id: runId,
          metric_key: 'same',
          max_results: 2,
          page_token: token,
        },
      );
      values.push(...res.body.metrics.map((m) => m.value));
      token = res.body.next_page_token;
    } while (token);
    expect(values).toEqual([0, 1, 2, 3, 4, 9]);
  });

  it('streams a whole history of many chunks as one document, in order', async () => {
    for (let b = 0; b < 12; b++) {
      const metrics = Array.from({ length: 1000 }, (_, i) => ({
        key: 'long',
        value: i === 500 ? 'Infinity' : b * 1000 + i,
        timestamp: 5,
        step: (11 - b) * 1000 + i,
      }));
      expect((await app.post('runs/log-batch', { run_id: other, metrics })).status).toBe(200);
    }
    const res = await app.get<{ metrics: Point[] }>('metrics/get-history', {
      run_id: other,
      metric_key: 'long',
    });
    expect(res.status).toBe(200);
    expect(res.body.metrics.map((m) => m.step)).toEqual(
      Array.from({ length: 12_000 }, (_, i) => i),
    );
    expect(res.body.metrics[11_500]).toEqual({
      key: 'long',
      value: 'Infinity',
      timestamp: 5,
      step: 11_500,
    });
  });

  it('pages a history logged out of order over many batches exactly as the whole reads it', async () => {
    // batches whose step ranges overlap (a resumed job re-logging earlier steps) and repeat steps
    for (let b = 0; b < 6; b++) {
      const metrics = Array.from({ length: 7 }, (_, i) => ({
        key: 'mixed',
        value: b * 100 + i,
        timestamp: 10_000 - b * 10 - i,
        step: ((b * 5 + i * 3) % 11) - 2,
      }));
      expect((await app.post('runs/log-batch', { run_id: runId, metrics })).status).toBe(200);
    }
    const whole = await app.get<{ metrics: Point[] }>('metrics/get-history', {
      run_id: runId,
      metric_key: 'mixed',
    });
    expect(whole.body.metrics).toHaveLength(42);
    for (const size of [1, 4, 41, 42, 100]) {
      const paged: Point[] = [];
      let token: string | undefined;
      do {
        const res = await app.get<{ metrics: Point[]; next_page_token?: string }>(
          'metrics/get-history',
          { run_id: runId, metric_key: 'mixed', max_results: size, page_token: token },
        );
        expect(res.status).toBe(200);
        expect(res.body.metrics.length).toBeLessThanOrEqual(size);
        paged.push(...res.body.metrics);
        token = res.body.next_page_token;
      } while (token);
      expect(paged).toEqual(whole.body.metrics);
    }
    // a token that is JSON but no history position is refused on page_token, as a garbled one is
    for (const page_token of [Buffer.from('[1,2]').toString('base64url'), '%%%']) {
      const bad = await app.get<{ error_code: string; message: string }>('metrics/get-history', {
        run_id: runId,
        metric_key: 'mixed',
        max_results: 5,
        page_token,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error_code).toBe('INVALID_PARAMETER_VALUE');
      expect(bad.body.message).toMatch(/cursor/i);
    }
  });

  it('samples bulk intervals per run, keeping the first and last points', async () => {
    const res = await app.get<{ metrics: Point[] }>('metrics/get-history-bulk-interval', {
      run_ids: [runId, other],
      metric_key: 'loss',
      max_results: 5,
    });
    expect(res.status).toBe(200);
    const mine = res.body.metrics.filter((m) => m.run_id === runId);
    expect(mine.map((m) => m.step)).toEqual([0, 12, 24, 36, 49]);
    expect(res.body.metrics.filter((m) => m.run_id === other).map((m) => m.step)).toEqual([-3, 9]);
    const ranged = await app.get<{ metrics: Point[] }>('metrics/get-history-bulk-interval', {
      run_ids: [runId],
      metric_key: 'loss',
      start_step: 10,
      end_step: 12,
    });
    expect(ranged.body.metrics.map((m) => m.step)).toEqual([10, 11, 12]);
    const errors = [
      { metric_key: 'loss' },
      { run_ids: [runId], metric_key: 'loss', max_results: 2501 },
      { run_ids: [runId], metric_key: 'loss', start_step: 1 },
      { run_ids: [runId], metric_key: 'loss', start_step: 5, end_step: 1 },
      { run_ids: Array.from({ length: 101 }, (_, i) => String(i)), metric_key: 'loss' },
    ];
    for (const q of errors) {
      expect(
        (await app.get('metrics/get-history-bulk-interval', q)).status,
        JSON.stringify(q).slice(0, 60),
      ).toBe(400);
    }
  });

  it('serves the UI bulk history over several runs', async () => {
    const res = await app.get<{ metrics: Point[] }>(
      '/ajax-api/2.0/mlflow/metrics/get-history-bulk',
      {
        run_id: [runId, other],
        metric_key: 'loss',
        max_results: 51,
      },
    );
    expect(res.body.metrics).toHaveLength(51);
    // runs in id order, each run's points in history order, cut at max_results
    const whole = async (id: string) =>
      (
        await app.get<{ metrics: Point[] }>('metrics/get-history', {
          run_id: id,
          metric_key: 'loss',
        })
      ).body.metrics.map((m) => ({ ...m, run_id: id }));
    const expected = [
      ...(await whole([runId, other].sort()[0]!)),
      ...(await whole([runId, other].sort()[1]!)),
    ];
    expect(res.body.metrics).toEqual(expected.slice(0, 51));
  });
});
