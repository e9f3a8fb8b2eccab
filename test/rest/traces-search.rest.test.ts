import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/seed.ts';
import { type RestTestApp, startRestApp } from './rest-client.ts';
import { logTrace, type TraceInfoJson } from './trace-helpers.ts';

let app: RestTestApp;
let exp: string;
const ids: string[] = [];
const V3 = '/api/3.0/mlflow';

beforeAll(async () => {
  app = await startRestApp();
  exp = (await app.post<{ experiment_id: string }>('experiments/create', { name: uniqueName() }))
    .body.experiment_id;
  for (let i = 0; i < 5; i++) {
    const model = i % 2 === 0 ? { trace_metadata: { 'mlflow.modelId': 'm-even' } } : {};
    ids.push((await logTrace(app, exp, { startMs: i * 1000, extra: model })).id);
  }
});
afterAll(() => app.close());

type Page = { traces?: TraceInfoJson[]; next_page_token?: string };
const location = (id: string) => ({
  type: 'MLFLOW_EXPERIMENT',
  mlflow_experiment: { experiment_id: id },
});
const search = (body: Record<string, unknown>) =>
  app.post<Page>(`${V3}/traces/search`, { locations: [location(exp)], ...body });

describe('MLflow REST: SearchTracesV3 and v2 SearchTraces', () => {
  it('pages newest first with max_results and page_token', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const res = await search({ max_results: 2, page_token: token });
      expect(res.status).toBe(200);
      seen.push(...(res.body.traces ?? []).map((t) => t.trace_id));
      token = res.body.next_page_token;
    } while (token);
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters (model_id metadata, attributes, tags) and orders', async () => {
    const even = await search({
      filter: "metadata.`mlflow.modelId` = 'm-even'",
      order_by: ['timestamp_ms ASC'],
    });
    expect(even.body.traces!.map((t) => t.trace_id)).toEqual([ids[0], ids[2], ids[4]]);
    const late = await search({
      filter: `trace.timestamp_ms >= ${1_700_000_003_000} AND status = 'OK'`,
    });
    expect(late.body.traces!.map((t) => t.trace_id)).toEqual([ids[4], ids[3]]);
    const named = await search({ filter: "tags.`mlflow.traceName` = 'chat'", max_results: 500 });
    expect(named.body.traces).toHaveLength(5);
    const none = await app.post<Page>(`${V3}/traces/search`, {
      locations: [location('987654')],
    });
    expect(none.body.traces ?? []).toEqual([]);
  });

  it('refuses missing locations, too large pages, bad filters, order entries and tokens', async () => {
    for (const res of [
      await app.post(`${V3}/traces/search`, {}),
      await search({ max_results: 501 }),
      await search({ filter: 'nonsense ~~ 1' }),
      await search({ order_by: ['bogus DESC'] }),
      await search({ page_token: 'not-a-token' }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    }
  });

  it('serves the v2 search (GET /api/2.0/mlflow/traces) with v2 trace infos', async () => {
    const res = await app.get<{ traces: Record<string, unknown>[]; next_page_token?: string }>(
      '/api/2.0/mlflow/traces',
      { experiment_ids: exp, max_results: 3, order_by: 'timestamp_ms DESC' },
    );
    expect(res.status).toBe(200);
    expect(res.body.traces.map((t) => t.request_id)).toEqual([ids[4], ids[3], ids[2]]);
    expect(res.body.traces[0]).toMatchObject({ experiment_id: exp, status: 'OK' });
    expect(res.body.next_page_token).toBeTruthy();
    expect((await app.get('/api/2.0/mlflow/traces')).status).toBe(400);
    expect((await app.get('/api/3.0/mlflow/traces')).status).toBe(404);
  });
});
