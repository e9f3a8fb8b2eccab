import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../helpers/seed.ts';
import { type RestTestApp, startRestApp } from './rest-client.ts';
import {
  BASE_MS,
  logTrace,
  newTrace,
  sendJson,
  startBody,
  startTrace,
  type TraceInfoJson,
} from './trace-helpers.ts';

let app: RestTestApp;
let exp: string;
const V3 = '/api/3.0/mlflow';
const V2 = '/api/2.0/mlflow';

async function newExperiment(): Promise<string> {
  const res = await app.post<{ experiment_id: string }>('experiments/create', {
    name: uniqueName('traces'),
  });
  return res.body.experiment_id;
}

beforeAll(async () => {
  app = await startRestApp();
  exp = await newExperiment();
});
afterAll(() => app.close());

interface OtlpSpanJson {
  trace_id: string;
  span_id: string;
  parent_span_id?: string;
  name: string;
  start_time_unix_nano: string;
  attributes: { key: string; value: Record<string, unknown> }[];
  status: { code: string };
}
type TraceJson = { trace_info: TraceInfoJson; spans: OtlpSpanJson[] };

const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

describe('MLflow REST: trace infos (StartTraceV3, GetTraceInfoV3, v2 info)', () => {
  it('finalizes a trace whose spans came over OTLP and reads it back in v3 and v2 shapes', async () => {
    const { id } = await logTrace(app, exp, { extra: { client_request_id: 'req-1' } });
    const info = (await app.get<{ trace: { trace_info: TraceInfoJson } }>(`${V3}/traces/${id}`))
      .body.trace.trace_info;
    expect(info).toMatchObject({
      trace_id: id,
      client_request_id: 'req-1',
      trace_location: { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: exp } },
      request_time: new Date(BASE_MS).toISOString(),
      execution_duration: '1.500s',
      state: 'OK',
      request_preview: '{"q":"hi"}',
      trace_metadata: {
        'mlflow.trace_schema.version': '3',
        'mlflow.trace.infoFinalized': 'true',
      },
      tags: {
        'mlflow.traceName': 'chat',
        'mlflow.trace.spansLocation': 'TRACKING_STORE',
        'mlflow.artifactLocation': `mlflow-artifacts:/${exp}/traces/${id}/artifacts`,
      },
    });
    const v2 = await app.get<{ trace_info: Record<string, unknown> }>(`${V2}/traces/${id}/info`);
    expect(v2.body.trace_info).toMatchObject({
      request_id: id,
      experiment_id: exp,
      timestamp_ms: BASE_MS,
      execution_time_ms: 1500,
      status: 'OK',
    });
    expect(v2.body.trace_info.tags).toContainEqual({ key: 'mlflow.traceName', value: 'chat' });
  });

  it('answers 404 for unknown traces, ENDPOINT_NOT_FOUND for v3 paths under v2', async () => {
    const { id } = newTrace();
    for (const path of [`${V3}/traces/${id}`, `${V2}/traces/${id}/info`]) {
      const res = await app.get(path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: `Trace with ID '${id}' not found.`,
      });
    }
    const wrongVersion = await app.get(`${V2}/traces/${id}`);
    expect(wrongVersion.status).toBe(404);
    expect(wrongVersion.body).toMatchObject({ error_code: 'ENDPOINT_NOT_FOUND' });
  });

  it('refuses a start without a trace or location, with a missing experiment, or twice', async () => {
    const { id } = newTrace();
    const noTrace = await app.post(`${V3}/traces`, {});
    expect(noTrace.status).toBe(400);
    expect(noTrace.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    const body = startBody(exp, id);
    const noLocation = await app.post(`${V3}/traces`, {
      trace: { trace_info: { ...body.trace.trace_info, trace_location: {} } },
    });
    expect(noLocation.status).toBe(400);
    const badTime = await app.post(`${V3}/traces`, startBody(exp, id, { request_time: 'noon' }));
    expect(badTime.status).toBe(400);
    const missingExp = await app.post(`${V3}/traces`, startBody('987654', id));
    expect(missingExp.status).toBe(404);
    expect((await app.get(`${V3}/traces/${id}`)).status).toBe(404);
    await startTrace(app, exp, id);
    const again = await app.post(`${V3}/traces`, startBody(exp, id));
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error_code: 'RESOURCE_ALREADY_EXISTS' });
  });
});

