import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { traceOps as ops, unwrap } from '@trackql/client';
import { getActiveModelId } from './active-model-state.ts';
import { getClient } from './config.ts';
import { resolveExperimentId } from './experiments.ts';
import { LiveSpan, type TraceBuffer } from './live-span.ts';
import { activeRun } from './runs.ts';
import { TOKEN_USAGE_KEYS, traceTokenUsage } from './token-usage.ts';

/** Spans per request: a larger trace goes as logSpans batches, then logTrace with the rest. */
const SPANS_PER_CALL = 1000;

/** Trace metadata keys the fluent API writes (MLflow's reserved keys). */
export const TRACE_METADATA = {
  schemaVersion: 'mlflow.trace_schema.version',
  modelId: 'mlflow.modelId',
  sourceRun: 'mlflow.sourceRun',
} as const;

/** Options of {@link startSpan} and {@link withSpan}. */
export interface SpanOptions {
  name: string;
  /** LLM, CHAIN, AGENT, TOOL, RETRIEVER...; default UNKNOWN. */
  spanType?: string;
  inputs?: unknown;
  attributes?: Record<string, unknown>;
  startTimeNs?: bigint;
  /** Parent span; default: the active span of this async context (none: a new trace). */
  parent?: LiveSpan;
}

const current = new AsyncLocalStorage<LiveSpan>();
const pending = new Set<Promise<void>>();
let lastTraceId: string | null = null;

function newTrace(): TraceBuffer {
  const run = activeRun();
  const metadata: Record<string, string> = { [TRACE_METADATA.schemaVersion]: '3' };
  const modelId = getActiveModelId();
  if (modelId) metadata[TRACE_METADATA.modelId] = modelId;
  if (run?.runId) metadata[TRACE_METADATA.sourceRun] = run.runId;
  return {
    traceId: `tr-${randomBytes(16).toString('hex')}`,
    spans: [],
    metadata,
    tags: {},
    experimentId: run?.info.experimentId || null,
  };
}

async function send(trace: TraceBuffer): Promise<void> {
  const client = getClient();
  const experimentId = trace.experimentId ?? (await resolveExperimentId());
  const spans = trace.spans.map((s) => s.toInput());
  const last = spans.splice(Math.max(0, spans.length - SPANS_PER_CALL));
  for (let i = 0; i < spans.length; i += SPANS_PER_CALL) {
    const batch = spans.slice(i, i + SPANS_PER_CALL);
    unwrap(await ops.logSpans(client, { traceId: trace.traceId, experimentId, spans: batch }));
  }
  const usage = traceTokenUsage(trace.spans);
  if (usage && !(TOKEN_USAGE_KEYS.trace in trace.metadata)) {
    trace.metadata[TOKEN_USAGE_KEYS.trace] = usage;
  }
  const pairs = (r: Record<string, string>) =>
    Object.entries(r).map(([key, value]) => ({ key, value }));
  unwrap(
    await ops.logTrace(client, {
      experimentId,
      traceId: trace.traceId,
      clientRequestId: trace.clientRequestId ?? null,
      requestPreview: trace.requestPreview ?? null,
      responsePreview: trace.responsePreview ?? null,
      metadata: pairs(trace.metadata),
      tags: pairs(trace.tags),
      spans: last,
    }),
  );
}

function onEnd(span: LiveSpan): void {
  if (span.parent !== null) return;
  lastTraceId = span.traceId;
  // tracing never breaks the traced code: a failed export is a warning
  const p = send(span.trace)
    .catch((err: unknown) => {
      process.emitWarning(`trackql: trace ${span.traceId} was not logged: ${String(err)}`);
    })
    .finally(() => pending.delete(p));
  pending.add(p);
}

