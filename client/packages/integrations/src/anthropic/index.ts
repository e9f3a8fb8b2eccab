import { type LlmCallInfo, traceSdkCall, wrapMethods } from '../llm-span.ts';
import { type AnthropicStreamEvent, messageResult, messageStreamResult } from './read.ts';

const NAME = 'messages.create';

function tracedCreate(original: (...args: unknown[]) => unknown) {
  return (...args: unknown[]): unknown => {
    const body = (args[0] ?? {}) as { model?: unknown; stream?: unknown };
    const call: LlmCallInfo = {
      name: NAME,
      spanType: 'CHAT_MODEL',
      inputs: args[0],
      model: typeof body.model === 'string' ? body.model : undefined,
      provider: 'anthropic',
    };
    return traceSdkCall(call, () => original(...args), messageResult, {
      streaming: body.stream === true,
      reduce: (events) => messageStreamResult(events as AnthropicStreamEvent[]),
    });
  };
}

/**
 * Traces an `@anthropic-ai/sdk` client (v1): returns a proxy whose `messages.create` logs a
 * CHAT_MODEL span with the request as inputs, the message as outputs, `mlflow.chat.tokenUsage`
 * (with the cache read/creation counts), `mlflow.llm.model` and `mlflow.llm.provider`.
 *
 * @remarks `messages.stream(...)` goes through the traced `create`, so it is traced too. With
 * `stream: true` the span ends when the stream is consumed (or broken off), its outputs the
 * message rebuilt from the events. Spans join the active span's trace, else start a trace
 * linked to the active run and model. A failed call ends its span with status ERROR and an
 * `exception` event; the error reaches the caller unchanged. The SDK's `APIPromise` is returned
 * as it is.
 *
 * @example
 * const anthropic = traceAnthropic(new Anthropic());
 * await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages });
 */
export function traceAnthropic<T extends object>(client: T): T {
  return wrapMethods(client, { [NAME]: tracedCreate });
}
