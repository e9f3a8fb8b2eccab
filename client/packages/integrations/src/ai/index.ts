import { type LanguageModel, type LanguageModelMiddleware, wrapLanguageModel } from 'ai';
import {
  endLlmSpan,
  failLlmSpan,
  type LlmCallInfo,
  type LlmResult,
  startLlmSpan,
  tokenUsage,
  traceLlmCall,
} from '../llm-span.ts';

type Middleware = Required<Pick<LanguageModelMiddleware, 'wrapGenerate' | 'wrapStream'>>;
type CallParams = Parameters<Middleware['wrapGenerate']>[0];
type GenerateResult = Awaited<ReturnType<CallParams['doGenerate']>>;
type StreamPart =
  Awaited<ReturnType<CallParams['doStream']>>['stream'] extends ReadableStream<infer P> ? P : never;
type Usage = GenerateResult['usage'];

const usageOf = (u: Usage | undefined): LlmResult['usage'] =>
  u
    ? tokenUsage(u.inputTokens.total, u.outputTokens.total, {
        cache_read_input_tokens: u.inputTokens.cacheRead,
        cache_creation_input_tokens: u.inputTokens.cacheWrite,
      })
    : null;

function callInfo({ params, model }: CallParams, name: string): LlmCallInfo {
  const { abortSignal: _a, headers: _h, ...inputs } = params;
  return {
    name,
    spanType: 'CHAT_MODEL',
    inputs,
    model: model.modelId,
    provider: model.provider.split('.')[0] ?? model.provider,
  };
}

/** The text of a streamed call, its tool calls, finish reason and usage. */
function streamResult(parts: StreamPart[]): LlmResult {
  let text = '';
  let usage: Usage | undefined;
  let finishReason: unknown;
  let modelId: string | undefined;
  const toolCalls: unknown[] = [];
  for (const p of parts) {
    if (p.type === 'text-delta') text += p.delta;
    else if (p.type === 'tool-call') toolCalls.push(p);
    else if (p.type === 'response-metadata') modelId = p.modelId ?? modelId;
    else if (p.type === 'finish') {
      usage = p.usage;
      finishReason = p.finishReason;
    }
  }
  return {
    outputs: { text, toolCalls, finishReason, usage },
    usage: usageOf(usage),
    model: modelId,
  };
}

/**
 * Middleware for the `ai` SDK (v7) that logs each language-model call as a CHAT_MODEL span: the
 * call options (prompt messages, settings, tools) as inputs, the generated content (or, for a
 * stream, the text, tool calls and finish reason) as outputs, `mlflow.chat.tokenUsage`,
 * `mlflow.llm.model` and `mlflow.llm.provider`.
 *
 * @remarks A streamed call's span ends when the stream is consumed, fails or is cancelled.
 * `generateText`/`streamText` calls with several steps log one span per step; wrap the whole
 * call in `withSpan` to group them in one trace.
 */
export function trackqlMiddleware(): LanguageModelMiddleware {
  return {
    async wrapGenerate(options) {
      return traceLlmCall(callInfo(options, 'ai.doGenerate'), options.doGenerate, (r) => ({
        outputs: { content: r.content, finishReason: r.finishReason, usage: r.usage },
        usage: usageOf(r.usage),
        model: r.response?.modelId,
      }));
    },
    async wrapStream(options) {
      const span = startLlmSpan(callInfo(options, 'ai.doStream'));
      let result: Awaited<ReturnType<CallParams['doStream']>>;
      try {
        result = await options.doStream();
      } catch (err) {
        failLlmSpan(span, err);
        throw err;
      }
      const parts: StreamPart[] = [];
      const end = () => {
        if (span.endTimeNs === null) endLlmSpan(span, streamResult(parts));
      };
      const reader = result.stream.getReader();
      // a ReadableStream of our own (not pipeThrough): its cancel() ends the span too
      const stream = new ReadableStream<StreamPart>({
        async pull(controller) {
          let next: Awaited<ReturnType<typeof reader.read>>;
          try {
            next = await reader.read();
          } catch (err) {
            failLlmSpan(span, err);
            controller.error(err);
            return;
          }
          if (next.done) {
            end();
            controller.close();
            return;
          }
          parts.push(next.value);
          if (next.value.type === 'error') failLlmSpan(span, next.value.error);
          controller.enqueue(next.value);
        },
        cancel(reason) {
          end();
          return reader.cancel(reason);
        },
      });
      return { ...result, stream };
    },
  };
}

/**
 * A language model whose calls are traced ({@link trackqlMiddleware}), e.g.
 * `generateText({ model: traceModel(openai('gpt-4o-mini')), prompt })`.
 */
export function traceModel(model: Exclude<LanguageModel, string>): LanguageModel {
  return wrapLanguageModel({ model, middleware: trackqlMiddleware() });
}
