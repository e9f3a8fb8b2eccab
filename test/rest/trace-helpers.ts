import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { RestTestApp } from './rest-client.ts';

/** A span as a test writes it over OTLP/JSON (times in ms after 1_700_000_000_000). */
export interface TestSpan {
  id: string;
  parent?: string;
  name: string;
  startMs: number;
  endMs: number;
  error?: boolean;
  attributes?: Record<string, string>;
}

export const BASE_MS = 1_700_000_000_000;
const ns = (ms: number) => `${BigInt(BASE_MS + ms) * 1_000_000n}`;

/** A fresh trace: its OTel hex id and MLflow id. */
export function newTrace(): { hex: string; id: string } {
  const hex = randomBytes(16).toString('hex');
  return { hex, id: `tr-${hex}` };
}

/** A fresh span id. */
export const spanId = () => randomBytes(8).toString('hex');

/** Sends spans of one trace to `/v1/traces` as OTLP/JSON (MLflow's client sends protobuf). */
export async function sendSpans(app: RestTestApp, exp: string, hex: string, spans: TestSpan[]) {
  const body = {
    resourceSpans: [
      {
        scopeSpans: [
          {
            spans: spans.map((s) => ({
              traceId: hex,
              spanId: s.id,
              parentSpanId: s.parent ?? '',
              name: s.name,
              startTimeUnixNano: ns(s.startMs),
              endTimeUnixNano: ns(s.endMs),
              status: { code: s.error ? 2 : 1 },
              attributes: Object.entries(s.attributes ?? {}).map(([key, value]) => ({
                key,
                value: { stringValue: value },
              })),
            })),
          },
        ],
      },
    ],
  };
  const res = await app.send('POST', '/v1/traces', JSON.stringify(body), {
    'content-type': 'application/json',
    'x-mlflow-experiment-id': exp,
  });
  expect(res.status).toBe(200);
}

/** A StartTraceV3 body, as MLflow's client sends it at the end of a trace. */
export function startBody(exp: string, id: string, extra: Record<string, unknown> = {}) {
  return {
    trace: {
      trace_info: {
        trace_id: id,
        trace_location: { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: exp } },
        request_time: new Date(BASE_MS).toISOString(),
        execution_duration: '1.500s',
        state: 'OK',
        trace_metadata: { 'mlflow.trace_schema.version': '3' },
        tags: { 'mlflow.traceName': 'chat' },
        ...extra,
      },
      spans: [],
    },
  };
}

/** Info of a v3 trace message, as the tests read it. */
export interface TraceInfoJson {
  trace_id: string;
  trace_location: { mlflow_experiment: { experiment_id: string } };
  request_time: string;
  execution_duration: string;
  state: string;
  request_preview?: string;
  trace_metadata?: Record<string, string>;
  tags?: Record<string, string>;
  assessments?: Record<string, unknown>[];
}

/** Starts (finalizes) a trace through `POST /api/3.0/mlflow/traces`; returns its info. */
export async function startTrace(
  app: RestTestApp,
  exp: string,
  id: string,
  extra: Record<string, unknown> = {},
): Promise<TraceInfoJson> {
  const res = await app.post<{ trace: { trace_info: TraceInfoJson } }>(
    '/api/3.0/mlflow/traces',
    startBody(exp, id, extra),
  );
  expect(res.status, res.text).toBe(200);
  return res.body.trace.trace_info;
}

/** A complete trace: a root `chat` span with a child, sent over OTLP, then started. */
export async function logTrace(
  app: RestTestApp,
  exp: string,
  opts: { startMs?: number; extra?: Record<string, unknown> } = {},
): Promise<{ id: string; hex: string; root: string; child: string }> {
  const { hex, id } = newTrace();
  const [root, child] = [spanId(), spanId()];
  const start = opts.startMs ?? 0;
  await sendSpans(app, exp, hex, [
    { id: child, parent: root, name: 'llm', startMs: start + 100, endMs: start + 900 },
    {
      id: root,
      name: 'chat',
      startMs: start,
      endMs: start + 1500,
      attributes: { 'mlflow.spanInputs': '{"q":"hi"}', 'mlflow.spanType': '"CHAIN"' },
    },
  ]);
  await startTrace(app, exp, id, {
    request_time: new Date(BASE_MS + start).toISOString(),
    ...opts.extra,
  });
  return { id, hex, root, child };
}

/** A JSON request with any method (PATCH, DELETE) to a full path. */
export function sendJson(app: RestTestApp, method: string, path: string, body: unknown) {
  return app.send(method, path, JSON.stringify(body), { 'content-type': 'application/json' });
}
