import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtlpShapeError, tracesOfExport } from '../../server/modules/traces/otlp-json.ts';
import { tracesOfProtobufExport } from '../../server/modules/traces/otlp-protobuf.ts';
import { uint64Decimal } from '../../server/modules/traces/protobuf-reader.ts';
import { DomainError } from '../../server/shared/errors.ts';
import { json, type RawResponse, rawRequest } from '../helpers/http.ts';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { GetTrace } from '../helpers/trace-documents.ts';

/**
 * OTLP protobuf on `POST /v1/traces`: bodies made by OpenTelemetry's own JS SDK and serializer
 * (`@opentelemetry/otlp-transformer`, what `exporter-trace-otlp-proto` sends), checked against the
 * JSON serializer's output of the same spans, plus malformed, truncated and hostile bodies.
 */

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('trackql-test', '1.0.0');
const T0 = 1_700_000_000_000;

/** A chat-like trace from the OTel SDK: a root and two children, typed attributes, an event. */
function sdkTrace(): { hex: string; spans: ReadableSpan[] } {
  exporter.reset();
  const root = tracer.startSpan('chat', {
    startTime: T0,
    attributes: {
      'mlflow.spanType': '"CHAIN"',
      'mlflow.spanInputs': JSON.stringify({ messages: [{ role: 'user', content: 'Hi there' }] }),
      'mlflow.spanOutputs': '"Hello!"',
      'http.response.status_code': 200,
      'retrieval.score_threshold': 0.75,
      'retrieval.cached': false,
      'gen_ai.tools': ['search', 'calc'],
      'note.plain': 'plain text, not JSON',
      'note.unicode': 'héllo 🌍',
    },
  });
  const ctx = trace.setSpan(ROOT_CONTEXT, root);
  const child = tracer.startSpan('retrieve', { startTime: T0 + 100 }, ctx);
  child.addEvent('cache.miss', { 'cache.key': 'k1', 'cache.size': 3 }, T0 + 150);
  child.setStatus({ code: SpanStatusCode.OK });
  child.end(T0 + 400);
  const llm = tracer.startSpan('llm', { startTime: T0 + 500, attributes: { big: 2 ** 40 } }, ctx);
  llm.setStatus({ code: SpanStatusCode.ERROR, message: 'rate limited' });
  llm.end(T0 + 1200);
  root.end(T0 + 1500);
  return { hex: root.spanContext().traceId, spans: exporter.getFinishedSpans() };
}

const protobufOf = (spans: ReadableSpan[]) =>
  Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!);
const jsonOf = (spans: ReadableSpan[]) =>
  JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(spans)!).toString('utf8'));

let t: TestApp;
let base: string;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  base = (await t.listen()).replace(/\/graphql$/, '');
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

function post(body: Buffer, headers: Record<string, string> = {}, experimentId = exp) {
  return rawRequest(base, 'POST', '/v1/traces', body, {
    'content-type': 'application/x-protobuf',
    'x-mlflow-experiment-id': experimentId,
    ...headers,
  });
}

const readTrace = async (traceId: string) => (await t.execute(GetTrace, { traceId })).trace;

/** Every decode outcome of bad bytes must be a clear refusal, never an internal error. */
function decodeOutcome(bytes: Buffer): 'ok' | 'refused' {
  try {
    tracesOfProtobufExport(bytes);
    return 'ok';
  } catch (err) {
    if (err instanceof OtlpShapeError || err instanceof DomainError) return 'refused';
    throw err;
  }
}

