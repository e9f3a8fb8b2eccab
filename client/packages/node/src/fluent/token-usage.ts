import type { LiveSpan } from './live-span.ts';

/** The span attribute an LLM span's usage is in, and the trace metadata key of the sum. */
export const TOKEN_USAGE_KEYS = {
  span: 'mlflow.chat.tokenUsage',
  trace: 'mlflow.trace.tokenUsage',
} as const;

const COUNTS = ['input_tokens', 'output_tokens', 'total_tokens'] as const;

/**
 * The token usage of a trace as MLflow's client writes it to `mlflow.trace.tokenUsage`: the sum
 * of `input_tokens`, `output_tokens` and `total_tokens` over the spans that carry
 * `mlflow.chat.tokenUsage`, as JSON text; null when no span does.
 */
export function traceTokenUsage(spans: readonly LiveSpan[]): string | null {
  const sum = { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
  let found = false;
  for (const span of spans) {
    const usage = span.attributes[TOKEN_USAGE_KEYS.span];
    if (typeof usage !== 'object' || usage === null) continue;
    found = true;
    for (const key of COUNTS) {
      const n = (usage as Record<string, unknown>)[key];
      if (typeof n === 'number' && Number.isFinite(n)) sum[key] += n;
    }
  }
  return found ? JSON.stringify(sum) : null;
}
