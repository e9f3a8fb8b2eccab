import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type RawResponse, rawRequest } from '../helpers/http.ts';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { GetTrace } from '../helpers/trace-documents.ts';

/** An export as `@opentelemetry/exporter-trace-otlp-http` sends it in JSON mode, written by hand. */
const FIXTURE = readFileSync(
  path.join(import.meta.dirname, '../fixtures/otlp-chat-export.json'),
  'utf8',
);
const FIXTURE_TRACE = '5b8efff798038103d269b633813fc60c';

/** The fixture under a fresh trace id, so every test writes its own trace. */
function chatExport(): { hex: string; traceId: string; body: Record<string, unknown> } {
  const hex = randomBytes(16).toString('hex');
  return {
    hex,
    traceId: `tr-${hex}`,
    body: JSON.parse(FIXTURE.replaceAll(FIXTURE_TRACE, hex)) as Record<string, unknown>,
  };
}

/** A minimal export of one span per `[traceHex, spanId]`. */
function exportOf(spans: { trace: string; span: string; parent?: string; start?: unknown }[]) {
  return {
    resourceSpans: [
      {
        scopeSpans: [
          {
            spans: spans.map((s) => ({
              traceId: s.trace,
              spanId: s.span,
              parentSpanId: s.parent ?? '',
              name: `op-${s.span}`,
              startTimeUnixNano: s.start ?? '1700000000000000000',
              endTimeUnixNano: '1700000000200000000',
              status: {},
            })),
          },
        ],
      },
    ],
  };
}

