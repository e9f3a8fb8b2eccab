import { type LlmResult, tokenUsage } from '../llm-span.ts';

/** Usage as the Messages API reports it (`message.usage`, `message_delta.usage`). */
export interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

/** The usage of a message as MLflow's token usage. */
export function anthropicUsage(u: AnthropicUsage | null | undefined): LlmResult['usage'] {
  if (!u) return null;
  return tokenUsage(u.input_tokens, u.output_tokens, {
    cache_read_input_tokens: u.cache_read_input_tokens ?? undefined,
    cache_creation_input_tokens: u.cache_creation_input_tokens ?? undefined,
  });
}

/** A non-streaming `messages.create` reply. */
export function messageResult(message: unknown): LlmResult {
  const m = (message ?? {}) as { usage?: AnthropicUsage; model?: string };
  return { outputs: message, usage: anthropicUsage(m.usage), model: m.model };
}

interface Block {
  type: string;
  text?: string;
  input?: unknown;
  [key: string]: unknown;
}

/** The events of a streamed message the reducer reads. */
export interface AnthropicStreamEvent {
  type: string;
  index?: number;
  message?: { model?: string; usage?: AnthropicUsage; content?: Block[] } & Record<string, unknown>;
  content_block?: Block;
  delta?: { type?: string; text?: string; partial_json?: string; stop_reason?: string | null };
  usage?: AnthropicUsage;
}

/**
 * The message rebuilt from a stream's events: `message_start`, then text and tool-input deltas
 * into their content blocks, `message_delta`'s stop reason and output tokens.
 */
export function messageStreamResult(events: AnthropicStreamEvent[]): LlmResult {
  let message: Record<string, unknown> = {};
  const blocks: Block[] = [];
  const json: string[] = [];
  const usage: AnthropicUsage = {};
  for (const e of events) {
    if (e.type === 'message_start' && e.message) {
      message = { ...e.message };
      Object.assign(usage, e.message.usage);
    } else if (e.type === 'content_block_start' && e.content_block && e.index !== undefined) {
      blocks[e.index] = { ...e.content_block };
      json[e.index] = '';
    } else if (e.type === 'content_block_delta' && e.delta && e.index !== undefined) {
      const block = blocks[e.index];
      if (!block) continue;
      if (e.delta.type === 'text_delta') block.text = (block.text ?? '') + (e.delta.text ?? '');
      if (e.delta.type === 'input_json_delta') json[e.index] += e.delta.partial_json ?? '';
    } else if (e.type === 'message_delta') {
      if (e.delta?.stop_reason !== undefined) message.stop_reason = e.delta.stop_reason;
      for (const [k, v] of Object.entries(e.usage ?? {})) {
        if (v !== null && v !== undefined) usage[k as keyof AnthropicUsage] = v;
      }
    }
  }
  blocks.forEach((b, i) => {
    if (json[i]) b.input = JSON.parse(json[i]!) as unknown;
  });
  const model = typeof message.model === 'string' ? message.model : undefined;
  return {
    outputs: { ...message, content: blocks.filter(Boolean), usage },
    usage: anthropicUsage(usage),
    model,
  };
}