describe('OTLP protobuf decoding', () => {
  it('reads what the OTel serializer writes exactly as the JSON encoding of the same spans', () => {
    const { hex, spans } = sdkTrace();
    const fromProtobuf = tracesOfProtobufExport(protobufOf(spans));
    const fromJson = tracesOfExport(jsonOf(spans));
    expect(fromProtobuf).toEqual(fromJson);
    expect(fromProtobuf).toHaveLength(1);
    expect(fromProtobuf[0]!.traceId).toBe(`tr-${hex}`);
    const root = fromProtobuf[0]!.spans.find((s) => s.parentSpanId === null)!;
    expect(root.attributes).toEqual(
      expect.arrayContaining([
        { key: 'mlflow.spanType', value: 'CHAIN' },
        { key: 'http.response.status_code', value: 200 },
        { key: 'retrieval.score_threshold', value: 0.75 },
        { key: 'retrieval.cached', value: false },
        { key: 'gen_ai.tools', value: ['search', 'calc'] },
        { key: 'note.plain', value: 'plain text, not JSON' },
        { key: 'note.unicode', value: 'héllo 🌍' },
      ]),
    );
    const llm = fromProtobuf[0]!.spans.find((s) => s.name === 'llm')!;
    expect(llm).toMatchObject({ statusCode: 'ERROR', statusMessage: 'rate limited' });
    expect(llm.attributes).toContainEqual({ key: 'big', value: 2 ** 40 });
  });

  it('writes 64-bit times in decimal exactly (checked against BigInt)', () => {
    let seed = 7;
    const next32 = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return (seed * 2 + (seed & 1)) >>> 0;
    };
    const cases: [number, number][] = [
      [0, 0],
      [0x1fffff, 0xffffffff],
      [0x200000, 0],
      [0xffffffff, 0xffffffff],
      [0x80000000, 0],
    ];
    for (let i = 0; i < 20_000; i++) cases.push([next32(), next32()]);
    for (const [hi, lo] of cases) {
      expect(uint64Decimal(hi, lo)).toBe(((BigInt(hi) << 32n) | BigInt(lo)).toString());
    }
  });

  it('refuses every truncation of a real export cleanly (never an internal error)', () => {
    const bytes = protobufOf(sdkTrace().spans);
    let refused = 0;
    for (let n = 1; n < bytes.length; n++) {
      if (decodeOutcome(bytes.subarray(0, n)) === 'refused') refused++;
    }
    // a cut between two top-level fields can still be a valid (shorter) message, nothing else
    expect(refused).toBeGreaterThan(bytes.length * 0.9);
  });

  it('never fails internally on corrupted bytes (seeded mutations)', () => {
    const bytes = protobufOf(sdkTrace().spans);
    let seed = 42;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 3000; i++) {
      const copy = Buffer.from(bytes);
      const flips = 1 + Math.floor(rand() * 4);
      for (let f = 0; f < flips; f++) {
        copy[Math.floor(rand() * copy.length)] = Math.floor(rand() * 256);
      }
      decodeOutcome(copy);
    }
  });
});

/** Protobuf writer for hand-made hostile messages. */
const varint = (n: number): number[] => {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
};
const len = (field: number, payload: Buffer) =>
  Buffer.concat([Buffer.from([...varint(field * 8 + 2), ...varint(payload.length)]), payload]);
const fixed64 = (field: number, v: bigint) => {
  const b = Buffer.alloc(9);
  b[0] = field * 8 + 1;
  b.writeBigUInt64LE(v, 1);
  return b;
};

/** An export of one span whose name bytes and attributes are given. */
function handMade(
  name: Buffer,
  attributes: Buffer[] = [],
  traceBytes: Buffer = randomBytes(16),
): { traceId: string; body: Buffer } {
  const span = Buffer.concat([
    len(1, traceBytes),
    len(2, randomBytes(8)),
    len(5, name),
    fixed64(7, 1_700_000_000_000_000_000n),
    fixed64(8, 1_700_000_000_100_000_000n),
    ...attributes.map((a) => len(9, a)),
  ]);
  return {
    traceId: `tr-${traceBytes.toString('hex')}`,
    body: len(1, len(2, len(2, span))),
  };
}

const keyValue = (key: string, anyValue: Buffer) =>
  Buffer.concat([len(1, Buffer.from(key)), len(2, anyValue)]);