/**
 * Starts a span (MLflow `startSpan`): a child of `parent` or of the active span, else the root of
 * a new trace. The caller ends it with `span.end()`; ending the root sends the whole trace in
 * one request (batches of 1000 spans beyond that).
 *
 * @remarks A new trace gets metadata `mlflow.trace_schema.version = "3"`, `mlflow.modelId` from
 * the active model ({@link getActiveModelId}) and `mlflow.sourceRun` from the active run; it goes
 * to the active run's experiment, else the current experiment. When it is sent, the spans'
 * `mlflow.chat.tokenUsage` are summed into `mlflow.trace.tokenUsage` (as MLflow's client does). The span is not made active: use
 * {@link withSpan} for that.
 */
export function startSpan(options: SpanOptions): LiveSpan {
  const parent = options.parent ?? current.getStore() ?? null;
  const trace = parent?.trace ?? newTrace();
  const span = new LiveSpan(
    trace,
    parent,
    options.name,
    options.spanType ?? 'UNKNOWN',
    options.startTimeNs,
    onEnd,
  );
  if (options.inputs !== undefined) span.setInputs(options.inputs);
  if (options.attributes) span.setAttributes(options.attributes);
  trace.spans.push(span);
  return span;
}

/**
 * Runs `fn` inside a new active span (MLflow `withSpan`): spans started inside it, across awaits,
 * are its children. The return value becomes the outputs unless `fn` set some; a throw or
 * rejection records the exception (status ERROR, an `exception` event) and is re-thrown.
 */
export async function withSpan<T>(
  fn: (span: LiveSpan) => T | Promise<T>,
  options: SpanOptions,
): Promise<T> {
  const span = startSpan(options);
  try {
    const result = await current.run(span, () => fn(span));
    span.end(span.outputs === undefined ? { outputs: result } : {});
    return result;
  } catch (err) {
    span.recordException(err);
    span.end();
    throw err;
  }
}

/**
 * Wraps a function so each call is traced as a span (MLflow `trace`): inputs are the argument (or
 * the arguments as a list), outputs the resolved result; exceptions as in {@link withSpan}.
 *
 * @remarks The wrapped function always returns a promise.
 */
export function trace<A extends unknown[], R>(
  fn: (...args: A) => R | Promise<R>,
  options: Partial<Omit<SpanOptions, 'inputs' | 'parent'>> = {},
): (...args: A) => Promise<R> {
  const name = options.name ?? (fn.name || 'span');
  return (...args: A) =>
    withSpan(() => fn(...args), {
      ...options,
      name,
      inputs: args.length === 1 ? args[0] : args,
    });
}

/** The active span of this async context, or null. */
export function getCurrentActiveSpan(): LiveSpan | null {
  return current.getStore() ?? null;
}

/** The id of the last trace whose root span ended in this process, or null. */
export function getLastActiveTraceId(): string | null {
  return lastTraceId;
}

/** What {@link updateCurrentTrace} changes. */
export interface UpdateTraceOptions {
  tags?: Record<string, string>;
  metadata?: Record<string, string>;
  clientRequestId?: string;
  requestPreview?: string;
  responsePreview?: string;
}

/**
 * Updates the trace of the active span before it is sent (MLflow `update_current_trace`); a
 * `metadata.mlflow.modelId` given here overrides the active model. Without an active span it
 * warns and does nothing.
 */
export function updateCurrentTrace(options: UpdateTraceOptions): void {
  const span = current.getStore();
  if (!span) {
    process.emitWarning('trackql: updateCurrentTrace called outside of a span; ignored');
    return;
  }
  const t = span.trace;
  Object.assign(t.tags, options.tags);
  Object.assign(t.metadata, options.metadata);
  if (options.clientRequestId !== undefined) t.clientRequestId = options.clientRequestId;
  if (options.requestPreview !== undefined) t.requestPreview = options.requestPreview;
  if (options.responsePreview !== undefined) t.responsePreview = options.responsePreview;
}

/** Waits until every finished trace has been sent (MLflow `flushTraces`). */
export async function flushTraces(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