const MAX_BODY = 64 * 1024;
let t: TestApp;
let base: string;
let exp: string;
beforeAll(async () => {
  t = await createTestApp({ config: { otlpMaxBodyBytes: MAX_BODY } });
  base = (await t.listen()).replace(/\/graphql$/, '');
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

function post(
  body: Buffer | string | object,
  headers: Record<string, string> = {},
  experimentId: string | null = exp,
): Promise<RawResponse> {
  const data = Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
  return rawRequest(base, 'POST', '/v1/traces', data, {
    'content-type': 'application/json',
    ...(experimentId === null ? {} : { 'x-mlflow-experiment-id': experimentId }),
    ...headers,
  });
}

const readTrace = async (traceId: string) => (await t.execute(GetTrace, { traceId })).trace;

describe('POST /v1/traces (OTLP/JSON)', () => {
  it('stores an exporter-shaped export and reads it back through trace(id) as a tree', async () => {
    const { traceId, body } = chatExport();
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(json(res)).toEqual({});
    const trace = await readTrace(traceId);
    expect(trace).toMatchObject({
      traceId,
      experimentId: exp,
      state: 'OK',
      requestTime: 1_700_000_000_000,
      executionDuration: 1500,
      requestPreview: 'Hi there',
      responsePreview: '"Hello!"',
      rootSpan: { spanId: 'eee19b7ec3c1b174', name: 'chat' },
    });
    const tags = Object.fromEntries(trace!.tags.map((x) => [x.key, x.value]));
    expect(tags['mlflow.trace.spansLocation']).toBe('TRACKING_STORE');
    expect(tags['mlflow.traceName']).toBe('chat');
    // no logTrace yet: info not finalized
    expect(trace!.metadata.map((m) => m.key)).not.toContain('mlflow.trace.infoFinalized');

    const spans = trace!.spans;
    expect(spans.map((s) => [s.spanId, s.parentSpanId])).toEqual([
      ['eee19b7ec3c1b174', null],
      ['3f1a9c2b7d4e5f60', 'eee19b7ec3c1b174'],
      ['a0b1c2d3e4f50617', 'eee19b7ec3c1b174'],
    ]);
    const [root, retrieve, llm] = spans;
    expect(root).toMatchObject({
      spanType: 'CHAIN',
      statusCode: 'UNSET',
      startTimeNs: '1700000000000000000',
      endTimeNs: '1700000001500000000',
      inputs: '{"messages":[{"role":"user","content":"Hi there"}]}',
      outputs: '"Hello!"',
    });
    expect(root!.attributes).toContainEqual({ key: 'http.request.method', value: '"POST"' });
    expect(root!.attributes).toContainEqual({ key: 'http.response.status_code', value: '200' });
    expect(retrieve).toMatchObject({ statusCode: 'OK', spanType: 'UNKNOWN' });
    expect(retrieve!.attributes).toEqual([
      { key: 'retrieval.cached', value: 'false' },
      { key: 'retrieval.score_threshold', value: '0.75' },
      { key: 'retrieval.sources', value: '["faq","docs"]' },
      { key: 'retrieval.top_k', value: '3' },
    ]);
    expect(llm).toMatchObject({ statusCode: 'ERROR', statusMessage: '429 Too Many Requests' });
    expect(llm!.attributes).toEqual([
      { key: 'gen_ai.request.model', value: '"gpt-4o"' },
      { key: 'gen_ai.request.params', value: '{"stream":true,"temperature":0.2}' },
      // beyond 2^53: kept exact, as a decimal string
      { key: 'gen_ai.usage.input_tokens', value: '"9007199254740993"' },
      // mapped from gen_ai.request.model (an inexact token count is not summed into a usage)
      { key: 'mlflow.llm.model', value: '"gpt-4o"' },
    ]);
    expect(llm!.events).toEqual([
      {
        name: 'exception',
        timeNs: '1700000001300000000',
        attributes: [
          { key: 'exception.message', value: '"429 Too Many Requests"' },
          { key: 'exception.type', value: '"RateLimitError"' },
        ],
      },
    ]);
  });

  it('accepts gzip and deflate bodies, and numbers for times', async () => {
    const gz = chatExport();
    const res = await post(gzipSync(JSON.stringify(gz.body)), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect((await readTrace(gz.traceId))!.spans).toHaveLength(3);

    const hex = randomBytes(16).toString('hex');
    const body = exportOf([
      { trace: hex, span: '00000000000000aa', start: 1_700_000_000_000_000_000 },
    ]);
    const res2 = await post(deflateSync(JSON.stringify(body)), { 'content-encoding': 'deflate' });
    expect(res2.status).toBe(200);
    const trace = await readTrace(`tr-${hex}`);
    expect(trace!.spans[0]!.startTimeNs).toBe('1700000000000000000');
  });

  it('keeps a trace without its root in the batch IN_PROGRESS, and the root arriving later ends it', async () => {
    const hex = randomBytes(16).toString('hex');
    const child = exportOf([{ trace: hex, span: '00000000000000b2', parent: '00000000000000b1' }]);
    expect((await post(child)).status).toBe(200);
    expect((await readTrace(`tr-${hex}`))!.state).toBe('IN_PROGRESS');
    expect((await post(exportOf([{ trace: hex, span: '00000000000000b1' }]))).status).toBe(200);
    const trace = await readTrace(`tr-${hex}`);
    expect(trace!.state).toBe('OK');
    expect(trace!.spans.map((s) => s.spanId)).toEqual(['00000000000000b1', '00000000000000b2']);
  });

  it('requires the experiment header, and answers 404 for an unknown experiment', async () => {
    const { traceId, body } = chatExport();
    const missing = await post(body, {}, null);
    expect(missing.status).toBe(400);
    expect(json(missing).message).toMatch(/x-mlflow-experiment-id/);
    const unknown = await post(body, {}, '987654321');
    expect(unknown.status).toBe(404);
    expect(json(unknown).error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(await readTrace(traceId)).toBeNull();
  });

  it('refuses bad JSON, a body that is not an export, no spans, and a corrupt gzip with 400', async () => {
    const bad = await post('{"resourceSpans": [');
    expect(bad.status).toBe(400);
    expect(json(bad).message).toMatch(/not valid JSON/);
    expect((await post({ spans: [] })).status).toBe(400);
    const empty = await post({ resourceSpans: [{ scopeSpans: [{ spans: [] }] }] });
    expect(empty.status).toBe(400);
    expect(json(empty).message).toMatch(/no spans/);
    const corrupt = await post(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect(corrupt.status).toBe(400);
  });

  it('refuses other content types and encodings with 415, naming the two it takes', async () => {
    // text/plain (a cross-site "simple" request) is refused before the route by the request policy
    expect((await post('{}', { 'content-type': 'text/plain' })).status).toBe(415);
    const res = await post('{}', { 'content-type': 'application/xml' });
    expect(res.status).toBe(415);
    expect(json(res).message).toMatch(/application\/x-protobuf or application\/json/);
    expect((await post('{}', { 'content-encoding': 'br' })).status).toBe(415);
  });

  it('refuses NUL characters, invalid UTF-8 and over-deep values with a clear error', async () => {
    const { body } = chatExport();
    const spans = (
      body as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] }
    ).resourceSpans[0]!.scopeSpans[0]!.spans;
    spans[0]!.name = 'bad\u0000name';
    const nul = await post(body);
    expect(nul.status).toBe(422);
    expect(json(nul)).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect(json(nul).message).toMatch(/name.*NUL/);

    const value = exportOf([{ trace: randomBytes(16).toString('hex'), span: '1'.repeat(16) }]);
    const span0 = value.resourceSpans[0]!.scopeSpans[0]!.spans[0] as Record<string, unknown>;
    span0.attributes = [{ key: 'k', value: { stringValue: 'a\u0000b' } }];
    const nulValue = await post(value);
    expect(nulValue.status).toBe(422);
    expect(json(nulValue).message).toMatch(/attributes\[0\]\.value.*NUL/);

    // 1,200 nested kvlists (as deep as the 64 KiB body limit of this app allows): a clear 400
    // (written as text: JSON.stringify itself cannot go that deep)
    const deep = `${'{"kvlistValue":{"values":[{"key":"k","value":'.repeat(1200)}{"stringValue":"x"}${'}]}}'.repeat(1200)}`;
    span0.attributes = [{ key: 'deep', value: { stringValue: 'DEEP' } }];
    const nested = await post(JSON.stringify(value).replace('{"stringValue":"DEEP"}', deep));
    expect(nested.status).toBe(400);
    expect(json(nested).message).toMatch(/deeper than 64 levels/);

    const invalid = Buffer.concat([
      Buffer.from('{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}]}]}]}'),
    ]);
    const bad = await post(invalid);
    expect(bad.status).toBe(400);
    expect(json(bad)).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect(json(bad).message).toMatch(/not valid UTF-8/);
  });

  it('refuses a body over the limit with 413, declared, streamed or inflated', async () => {
    const big = Buffer.alloc(MAX_BODY + 1, 0x20);
    expect((await post(big, { 'content-length': String(big.length) })).status).toBe(413);
    expect((await post(big)).status).toBe(413);
    // a small gzip that inflates past the limit
    const bomb = gzipSync(Buffer.alloc(MAX_BODY * 8, 0x20));
    expect(bomb.length).toBeLessThan(MAX_BODY);
    expect((await post(bomb, { 'content-encoding': 'gzip' })).status).toBe(413);
    // the connection-close reply leaves the server serving
    expect((await post(exportOf([]))).status).toBe(400);
  });

  it('writes nothing when one span of the request is bad (all or nothing, 422)', async () => {
    const a = randomBytes(16).toString('hex');
    const b = randomBytes(16).toString('hex');
    const body = exportOf([
      { trace: a, span: '00000000000000c1' },
      { trace: b, span: '00000000000000d1' },
      { trace: b, span: '00000000000000d2', parent: '00000000000000d1', start: '12x' },
    ]);
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(json(res).message).toMatch(/spans\[2\]\.startTimeUnixNano/);
    expect(await readTrace(`tr-${a}`)).toBeNull();
    expect(await readTrace(`tr-${b}`)).toBeNull();

    // a check that only the write path makes (end before start), in the second trace
    const late = exportOf([
      { trace: a, span: '00000000000000c1' },
      { trace: b, span: '00000000000000d1', start: '1800000000000000000' },
    ]);
    expect((await post(late)).status).toBe(422);
    expect(await readTrace(`tr-${a}`)).toBeNull();
  });

  it('refuses spans for a trace of another experiment, writing none of the request', async () => {
    const other = await seedExperiment(t);
    const hex = randomBytes(16).toString('hex');
    expect(
      (await post(exportOf([{ trace: hex, span: '00000000000000e1' }]), {}, other)).status,
    ).toBe(200);
    const fresh = randomBytes(16).toString('hex');
    const res = await post(
      exportOf([
        { trace: fresh, span: '00000000000000f1' },
        { trace: hex, span: '00000000000000e2', parent: '00000000000000e1' },
      ]),
    );
    expect(res.status).toBe(422);
    expect(json(res).message).toMatch(/belongs to experiment/);
    expect(await readTrace(`tr-${fresh}`)).toBeNull();
  });

  it('answers 405 to other methods', async () => {
    const res = await rawRequest(base, 'GET', '/v1/traces');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });
});