describe('MLflow REST: trace data (GetTrace, BatchGetTraces, traces.json)', () => {
  it('returns spans as OTLP JSON, root first, with base64 ids and typed attribute values', async () => {
    const { id, hex, root, child } = await logTrace(app, exp);
    const res = await app.get<{ trace: TraceJson }>(`${V3}/traces/get`, { trace_id: id });
    expect(res.status).toBe(200);
    const [first, second] = res.body.trace.spans;
    expect(res.body.trace.trace_info.trace_id).toBe(id);
    expect(first).toMatchObject({
      trace_id: b64(hex),
      span_id: b64(root),
      name: 'chat',
      start_time_unix_nano: `${BigInt(BASE_MS) * 1_000_000n}`,
      status: { code: 'STATUS_CODE_OK' },
    });
    expect(first!.parent_span_id).toBeUndefined();
    expect(first!.attributes).toContainEqual({
      key: 'mlflow.spanInputs',
      value: { kvlist_value: { values: [{ key: 'q', value: { string_value: 'hi' } }] } },
    });
    expect(second).toMatchObject({ span_id: b64(child), parent_span_id: b64(root) });
  });

  it('batch-gets complete traces in request order and skips unknown or span-less ones', async () => {
    const a = await logTrace(app, exp);
    const b = await logTrace(app, exp);
    const bare = newTrace();
    await startTrace(app, exp, bare.id);
    const res = await app.get<{ traces: TraceJson[] }>(`${V3}/traces/batchGet`, {
      trace_ids: [b.id, newTrace().id, bare.id, a.id],
    });
    expect(res.status).toBe(200);
    expect(res.body.traces.map((t) => t.trace_info.trace_id)).toEqual([b.id, a.id]);
    expect(res.body.traces[0]!.spans).toHaveLength(2);
    expect((await app.get(`${V3}/traces/batchGet`)).status).toBe(400);
    const partial = await app.get(`${V3}/traces/get`, { trace_id: bare.id });
    expect(partial.status).toBe(404);
    expect(partial.body).toMatchObject({ message: expect.stringContaining('not fully exported') });
    const allowed = await app.get<{ trace: TraceJson }>(`${V3}/traces/get`, {
      trace_id: bare.id,
      allow_partial: true,
    });
    expect(allowed.body.trace.spans ?? []).toEqual([]);
    expect((await app.get(`${V3}/traces/get`)).status).toBe(400);
    expect((await app.get(`${V3}/traces/get`, { trace_id: newTrace().id })).status).toBe(404);
    const short = await logTrace(app, exp, {
      extra: { trace_metadata: { 'mlflow.trace.sizeStats': '{"num_spans": 3}' } },
    });
    expect((await app.get(`${V3}/traces/get`, { trace_id: short.id })).status).toBe(404);
    const shortPartial = await app.get<{ trace: TraceJson }>(`${V3}/traces/get`, {
      trace_id: short.id,
      allow_partial: 'true',
    });
    expect(shortPartial.body.trace.spans).toHaveLength(2);
    const tooMany = Array.from({ length: 101 }, () => newTrace().id);
    expect((await app.get(`${V3}/traces/batchGet`, { trace_ids: tooMany })).status).toBe(400);
  });

  it('stores an uploaded traces.json and serves it back from the span store', async () => {
    const { id, hex } = newTrace();
    const info = await startTrace(app, exp, id);
    expect(info.tags?.['mlflow.trace.spansLocation']).toBeUndefined();
    const location = info.tags!['mlflow.artifactLocation']!;
    const path = `/api/2.0/mlflow-artifacts/artifacts/${location.replace('mlflow-artifacts:/', '')}/traces.json`;
    const start = BigInt(BASE_MS) * 1_000_000n + 123n;
    const file = `{"spans":[{"trace_id":"${b64(hex)}","span_id":"${b64('00000000000000aa')}","parent_span_id":null,"name":"root","start_time_unix_nano":${start},"end_time_unix_nano":${start + 5_000_000n},"events":[{"name":"e","time_unix_nano":${start + 1n},"attributes":{"k":1}}],"status":{"code":"STATUS_CODE_OK","message":""},"attributes":{"mlflow.traceRequestId":"\\"${id}\\"","mlflow.spanOutputs":"{\\"a\\":[1,2]}"}}]}`;
    const put = await app.send('PUT', path, file, { 'content-type': 'application/json' });
    expect(put.status, put.text).toBe(200);
    const got = await app.get<{ trace: TraceJson }>(`${V3}/traces/get`, { trace_id: id });
    expect(got.body.trace.spans[0]).toMatchObject({
      name: 'root',
      start_time_unix_nano: `${start}`,
      span_id: b64('00000000000000aa'),
    });
    expect(got.body.trace.trace_info.tags?.['mlflow.trace.spansLocation']).toBe('TRACKING_STORE');
    for (const download of [
      await app.send('GET', path),
      await app.get(`/ajax-api/2.0/mlflow/get-trace-artifact`, { request_id: id }),
      await app.get(`${V3}/get-trace-artifact`, { request_id: id }),
    ]) {
      expect(download.status).toBe(200);
      const text = download.text.replace(/"(\w+_unix_nano)":"(\d+)"/g, '"$1":$2');
      const expected = JSON.parse(file.replace(/:(\d{15,})/g, ':"$1"'));
      const served = JSON.parse(text.replace(/:(\d{15,})/g, ':"$1"'));
      expect(served).toEqual(expected);
    }
    expect((await app.get(`${V3}/get-trace-artifact`)).status).toBe(400);
    expect((await app.get(`${V3}/get-trace-artifact`, { request_id: newTrace().id })).status).toBe(
      404,
    );
    const other = await app.send('PUT', path.replace('traces.json', 'x.txt'), 'x');
    expect(other.status).toBe(400);
    const bad = await app.send('PUT', path, '{"spans": [{"trace_id": "x"}]}');
    expect(bad.status).toBe(400);
    const otherExperiment = path.replace(`/artifacts/${exp}/`, '/artifacts/987654/');
    expect((await app.send('GET', otherExperiment)).status).toBe(404);
    expect((await app.send('PUT', otherExperiment, file)).status).toBe(404);
  });
});

