import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestTestApp, startRestApp } from './rest-client.ts';
import { logTrace, newTrace, sendJson, startTrace, type TraceInfoJson } from './trace-helpers.ts';

let app: RestTestApp;
let traceId: string;
const V3 = '/api/3.0/mlflow';

beforeAll(async () => {
  app = await startRestApp();
  traceId = (await logTrace(app, '0')).id;
});
afterAll(() => app.close());

interface AssessmentJson {
  assessment_id: string;
  assessment_name: string;
  trace_id: string;
  source: { source_type: string; source_id: string };
  create_time: string;
  last_update_time: string;
  feedback?: { value?: unknown; error?: Record<string, string> };
  expectation?: {
    value?: unknown;
    serialized_value?: { serialization_format: string; value: string };
  };
  rationale?: string;
  metadata?: Record<string, string>;
  overrides?: string;
  valid?: boolean;
}
type One = { assessment: AssessmentJson };

const create = (assessment: Record<string, unknown>, trace = traceId) =>
  app.post<One>(`${V3}/traces/${trace}/assessments`, { assessment });
const one = (id: string, trace = traceId) => `${V3}/traces/${trace}/assessments/${id}`;

describe('MLflow REST: assessments', () => {
  it('creates feedback and expectations, reads them alone and on the trace info', async () => {
    const fb = await create({
      assessment_name: 'relevance',
      trace_id: traceId,
      source: { source_type: 'LLM_JUDGE', source_id: 'gpt' },
      feedback: { value: 0.8 },
      rationale: 'on topic',
      metadata: { judge: 'v1' },
    });
    expect(fb.status, fb.text).toBe(200);
    expect(fb.body.assessment).toMatchObject({
      assessment_name: 'relevance',
      trace_id: traceId,
      source: { source_type: 'LLM_JUDGE', source_id: 'gpt' },
      feedback: { value: 0.8 },
      rationale: 'on topic',
      metadata: { judge: 'v1' },
      valid: true,
    });
    expect(fb.body.assessment.assessment_id).toMatch(/^a-[0-9a-f]{32}$/);
    const ex = await create({
      assessment_name: 'expected',
      expectation: {
        serialized_value: { serialization_format: 'JSON_FORMAT', value: '{"answer": [1, 2]}' },
      },
    });
    expect(ex.body.assessment).toMatchObject({
      source: { source_type: 'HUMAN', source_id: 'default' },
      expectation: {
        serialized_value: { serialization_format: 'JSON_FORMAT', value: '{"answer":[1,2]}' },
      },
    });
    const plain = await create({ assessment_name: 'ok', expectation: { value: 'yes' } });
    expect(plain.body.assessment.expectation).toEqual({ value: 'yes' });
    const failed = await create({
      assessment_name: 'judge',
      feedback: { error: { error_code: 'TIMEOUT', error_message: 'slow' } },
    });
    expect(failed.body.assessment).toMatchObject({
      source: { source_type: 'CODE' },
      feedback: { error: { error_code: 'TIMEOUT', error_message: 'slow' } },
    });
    const got = await app.get<One>(one(fb.body.assessment.assessment_id));
    expect(got.body).toEqual(fb.body);
    const info = await app.get<{ trace: { trace_info: TraceInfoJson } }>(`${V3}/traces/${traceId}`);
    const names = info.body.trace.trace_info.assessments!.map((a) => a.assessment_name);
    expect(names).toEqual(expect.arrayContaining(['relevance', 'expected', 'ok', 'judge']));
  });

  it('updates by mask, merging metadata and refusing the other kind', async () => {
    const { assessment } = (
      await create({
        assessment_name: 'tone',
        feedback: { value: 'rude' },
        metadata: { a: '1' },
      })
    ).body;
    const res = await sendJson(app, 'PATCH', one(assessment.assessment_id), {
      assessment: {
        assessment_name: 'tone-v2',
        feedback: { value: 'polite' },
        rationale: 'reread',
        metadata: { b: '2' },
      },
      update_mask: 'assessmentName,feedback,rationale,metadata',
    });
    expect(res.status, res.text).toBe(200);
    expect((res.body as One).assessment).toMatchObject({
      assessment_id: assessment.assessment_id,
      assessment_name: 'tone-v2',
      feedback: { value: 'polite' },
      rationale: 'reread',
      metadata: { a: '1', b: '2' },
      create_time: assessment.create_time,
    });
    const nameOnly = await sendJson(app, 'PATCH', one(assessment.assessment_id), {
      assessment: { assessment_name: 'tone-v3', feedback: { value: 'ignored' } },
      update_mask: { paths: ['assessment_name'] },
    });
    expect((nameOnly.body as One).assessment.feedback).toEqual({ value: 'polite' });
    const wrongKind = await sendJson(app, 'PATCH', one(assessment.assessment_id), {
      assessment: { expectation: { value: 1 } },
      update_mask: 'expectation',
    });
    expect(wrongKind.status).toBe(400);
    const noMask = await sendJson(app, 'PATCH', one(assessment.assessment_id), {
      assessment: { assessment_name: 'x' },
    });
    expect(noMask.status).toBe(400);
  });

  it('overrides an assessment, and deleting the override makes the original valid again', async () => {
    const first = (await create({ assessment_name: 'label', expectation: { value: 'a' } })).body
      .assessment;
    const second = (
      await create({
        assessment_name: 'label',
        expectation: { value: 'b' },
        overrides: first.assessment_id,
      })
    ).body.assessment;
    expect(second.overrides).toBe(first.assessment_id);
    expect((await app.get<One>(one(first.assessment_id))).body.assessment.valid).toBe(false);
    const del = await sendJson(app, 'DELETE', one(second.assessment_id), {});
    expect(del.status).toBe(200);
    expect((await app.get(one(second.assessment_id))).status).toBe(404);
    expect((await app.get<One>(one(first.assessment_id))).body.assessment.valid).toBe(true);
    expect((await sendJson(app, 'DELETE', one(second.assessment_id), {})).status).toBe(200);
    const badOverride = await create({
      assessment_name: 'label',
      expectation: { value: 'c' },
      overrides: 'a-missing',
    });
    expect(badOverride.status).toBe(404);
  });

  it('refuses bad assessments and unknown traces or assessments with MLflow errors', async () => {
    for (const bad of [
      { assessment_name: 'x' },
      { assessment_name: 'x', feedback: { value: 1 }, expectation: { value: 1 } },
      { feedback: { value: 1 } },
      { assessment_name: 'x', expectation: {} },
      { assessment_name: 'x', feedback: {} },
      { assessment_name: 'x', feedback: { value: 1 }, source: { source_type: 'ROBOT' } },
      {
        assessment_name: 'x',
        expectation: { serialized_value: { serialization_format: 'YAML', value: 'a' } },
      },
    ]) {
      const res = await create(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    }
    expect((await app.post(`${V3}/traces/${traceId}/assessments`, {})).status).toBe(400);
    const unknownTrace = newTrace().id;
    const noTrace = await create({ assessment_name: 'x', feedback: { value: 1 } }, unknownTrace);
    expect(noTrace.status).toBe(404);
    expect(noTrace.body).toMatchObject({ message: `Trace with ID '${unknownTrace}' not found.` });
    const missing = await app.get(one('a-0'));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error_code: 'RESOURCE_DOES_NOT_EXIST' });
    expect((await app.get(one('a-0', unknownTrace))).status).toBe(404);
    expect((await sendJson(app, 'DELETE', one('a-0', unknownTrace), {})).status).toBe(404);
    expect((await app.get(`/api/2.0/mlflow/traces/${traceId}/assessments/a-0`)).status).toBe(404);
  });

  it('stores assessments sent with StartTraceV3 (a bad one writes nothing) and deletes them with their trace', async () => {
    const { id } = newTrace();
    const info = await startTrace(app, '0', id, {
      assessments: [{ assessment_name: 'seed', feedback: { value: true } }],
    });
    expect(info.assessments).toMatchObject([
      { assessment_name: 'seed', trace_id: id, feedback: { value: true } },
    ]);
    const bad = newTrace();
    const refused = await app.post(`${V3}/traces`, {
      trace: {
        trace_info: {
          trace_id: bad.id,
          trace_location: { mlflow_experiment: { experiment_id: '0' } },
          assessments: [{ assessment_name: 'seed' }],
        },
      },
    });
    expect(refused.status).toBe(400);
    expect((await app.get(`${V3}/traces/${bad.id}`)).status).toBe(404);
    const aid = info.assessments![0]!.assessment_id as string;
    await app.post('/api/2.0/mlflow/traces/delete-traces', {
      experiment_id: '0',
      request_ids: [id],
    });
    expect((await app.get(one(aid, id))).status).toBe(404);
  });
});
