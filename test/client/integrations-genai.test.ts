import { createOpenAI } from '@ai-sdk/openai';
import Anthropic from '@anthropic-ai/sdk';
import { traceModel } from '@trackql/integrations/ai';
import { traceAnthropic } from '@trackql/integrations/anthropic';
import { traceOpenAI } from '@trackql/integrations/openai';
import {
  clearActiveModel,
  endRun,
  flushTraces,
  getLastActiveTraceId,
  getTrace,
  setActiveModel,
  setExperiment,
  setTrackingUri,
  startRun,
  withSpan,
} from '@trackql/node';
import { generateText, streamText } from 'ai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LlmStub, REPLY, startLlmStub, USAGE } from '../helpers/llm-stub.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let stub: LlmStub;
let openai: OpenAI;
let anthropic: Anthropic;
beforeAll(async () => {
  t = await createTestApp();
  setTrackingUri(await t.listen());
  stub = await startLlmStub();
  openai = traceOpenAI(new OpenAI({ baseURL: stub.baseUrl, apiKey: 'sk-test', maxRetries: 0 }));
  anthropic = traceAnthropic(
    new Anthropic({ baseURL: stub.baseUrl.replace(/\/v1$/, ''), apiKey: 'k', maxRetries: 0 }),
  );
  await setExperiment('integrations-genai');
});
afterAll(async () => {
  await stub.close();
  await t.close();
});

const kv = (list: { key: string; value: string }[]) =>
  Object.fromEntries(list.map((e) => [e.key, JSON.parse(e.value) as unknown]));
const meta = (list: { key: string; value: string }[]) =>
  Object.fromEntries(list.map((e) => [e.key, e.value]));

/** The last finished trace, read back from the server. */
async function lastTrace() {
  await flushTraces();
  const id = getLastActiveTraceId();
  if (!id) throw new Error('no trace');
  const tr = await getTrace(id);
  if (!tr) throw new Error(`trace ${id} not logged`);
  return tr;
}

const usage = (input: number, output: number) => ({
  input_tokens: input,
  output_tokens: output,
  total_tokens: input + output,
});