describe('POST /v1/traces with application/x-protobuf', () => {
  it('stores an SDK export and answers with an empty protobuf response', async () => {
    const { hex, spans } = sdkTrace();
    const res = await post(protobufOf(spans));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-protobuf');
    expect(res.body.length).toBe(0);
    const stored = await readTrace(`tr-${hex}`);
    expect(stored).toMatchObject({
      state: 'OK',
      requestTime: T0,
      executionDuration: 1500,
      requestPreview: 'Hi there',
      responsePreview: '"Hello!"',
      rootSpan: { name: 'chat' },
    });
    expect(stored!.spans[0]).toMatchObject({ name: 'chat', spanType: 'CHAIN' });
    expect(stored!.spans.map((s) => s.name)).toEqual(['chat', 'retrieve', 'llm']);
    const retrieve = stored!.spans[1]!;
    expect(retrieve.events).toEqual([
      {
        name: 'cache.miss',
        timeNs: String(BigInt(T0 + 150) * 1_000_000n),
        attributes: [
          { key: 'cache.key', value: '"k1"' },
          { key: 'cache.size', value: '3' },
        ],
      },
    ]);
  });

  it('takes gzip bodies', async () => {
    const { hex, spans } = sdkTrace();
    const res = await post(gzipSync(protobufOf(spans)), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect((await readTrace(`tr-${hex}`))?.spans).toHaveLength(3);
  });

  it('refuses a truncated body with 400 and writes nothing', async () => {
    const { hex, spans } = sdkTrace();
    const bytes = protobufOf(spans);
    const res = await post(bytes.subarray(0, bytes.length - 7));
    expect(res.status).toBe(400);
    expect(json(res).message).toMatch(/not a valid protobuf ExportTraceServiceRequest/);
    expect(await readTrace(`tr-${hex}`)).toBeNull();
    expect((await post(Buffer.from([0x0a, 0x00]))).status).toBe(400); // no spans
  });

  it('refuses NUL characters and invalid UTF-8 naming the field, and deep nesting with 400', async () => {
    const nul = handMade(Buffer.from('a\u0000b'));
    const r1 = await post(nul.body);
    expect(r1.status).toBe(422);
    expect(json(r1)).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect(json(r1).message).toMatch(/name.*NUL/);

    const badUtf8 = handMade(Buffer.from('ok'), [
      keyValue('k', len(1, Buffer.from([0x61, 0xff, 0x62]))),
    ]);
    const r2 = await post(badUtf8.body);
    expect(r2.status).toBe(422);
    expect(json(r2)).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect(json(r2).message).toBe(
      "'resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.stringValue' is not valid UTF-8.",
    );

    let deep = len(1, Buffer.from('leaf'));
    for (let i = 0; i < 2000; i++) deep = len(6, len(1, keyValue('k', deep)));
    const nested = handMade(Buffer.from('ok'), [keyValue('deep', deep)]);
    const r3 = await post(nested.body);
    expect(r3.status).toBe(400);
    expect(json(r3).message).toMatch(/deeper than 64 levels/);
    for (const made of [nul, badUtf8, nested]) expect(await readTrace(made.traceId)).toBeNull();
  });
});

/** How many of `ids` are stored, and their spans (read straight from the database). */
async function stored(ids: string[]): Promise<{ traces: number; spans: number }> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select (select count(*)::int from trace_info where trace_id = any($1)) as traces,
         (select count(*)::int from spans where trace_id = any($1)) as spans`,
      [ids],
    );
    return rows[0] as { traces: number; spans: number };
  } finally {
    await client.end();
  }
}

/** One-span traces, `n` of them, in one protobuf export (what a batching exporter sends). */
function manyTraces(n: number): { ids: string[]; body: Buffer } {
  const ids: string[] = [];
  const spans: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const made = handMade(Buffer.from(`op-${i}`));
    ids.push(made.traceId);
    spans.push(made.body);
  }
  // concatenated ExportTraceServiceRequests are one message with all their resourceSpans
  return { ids, body: Buffer.concat(spans) };
}

describe('bounded exports', () => {
  it('stores an export of more one-span traces than one chunk holds (20,000 in the bench)', async () => {
    const { ids, body } = manyTraces(4500);
    const res: RawResponse = await post(body);
    expect(res.status).toBe(200);
    expect(await stored(ids)).toEqual({ traces: 4500, spans: 4500 });
  });

  it('writes none of a multi-chunk export when its last trace belongs to another experiment', async () => {
    const other = await seedExperiment(t);
    // sorts after every other trace, so it is met in the last chunk, after the others were written
    const foreign = handMade(Buffer.from('foreign'), [], Buffer.alloc(16, 0xff));
    expect((await post(foreign.body, {}, other)).status).toBe(200);
    const { ids, body } = manyTraces(4500);
    const res = await post(Buffer.concat([body, foreign.body]));
    expect(res.status).toBe(422);
    expect(json(res).message).toMatch(/belongs to experiment/);
    expect(await stored(ids)).toEqual({ traces: 0, spans: 0 });
  });
});

describe('concurrent exports', () => {
  it('lets exports of the same traces in different orders all finish (no deadlock)', async () => {
    const traces: Buffer[] = Array.from({ length: 40 }, () => randomBytes(16));
    const exportOf = (order: Buffer[], name: string) =>
      Buffer.concat(order.map((bytes) => handMade(Buffer.from(name), [], bytes).body));
    const orders = [
      traces,
      [...traces].reverse(),
      [...traces.slice(20), ...traces.slice(0, 20)],
      [...traces.slice(10), ...traces.slice(0, 10)].reverse(),
    ];
    const results = await Promise.all(orders.map((order, i) => post(exportOf(order, `w${i}`))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const ids = traces.map((b) => `tr-${b.toString('hex')}`);
    expect(await stored(ids)).toEqual({ traces: 40, spans: 160 });
  });
});