describe('MLflow REST: trace tags, deletes and run links', () => {
  it('sets and deletes tags through the v2 and v3 paths', async () => {
    const { id } = await logTrace(app, exp);
    for (const [base, key] of [
      [V2, 'a'],
      [V3, 'b'],
    ] as const) {
      const set = await sendJson(app, 'PATCH', `${base}/traces/${id}/tags`, { key, value: 'v' });
      expect(set.status).toBe(200);
    }
    const tags = async () =>
      (await app.get<{ trace: { trace_info: TraceInfoJson } }>(`${V3}/traces/${id}`)).body.trace
        .trace_info.tags;
    expect(await tags()).toMatchObject({ a: 'v', b: 'v' });
    expect((await sendJson(app, 'DELETE', `${V2}/traces/${id}/tags`, { key: 'a' })).status).toBe(
      200,
    );
    expect(await tags()).not.toHaveProperty('a');
    const gone = await sendJson(app, 'DELETE', `${V3}/traces/${id}/tags`, { key: 'a' });
    expect(gone.status).toBe(404);
    const noKey = await sendJson(app, 'PATCH', `${V2}/traces/${id}/tags`, { value: 'v' });
    expect(noKey.status).toBe(400);
    const noTrace = await sendJson(app, 'PATCH', `${V2}/traces/${newTrace().id}/tags`, {
      key: 'k',
      value: 'v',
    });
    expect(noTrace.status).toBe(404);
  });

  it('deletes traces by ids and by time with a count, and refuses bad combinations', async () => {
    const e = await newExperiment();
    const traces = [];
    for (const startMs of [0, 1000, 2000, 3000]) traces.push(await logTrace(app, e, { startMs }));
    const byIds = await app.post<{ traces_deleted: number }>(`${V2}/traces/delete-traces`, {
      experiment_id: e,
      request_ids: [traces[3]!.id, newTrace().id],
    });
    expect(byIds.body).toEqual({ traces_deleted: 1 });
    expect((await app.get(`${V3}/traces/${traces[3]!.id}`)).status).toBe(404);
    const byTime = await app.post<{ traces_deleted: number }>(`${V3}/traces/delete-traces`, {
      experiment_id: e,
      max_timestamp_millis: BASE_MS + 2000,
      max_traces: 2,
    });
    expect(byTime.body).toEqual({ traces_deleted: 2 });
    expect((await app.get(`${V3}/traces/${traces[2]!.id}`)).status).toBe(200);
    expect((await app.get(`${V3}/traces/${traces[1]!.id}`)).status).toBe(404);
    for (const body of [
      { experiment_id: e },
      { experiment_id: e, request_ids: [traces[2]!.id], max_timestamp_millis: BASE_MS },
      { experiment_id: e, max_timestamp_millis: BASE_MS, max_traces: 0 },
      { request_ids: [traces[2]!.id] },
    ]) {
      const res = await app.post(`${V2}/traces/delete-traces`, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    }
    expect((await app.get(`${V3}/traces/${traces[2]!.id}`)).status).toBe(200);
  });

  it('links traces to a run, found by run_id, and refuses unknown runs and too many ids', async () => {
    const e = await newExperiment();
    const run = (
      await app.post<{ run: { info: { run_id: string } } }>('runs/create', {
        experiment_id: e,
      })
    ).body.run.info.run_id;
    const linked = await logTrace(app, e);
    const bySource = await logTrace(app, e, {
      extra: { trace_metadata: { 'mlflow.sourceRun': run } },
    });
    await logTrace(app, e);
    const link = await app.post(`${V2}/traces/link-to-run`, {
      trace_ids: [linked.id, newTrace().id],
      run_id: run,
    });
    expect(link.status).toBe(200);
    expect(
      (await app.post(`${V2}/traces/link-to-run`, { trace_ids: [linked.id], run_id: run })).status,
    ).toBe(200);
    const found = await app.post<{ traces: TraceInfoJson[] }>(`${V3}/traces/search`, {
      locations: [{ type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: e } }],
      filter: `attributes.run_id = '${run}'`,
    });
    expect(found.body.traces.map((t) => t.trace_id).sort()).toEqual(
      [linked.id, bySource.id].sort(),
    );
    const unknownRun = await app.post(`${V2}/traces/link-to-run`, {
      trace_ids: [linked.id],
      run_id: 'f'.repeat(32),
    });
    expect(unknownRun.status).toBe(404);
    const tooMany = await app.post(`${V2}/traces/link-to-run`, {
      trace_ids: Array.from({ length: 101 }, () => newTrace().id),
      run_id: run,
    });
    expect(tooMany.status).toBe(400);
    expect((await app.post(`${V2}/traces/link-to-run`, { trace_ids: [linked.id] })).status).toBe(
      400,
    );
  });
});