describe('traceOpenAI', () => {
  it('logs chat.completions.create as a CHAT_MODEL span linked to the active run and model', async () => {
    const run = await startRun({ runName: 'genai' });
    const model = await setActiveModel({ name: 'agent-v1' });
    try {
      const messages = [{ role: 'user' as const, content: 'Weather in Paris?' }];
      const reply = await openai.chat.completions.create({ model: 'gpt-4o', messages });
      expect(reply.choices[0]!.message.content).toBe(REPLY);
      const tr = await lastTrace();
      expect(meta(tr.metadata)).toMatchObject({
        'mlflow.sourceRun': run.runId,
        'mlflow.modelId': model.modelId,
      });
      expect(tr.spans).toHaveLength(1);
      const span = tr.spans[0]!;
      expect(span).toMatchObject({
        name: 'chat.completions.create',
        spanType: 'CHAT_MODEL',
        statusCode: 'OK',
      });
      expect(JSON.parse(span.inputs!)).toEqual({ model: 'gpt-4o', messages });
      expect(JSON.parse(span.outputs!).choices[0].message.content).toBe(REPLY);
      expect(kv(span.attributes)).toMatchObject({
        'mlflow.chat.tokenUsage': usage(USAGE.input, USAGE.output),
        'mlflow.llm.model': 'gpt-4o-2024-08-06',
        'mlflow.llm.provider': 'openai',
        'mlflow.message.format': 'openai',
      });
    } finally {
      model.restore();
      clearActiveModel();
      await endRun();
    }
  });

  it('ends a streamed call’s span when the stream is consumed, with the rebuilt reply', async () => {
    const before = getLastActiveTraceId();
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    await flushTraces();
    expect(getLastActiveTraceId()).toBe(before); // nothing sent before the stream is read
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(REPLY);
    const span = (await lastTrace()).spans[0]!;
    expect(span.spanType).toBe('CHAT_MODEL');
    const out = JSON.parse(span.outputs!);
    expect(out.choices[0]).toMatchObject({
      index: 0,
      message: { role: 'assistant', content: REPLY },
      finish_reason: 'stop',
    });
    expect(kv(span.attributes)['mlflow.chat.tokenUsage']).toEqual(usage(USAGE.input, USAGE.output));
    const chunkEvents = span.events.filter((e) => e.name.startsWith('mlflow.chunk.item.'));
    expect(chunkEvents.length).toBeGreaterThan(REPLY.split(' ').length);
  });

  it('records a failed call as an ERROR span with the exception event, and rethrows', async () => {
    await expect(
      openai.chat.completions.create({ model: 'fail', messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toThrow(/Rate limited/);
    const span = (await lastTrace()).spans[0]!;
    expect(span.statusCode).toBe('ERROR');
    expect(span.outputs).toBeNull();
    const exception = span.events.find((e) => e.name === 'exception');
    expect(kv(exception!.attributes)['exception.message']).toMatch(/429/);
  });

  it('logs calls inside withSpan as its children, and sums their usage into the trace metadata', async () => {
    await withSpan(
      async () => {
        const r = await openai.responses.create({ model: 'gpt-4.1', input: 'Weather?' });
        expect(r.output_text).toBe(REPLY);
        await openai.chat.completions.create({
          model: 'gpt-4o',
          messages: [{ role: 'user', content: r.output_text }],
        });
      },
      { name: 'agent', spanType: 'AGENT' },
    );
    const tr = await lastTrace();
    expect(tr.spans.map((s) => [s.name, s.spanType])).toEqual([
      ['agent', 'AGENT'],
      ['responses.create', 'CHAT_MODEL'],
      ['chat.completions.create', 'CHAT_MODEL'],
    ]);
    expect(tr.spans[1]!.parentSpanId).toBe(tr.spans[0]!.spanId);
    expect(kv(tr.spans[1]!.attributes)['mlflow.chat.tokenUsage']).toEqual({
      ...usage(USAGE.input, USAGE.output),
      cache_read_input_tokens: 2,
    });
    // summed over the trace's spans into the trace metadata, as MLflow's client does
    expect(JSON.parse(meta(tr.metadata)['mlflow.trace.tokenUsage']!)).toEqual(
      usage(2 * USAGE.input, 2 * USAGE.output),
    );
  });
  it('logs legacy completions.create as LLM spans, streamed or not', async () => {
    const done = await openai.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say',
    });
    expect(done.choices[0]!.text).toBe(REPLY);
    expect((await lastTrace()).spans[0]).toMatchObject({
      name: 'completions.create',
      spanType: 'LLM',
    });
    const stream = await openai.completions.create({
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'Say',
      stream: true,
    });
    for await (const _ of stream) {
      // consume
    }
    const span = (await lastTrace()).spans[0]!;
    expect(JSON.parse(span.outputs!)).toMatchObject({
      object: 'text_completion',
      choices: [{ index: 0, text: REPLY, finish_reason: 'stop' }],
    });
  });
});

describe('traceAnthropic', () => {
  it('logs messages.create with the message and usage', async () => {
    const msg = await anthropic.messages.create({
      model: 'claude-stub-1',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Weather?' }],
    });
    expect(msg.content[0]).toMatchObject({ type: 'text', text: REPLY });
    const span = (await lastTrace()).spans[0]!;
    expect(span).toMatchObject({ name: 'messages.create', spanType: 'CHAT_MODEL' });
    expect(JSON.parse(span.inputs!).messages).toEqual([{ role: 'user', content: 'Weather?' }]);
    expect(kv(span.attributes)).toMatchObject({
      'mlflow.chat.tokenUsage': { ...usage(USAGE.input, USAGE.output), cache_read_input_tokens: 4 },
      'mlflow.llm.model': 'claude-stub-1',
      'mlflow.llm.provider': 'anthropic',
    });
  });

  it('traces stream: true and the messages.stream helper, ending when consumed', async () => {
    const stream = await anthropic.messages.create({
      model: 'claude-stub-1',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    for await (const _ of stream) {
      // consume
    }
    const span = (await lastTrace()).spans[0]!;
    expect(JSON.parse(span.outputs!)).toMatchObject({
      role: 'assistant',
      content: [{ type: 'text', text: REPLY }],
      stop_reason: 'end_turn',
    });
    expect(kv(span.attributes)['mlflow.chat.tokenUsage']).toEqual(usage(USAGE.input, USAGE.output));

    const before = getLastActiveTraceId();
    const helper = anthropic.messages.stream({
      model: 'claude-stub-1',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'again' }],
    });
    const final = await helper.finalMessage();
    expect(final.content[0]).toMatchObject({ text: REPLY });
    const tr = await lastTrace();
    expect(tr.traceId).not.toBe(before);
    expect(JSON.parse(tr.spans[0]!.inputs!).messages[0].content).toBe('again');
  });

  it('records a failed call as an ERROR span', async () => {
    await expect(
      anthropic.messages.create({
        model: 'fail',
        max_tokens: 8,
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toThrow();
    expect((await lastTrace()).spans[0]!.statusCode).toBe('ERROR');
  });
});

describe('traceModel (ai SDK)', () => {
  const provider = () =>
    createOpenAI({ baseURL: stub.baseUrl, apiKey: 'sk-test' }).chat('gpt-4o-mini');

  it('logs generateText through @ai-sdk/openai as a CHAT_MODEL span with usage', async () => {
    const { text } = await generateText({ model: traceModel(provider()), prompt: 'Weather?' });
    expect(text).toBe(REPLY);
    const span = (await lastTrace()).spans[0]!;
    expect(span).toMatchObject({ name: 'ai.doGenerate', spanType: 'CHAT_MODEL', statusCode: 'OK' });
    expect(JSON.stringify(JSON.parse(span.inputs!).prompt)).toContain('Weather?');
    expect(JSON.parse(span.outputs!).content).toEqual([{ type: 'text', text: REPLY }]);
    expect(kv(span.attributes)).toMatchObject({
      'mlflow.chat.tokenUsage': usage(USAGE.input, USAGE.output),
      'mlflow.llm.provider': 'openai',
    });
  });

  it('logs streamText when the stream is consumed', async () => {
    const result = streamText({ model: traceModel(provider()), prompt: 'Weather?' });
    let text = '';
    for await (const part of result.textStream) text += part;
    expect(text).toBe(REPLY);
    const span = (await lastTrace()).spans[0]!;
    expect(span).toMatchObject({ name: 'ai.doStream', spanType: 'CHAT_MODEL', statusCode: 'OK' });
    expect(JSON.parse(span.outputs!)).toMatchObject({ text: REPLY });
    // the ai SDK reports cached input tokens (0 here) and they are kept
    expect(kv(span.attributes)['mlflow.chat.tokenUsage']).toEqual({
      ...usage(USAGE.input, USAGE.output),
      cache_read_input_tokens: 0,
    });
  });
});
