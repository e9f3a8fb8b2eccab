import { type LlmResult, tokenUsage } from '../llm-span.ts';

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});

/** Usage of a chat/completions (`prompt_tokens`) or responses/embeddings (`input_tokens`) reply. */
export function openAIUsage(usage: unknown): LlmResult['usage'] {
  const u = asObject(usage);
  const cached = asObject(u.prompt_tokens_details ?? u.input_tokens_details).cached_tokens;
  return tokenUsage(u.prompt_tokens ?? u.input_tokens, u.completion_tokens ?? u.output_tokens, {
    cache_read_input_tokens: cached as number | undefined,
  });
}

/** A non-streaming reply: outputs, usage and the answering model. */
export function responseResult(response: unknown): LlmResult {
  const r = asObject(response);
  return {
    outputs: response,
    usage: openAIUsage(r.usage),
    model: typeof r.model === 'string' ? r.model : undefined,
  };
}

/** The parts of a `chat.completion.chunk` the stream reducer reads. */
export interface OpenAIChatChunk {
  id?: string;
  model?: string;
  created?: number;
  usage?: unknown;
  choices?: {
    index: number;
    finish_reason?: string | null;
    delta?: {
      role?: string;
      content?: string | null;
      tool_calls?: {
        index: number;
        id?: string;
        type?: string;
        function?: { name?: string; arguments?: string };
      }[];
    };
  }[];
}

interface ToolCall {
  id?: string;
  type: string;
  function: { name: string; arguments: string };
}

interface Choice {
  index: number;
  message: { role: string; content: string | null; tool_calls?: ToolCall[] };
  finish_reason: string | null;
}

/** A `chat.completion` rebuilt from its chunks: contents and tool-call arguments concatenated. */
export function chatStreamResult(chunks: OpenAIChatChunk[]): LlmResult {
  const choices = new Map<number, Choice>();
  let usage: unknown;
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const c of chunk.choices ?? []) {
      let choice = choices.get(c.index);
      if (!choice) {
        choice = {
          index: c.index,
          message: { role: 'assistant', content: null },
          finish_reason: null,
        };
        choices.set(c.index, choice);
      }
      const d = c.delta ?? {};
      if (d.role) choice.message.role = d.role;
      if (d.content) choice.message.content = (choice.message.content ?? '') + d.content;
      for (const t of d.tool_calls ?? []) {
        choice.message.tool_calls ??= [];
        const calls = choice.message.tool_calls;
        calls[t.index] ??= { type: 'function', function: { name: '', arguments: '' } };
        const call = calls[t.index]!;
        if (t.id) call.id = t.id;
        if (t.type) call.type = t.type;
        call.function.name += t.function?.name ?? '';
        call.function.arguments += t.function?.arguments ?? '';
      }
      if (c.finish_reason) choice.finish_reason = c.finish_reason;
    }
  }
  const first = chunks[0];
  const model = chunks.find((c) => c.model)?.model;
  return {
    outputs: {
      id: first?.id,
      object: 'chat.completion',
      created: first?.created,
      model,
      choices: [...choices.values()].sort((a, b) => a.index - b.index),
      ...(usage ? { usage } : {}),
    },
    usage: openAIUsage(usage),
    model,
  };
}

/** A Responses API stream: the final `response.completed` (or failed/incomplete) response. */
export function responseStreamResult(events: unknown[]): LlmResult {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as { type?: string; response?: { usage?: unknown; model?: string } };
    if (e.response && /^response\.(completed|failed|incomplete)$/.test(e.type ?? '')) {
      return { outputs: e.response, usage: openAIUsage(e.response.usage), model: e.response.model };
    }
  }
  return { outputs: events };
}

/** The parts of a legacy `text_completion` chunk the reducer reads. */
interface CompletionChunk {
  id?: string;
  model?: string;
  created?: number;
  usage?: unknown;
  choices?: { index: number; text?: string; finish_reason?: string | null }[];
}

/** A legacy `text_completion` rebuilt from its chunks: each choice's text concatenated. */
export function completionStreamResult(chunks: unknown[]): LlmResult {
  const list = chunks as CompletionChunk[];
  const choices = new Map<number, { index: number; text: string; finish_reason: string | null }>();
  let usage: unknown;
  for (const chunk of list) {
    if (chunk.usage) usage = chunk.usage;
    for (const c of chunk.choices ?? []) {
      const choice = choices.get(c.index) ?? { index: c.index, text: '', finish_reason: null };
      choice.text += c.text ?? '';
      if (c.finish_reason) choice.finish_reason = c.finish_reason;
      choices.set(c.index, choice);
    }
  }
  const model = list.find((c) => c.model)?.model;
  return {
    outputs: {
      id: list[0]?.id,
      object: 'text_completion',
      created: list[0]?.created,
      model,
      choices: [...choices.values()].sort((a, b) => a.index - b.index),
      ...(usage ? { usage } : {}),
    },
    usage: openAIUsage(usage),
    model,
  };
}
