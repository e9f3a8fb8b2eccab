import { ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/http.ts';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { GetTrace } from '../helpers/trace-documents.ts';

/**
 * OpenTelemetry GenAI spans (`gen_ai.*`, as OTel's own instrumentations and the Vercel AI SDK
 * write them) sent to `POST /v1/traces` in both encodings, read back with MLflow's span type,
 * inputs, outputs, token usage and model.
 */

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('genai-test', '1.0.0');
const T0 = 1_700_000_000_000;

const INPUT = [{ role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] }];
const OUTPUT = [{ role: 'assistant', parts: [{ type: 'text', content: 'Sunny.' }] }];

/** An agent span, a chat span (current conventions), a tool span and a legacy completion span. */
function genAiTrace(): { traceId: string; spans: ReadableSpan[] } {
  exporter.reset();
  const agent = tracer.startSpan('invoke_agent weather', {
    startTime: T0,
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'weather' },
  });
  const ctx = trace.setSpan(ROOT_CONTEXT, agent);
  const chat = tracer.startSpan(
    'chat gpt-4o',
    {
      startTime: T0 + 10,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.usage.input_tokens': 12,
        'gen_ai.usage.output_tokens': 3,
        'gen_ai.input.messages': JSON.stringify(INPUT),
        'gen_ai.output.messages': JSON.stringify(OUTPUT),
      },
    },
    ctx,
  );
  chat.end(T0 + 300);
  const tool = tracer.startSpan(
    'execute_tool get_weather',
    {
      startTime: T0 + 310,
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.call.arguments': '{"city":"Paris"}',
        'gen_ai.tool.call.result': '{"sky":"sunny"}',
      },
    },
    ctx,
  );
  tool.end(T0 + 320);
  const legacy = tracer.startSpan(
    'openai.completion',
    {
      startTime: T0 + 330,
      attributes: {
        'gen_ai.system': 'openai',
        'gen_ai.operation.name': 'text_completion',
        'gen_ai.request.model': 'gpt-3.5-turbo-instruct',
        'gen_ai.usage.prompt_tokens': 5,
        'gen_ai.usage.completion_tokens': 7,
        'gen_ai.prompt.0.role': 'user',
        'gen_ai.prompt.0.content': 'Say hi',
        'gen_ai.completion.0.role': 'assistant',
        'gen_ai.completion.0.content': 'hi',
        // an explicit MLflow attribute is never replaced
        'mlflow.spanType': '"PARSER"',
      },
    },
    ctx,
  );
  legacy.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
  legacy.end(T0 + 400);
  agent.end(T0 + 500);
  return { traceId: `tr-${agent.spanContext().traceId}`, spans: exporter.getFinishedSpans() };
}

let t: TestApp;
let base: string;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  base = (await t.listen()).replace(/\/graphql$/, '');
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

const ENCODINGS = {
  json: {
    type: 'application/json',
    body: (spans: ReadableSpan[]) => Buffer.from(JsonTraceSerializer.serializeRequest(spans)!),
  },
  protobuf: {
    type: 'application/x-protobuf',
    body: (spans: ReadableSpan[]) => Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!),
  },
};

const attr = (span: { attributes: { key: string; value: string }[] }, key: string) => {
  const found = span.attributes.find((a) => a.key === key);
  return found === undefined ? undefined : (JSON.parse(found.value) as unknown);
};

describe.each(Object.entries(ENCODINGS))('gen_ai.* spans on POST /v1/traces (%s)', (_, enc) => {
  it('maps operation, messages, usage, model and provider onto MLflow span attributes', async () => {
    const { traceId, spans } = genAiTrace();
    const res = await rawRequest(base, 'POST', '/v1/traces', enc.body(spans), {
      'content-type': enc.type,
      'x-mlflow-experiment-id': exp,
    });
    expect(res.status).toBe(200);
    const stored = (await t.execute(GetTrace, { traceId })).trace!;
    const byName = Object.fromEntries(stored.spans.map((s) => [s.name, s]));

    const agent = byName['invoke_agent weather']!;
    expect(agent.spanType).toBe('AGENT');
    expect(agent.inputs).toBeNull();
    expect(attr(agent, 'mlflow.chat.tokenUsage')).toBeUndefined();

    const chat = byName['chat gpt-4o']!;
    expect(chat.spanType).toBe('CHAT_MODEL');
    expect(JSON.parse(chat.inputs!)).toEqual(INPUT);
    expect(JSON.parse(chat.outputs!)).toEqual(OUTPUT);
    expect(attr(chat, 'mlflow.chat.tokenUsage')).toEqual({
      input_tokens: 12,
      output_tokens: 3,
      total_tokens: 15,
    });
    expect(attr(chat, 'mlflow.llm.model')).toBe('gpt-4o-2024-08-06');
    expect(attr(chat, 'mlflow.llm.provider')).toBe('openai');
    // the source attributes stay
    expect(attr(chat, 'gen_ai.request.model')).toBe('gpt-4o');

    const tool = byName['execute_tool get_weather']!;
    expect(tool.spanType).toBe('TOOL');
    expect(JSON.parse(tool.inputs!)).toEqual({ city: 'Paris' });
    expect(JSON.parse(tool.outputs!)).toEqual({ sky: 'sunny' });

    const legacy = byName['openai.completion']!;
    expect(legacy.spanType).toBe('PARSER');
    expect(legacy.statusCode).toBe('ERROR');
    expect(JSON.parse(legacy.inputs!)).toEqual([{ role: 'user', content: 'Say hi' }]);
    expect(JSON.parse(legacy.outputs!)).toEqual([{ role: 'assistant', content: 'hi' }]);
    expect(attr(legacy, 'mlflow.chat.tokenUsage')).toEqual({
      input_tokens: 5,
      output_tokens: 7,
      total_tokens: 12,
    });
    expect(attr(legacy, 'mlflow.llm.model')).toBe('gpt-3.5-turbo-instruct');
    expect(attr(legacy, 'mlflow.llm.provider')).toBe('openai');
  });
});
