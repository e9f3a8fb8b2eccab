import { type LlmCallInfo, type LlmResult, traceSdkCall, wrapMethods } from '../llm-span.ts';
import {
  chatStreamResult,
  completionStreamResult,
  type OpenAIChatChunk,
  responseResult,
  responseStreamResult,
} from './read.ts';

/** The methods traced and their MLflow span types (as `mlflow.openai.autolog`). */
const METHODS = {
  'chat.completions.create': 'CHAT_MODEL',
  'responses.create': 'CHAT_MODEL',
  'completions.create': 'LLM',
  'embeddings.create': 'EMBEDDING',
} as const;

/** How each method's stream is read back into one response (embeddings do not stream). */
const STREAM_READERS: Record<string, (chunks: unknown[]) => LlmResult> = {
  'chat.completions.create': (chunks) => chatStreamResult(chunks as OpenAIChatChunk[]),
  'responses.create': responseStreamResult,
  'completions.create': completionStreamResult,
};

function traced(name: string, spanType: string) {
  const reduce = STREAM_READERS[name] ?? ((chunks: unknown[]) => ({ outputs: chunks }));
  return (original: (...args: unknown[]) => unknown) =>
    (...args: unknown[]): unknown => {
      const body = (args[0] ?? {}) as { model?: unknown; stream?: unknown };
      const call: LlmCallInfo = {
        name,
        spanType,
        inputs: args[0],
        model: typeof body.model === 'string' ? body.model : undefined,
        provider: 'openai',
      };
      return traceSdkCall(call, () => original(...args), responseResult, {
        streaming: body.stream === true,
        reduce,
      });
    };
}

/**
 * Traces an `openai` client (v7): returns a proxy whose `chat.completions.create`,
 * `responses.create`, `completions.create` and `embeddings.create` log a span each (MLflow's
 * `openai.autolog` span types: CHAT_MODEL, LLM, EMBEDDING) with the request as inputs, the
 * response as outputs, `mlflow.chat.tokenUsage`, `mlflow.llm.model` and `mlflow.llm.provider`.
 *
 * @remarks Spans join the active span's trace, else start a trace linked to the active run
 * (`mlflow.sourceRun`) and active model (`mlflow.modelId`). A failed call ends its span with
 * status ERROR and an `exception` event; the error reaches the caller unchanged. With
 * `stream: true` the span ends when the stream is consumed (or broken off); its outputs are the
 * response rebuilt from the chunks (with usage when the request sets
 * `stream_options.include_usage`). The SDK's `APIPromise` is returned as it is
 * (`.withResponse()` works). The SDK's own helpers (`chat.completions.stream`, `.parse`) call
 * the unwrapped client and are not traced.
 *
 * @example
 * const openai = traceOpenAI(new OpenAI());
 * await openai.chat.completions.create({ model: 'gpt-4o-mini', messages });
 */
export function traceOpenAI<T extends object>(client: T): T {
  return wrapMethods(
    client,
    Object.fromEntries(Object.entries(METHODS).map(([path, type]) => [path, traced(path, type)])),
  );
}
