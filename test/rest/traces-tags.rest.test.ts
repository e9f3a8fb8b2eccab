import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/seed.ts';
import { type RestTestApp, startRestApp } from './rest-client.ts';
import { logTrace, newTrace, sendJson, type TraceInfoJson } from './trace-helpers.ts';

// SetTraceTag / DeleteTraceTag (v2 and v3 paths) on an existing, a missing and a deleted trace.

let app: RestTestApp;
let exp: string;
const V3 = '/api/3.0/mlflow';
const V2 = '/api/2.0/mlflow';

beforeAll(async () => {
  app = await startRestApp();
  exp = (
    await app.post<{ experiment_id: string }>('experiments/create', { name: uniqueName('tags') })
  ).body.experiment_id;
});
afterAll(() => app.close());

const info = async (id: string) =>
  await app.get<{ trace: { trace_info: TraceInfoJson } }>(`${V3}/traces/${id}`);

const notFound = (id: string) => ({
  error_code: 'RESOURCE_DOES_NOT_EXIST',
  message: `Trace with ID '${id}' not found.`,
});

describe('MLflow REST: trace tag writes', () => {
  it('sets, replaces and deletes a tag of an existing trace', async () => {
    const { id } = await logTrace(app, exp);
    for (const [base, value] of [
      [V2, 'a'],
      [V3, 'b'],
    ] as const) {
      const set = await sendJson(app, 'PATCH', `${base}/traces/${id}/tags`, { key: 'k', value });
      expect(set.status).toBe(200);
    }
    expect((await info(id)).body.trace.trace_info.tags).toMatchObject({ k: 'b' });
    const del = await sendJson(app, 'DELETE', `${V3}/traces/${id}/tags`, { key: 'k' });
    expect(del.status).toBe(200);
    expect((await info(id)).body.trace.trace_info.tags).not.toHaveProperty('k');
    const again = await sendJson(app, 'DELETE', `${V2}/traces/${id}/tags`, { key: 'k' });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: `No tag with key 'k' found for trace with ID '${id}'.`,
    });
  });

  it('refuses a missing trace with 404 RESOURCE_DOES_NOT_EXIST', async () => {
    const { id } = newTrace();
    for (const base of [V2, V3]) {
      const set = await sendJson(app, 'PATCH', `${base}/traces/${id}/tags`, {
        key: 'k',
        value: 'v',
      });
      expect([set.status, set.body]).toMatchObject([404, notFound(id)]);
      const del = await sendJson(app, 'DELETE', `${base}/traces/${id}/tags`, { key: 'k' });
      expect([del.status, del.body]).toMatchObject([404, notFound(id)]);
    }
    expect((await info(id)).status).toBe(404);
  });

  it('refuses a deleted trace as a missing one', async () => {
    const { id } = await logTrace(app, exp);
    await sendJson(app, 'PATCH', `${V3}/traces/${id}/tags`, { key: 'k', value: 'v' });
    const deleted = await app.post<{ traces_deleted: number }>(`${V3}/traces/delete-traces`, {
      experiment_id: exp,
      request_ids: [id],
    });
    expect(deleted.body).toEqual({ traces_deleted: 1 });
    const set = await sendJson(app, 'PATCH', `${V3}/traces/${id}/tags`, { key: 'k', value: 'w' });
    expect([set.status, set.body]).toMatchObject([404, notFound(id)]);
    const del = await sendJson(app, 'DELETE', `${V2}/traces/${id}/tags`, { key: 'k' });
    expect([del.status, del.body]).toMatchObject([404, notFound(id)]);
    expect((await info(id)).status).toBe(404);
  });
});
