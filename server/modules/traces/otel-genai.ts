import type { DecodedAttribute, DecodedSpanInput } from './span-input.ts';
import { SPAN_KEYS } from './trace-rows.sql.ts';

/** MLflow's span attributes that the OpenTelemetry GenAI conventions map onto. */
export const GENAI_SPAN_KEYS = {
  tokenUsage: 'mlflow.chat.tokenUsage',
  model: 'mlflow.llm.model',
  provider: 'mlflow.llm.provider',
} as const;

/** `gen_ai.operation.name` values and the MLflow span type each becomes (MLflow's translator). */
const SPAN_TYPES: Record<string, string> = {
  chat: 'CHAT_MODEL',
  text_completion: 'LLM',
  generate_content: 'LLM',
  response: 'LLM',
  embeddings: 'EMBEDDING',
  execute_tool: 'TOOL',
  invoke_agent: 'AGENT',
  create_agent: 'AGENT',
};

/** Keys read for each MLflow value, first present wins (current conventions before older ones). */
const SOURCES = {
  inputs: ['gen_ai.input.messages', 'gen_ai.prompt', 'gen_ai.tool.call.arguments'],
  outputs: ['gen_ai.output.messages', 'gen_ai.completion', 'gen_ai.tool.call.result'],
  inputTokens: ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens'],
  outputTokens: ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens'],
  model: ['gen_ai.response.model', 'gen_ai.request.model'],
  provider: ['gen_ai.provider.name', 'gen_ai.system'],
} as const;

/** `gen_ai.prompt.0.role`, `gen_ai.completion.1.content`... (the flattened, indexed form). */
const INDEXED = /^gen_ai\.(prompt|completion)\.(\d+)\.(.+)$/;

function decoded(attrs: ReadonlyMap<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    if (attrs.has(key)) return attrs.get(key);
  }
  return undefined;
}

/** Messages given one attribute per field (`gen_ai.prompt.<i>.<field>`), in index order. */
function indexedMessages(
  attrs: ReadonlyMap<string, unknown>,
  kind: 'prompt' | 'completion',
): Record<string, unknown>[] | undefined {
  const byIndex = new Map<number, Record<string, unknown>>();
  for (const [key, value] of attrs) {
    const m = INDEXED.exec(key);
    if (!m || m[1] !== kind) continue;
    const index = Number(m[2]);
    const message = byIndex.get(index) ?? {};
    message[m[3]!] = value;
    byIndex.set(index, message);
  }
  if (byIndex.size === 0) return undefined;
  return [...byIndex].sort(([a], [b]) => a - b).map(([, message]) => message);
}

/** A token count: a non-negative safe integer (an exact int64 kept as a string is not summed). */
function count(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function usage(attrs: ReadonlyMap<string, unknown>): Record<string, number> | undefined {
  const input = count(decoded(attrs, SOURCES.inputTokens));
  const output = count(decoded(attrs, SOURCES.outputTokens));
  if (input === undefined && output === undefined) return undefined;
  return {
    input_tokens: input ?? 0,
    output_tokens: output ?? 0,
    total_tokens: (input ?? 0) + (output ?? 0),
  };
}

/**
 * Adds MLflow's span attributes for a span that follows the OpenTelemetry GenAI conventions
 * (`gen_ai.*`), as MLflow's server does on `POST /v1/traces`:
 * - `mlflow.spanType` from `gen_ai.operation.name` (`chat` → CHAT_MODEL, `embeddings` →
 *   EMBEDDING, `execute_tool` → TOOL, `invoke_agent` → AGENT, completions → LLM);
 * - `mlflow.spanInputs` / `mlflow.spanOutputs` from `gen_ai.input.messages` /
 *   `gen_ai.output.messages`, else `gen_ai.prompt` / `gen_ai.completion` (whole or indexed as
 *   `gen_ai.prompt.<i>.<field>`), else the tool call's arguments / result;
 * - `mlflow.chat.tokenUsage` `{input_tokens, output_tokens, total_tokens}` from
 *   `gen_ai.usage.input_tokens` / `output_tokens` (or `prompt_tokens` / `completion_tokens`);
 * - `mlflow.llm.model` (response model, else request model) and `mlflow.llm.provider`.
 *
 * @remarks The `gen_ai.*` attributes are kept; an MLflow attribute the span already carries is
 * never replaced. A span with no `gen_ai.*` attribute is returned as it is. Attribute values
 * are decoded, as {@link DecodedAttribute} carries them.
 */
export function withGenAiAttributes(span: DecodedSpanInput): DecodedSpanInput {
  const list = span.attributes ?? [];
  if (!list.some((a) => a.key.startsWith('gen_ai.'))) return span;
  const attrs = new Map(list.map((a) => [a.key, a.value]));
  const op = decoded(attrs, ['gen_ai.operation.name']);
  const found: Record<string, unknown> = {
    [SPAN_KEYS.spanType]: typeof op === 'string' ? SPAN_TYPES[op] : undefined,
    [SPAN_KEYS.inputs]:
      decoded(attrs, SOURCES.inputs.slice(0, 2)) ??
      indexedMessages(attrs, 'prompt') ??
      decoded(attrs, SOURCES.inputs.slice(2)),
    [SPAN_KEYS.outputs]:
      decoded(attrs, SOURCES.outputs.slice(0, 2)) ??
      indexedMessages(attrs, 'completion') ??
      decoded(attrs, SOURCES.outputs.slice(2)),
    [GENAI_SPAN_KEYS.tokenUsage]: usage(attrs),
    [GENAI_SPAN_KEYS.model]: decoded(attrs, SOURCES.model),
    [GENAI_SPAN_KEYS.provider]: decoded(attrs, SOURCES.provider),
  };
  const added: DecodedAttribute[] = [];
  for (const [key, value] of Object.entries(found)) {
    if (value === undefined || attrs.has(key)) continue;
    added.push({ key, value });
  }
  if (added.length === 0) return span;
  // a span type given as a field wins over the attribute (see normaliseSpans)
  return { ...span, attributes: [...list, ...added] };
}
