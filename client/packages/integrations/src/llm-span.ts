import { type LiveSpan, startSpan } from '@trackql/node';

/** MLflow's span attributes for LLM calls. */
export const LLM_ATTRIBUTES = {
  tokenUsage: 'mlflow.chat.tokenUsage',
  model: 'mlflow.llm.model',
  provider: 'mlflow.llm.provider',
  messageFormat: 'mlflow.message.format',
  chunkValue: 'mlflow.chunk.value',
} as const;

/** Token counts as MLflow stores them in `mlflow.chat.tokenUsage`. */
export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
}

/** What an LLM call's span is started with. */
export interface LlmCallInfo {
  /** Span name, e.g. `chat.completions.create`. */
  name: string;
  /** `CHAT_MODEL`, `LLM`, `EMBEDDING`... */
  spanType: string;
  /** The request (span inputs). */
  inputs: unknown;
  /** The requested model, if known before the call. */
  model?: string | undefined;
  /** `openai`, `anthropic`...: `mlflow.llm.provider` and `mlflow.message.format`. */
  provider: string;
}

/** What an LLM call's span is ended with. */
export interface LlmResult {
  outputs: unknown;
  usage?: TokenUsage | null | undefined;
  /** The model that answered (the response's), when the provider says. */
  model?: string | undefined;
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** A usage from input and output counts; null when the provider reported neither. */
export function tokenUsage(
  input: unknown,
  output: unknown,
  extra: Partial<Pick<TokenUsage, 'cache_read_input_tokens' | 'cache_creation_input_tokens'>> = {},
): TokenUsage | null {
  if (!finite(input) && !finite(output)) return null;
  const i = finite(input) ? input : 0;
  const o = finite(output) ? output : 0;
  const usage: TokenUsage = { input_tokens: i, output_tokens: o, total_tokens: i + o };
  for (const [k, v] of Object.entries(extra)) {
    if (finite(v)) usage[k as keyof typeof extra] = v;
  }
  return usage;
}

/** Starts the span of an LLM call: a child of the active span, else the root of a new trace. */
export function startLlmSpan(call: LlmCallInfo): LiveSpan {
  const attributes: Record<string, unknown> = {
    [LLM_ATTRIBUTES.provider]: call.provider,
    [LLM_ATTRIBUTES.messageFormat]: call.provider,
  };
  if (call.model) attributes[LLM_ATTRIBUTES.model] = call.model;
  return startSpan({ name: call.name, spanType: call.spanType, inputs: call.inputs, attributes });
}

/** Ends an LLM span with its outputs, token usage and answering model. */
export function endLlmSpan(span: LiveSpan, result: LlmResult): void {
  const attributes: Record<string, unknown> = {};
  if (result.usage) attributes[LLM_ATTRIBUTES.tokenUsage] = result.usage;
  if (result.model) attributes[LLM_ATTRIBUTES.model] = result.model;
  span.end({ outputs: result.outputs, attributes });
}

/** Ends an LLM span as failed: status ERROR with MLflow's `exception` event. */
export function failLlmSpan(span: LiveSpan, error: unknown): void {
  span.recordException(error);
  span.end();
}

/**
 * Runs a non-streaming call inside its span: the result becomes the outputs (through `read`), a
 * rejection marks the span ERROR and is re-thrown.
 */
export async function traceLlmCall<R>(
  call: LlmCallInfo,
  invoke: () => PromiseLike<R>,
  read: (result: R) => LlmResult,
): Promise<R> {
  const span = startLlmSpan(call);
  let result: R;
  try {
    result = await invoke();
  } catch (err) {
    failLlmSpan(span, err);
    throw err;
  }
  endRead(span, call.name, read, result);
  return result;
}

/** A promise as the provider SDKs return it (`APIPromise`: `withResponse()`, `_thenUnwrap`). */
type SdkPromise = PromiseLike<unknown> & {
  _thenUnwrap?: (transform: (data: unknown) => unknown) => unknown;
};

/**
 * Traces one call of a provider SDK's method and returns what the SDK returned, so its promise
 * keeps its own methods (`withResponse()`, `asResponse()`, which the SDKs' stream helpers use).
 *
 * @remarks A plain result ends the span with `read(result)`. A stream (`streaming`) is handed on
 * wrapped by {@link tracedStream} through the SDK promise's `_thenUnwrap` (a plain promise when
 * the SDK has none), so the span ends once the stream is consumed. A failure marks the span ERROR.
 */
export function traceSdkCall(
  call: LlmCallInfo,
  invoke: () => unknown,
  read: (result: unknown) => LlmResult,
  stream: { streaming: boolean; reduce: (chunks: unknown[]) => LlmResult },
): unknown {
  const span = startLlmSpan(call);
  let pending: SdkPromise;
  try {
    pending = invoke() as SdkPromise;
  } catch (err) {
    failLlmSpan(span, err);
    throw err;
  }
  const fail = (err: unknown) => failLlmSpan(span, err);
  if (!stream.streaming) {
    Promise.resolve(pending).then((result) => endRead(span, call.name, read, result), fail);
    return pending;
  }
  const wrap = (s: unknown) => tracedStream(s as AsyncIterable<unknown>, span, stream.reduce);
  if (typeof pending._thenUnwrap === 'function') {
    Promise.resolve(pending).then(undefined, fail);
    return pending._thenUnwrap(wrap);
  }
  return Promise.resolve(pending).then(wrap, (err: unknown) => {
    fail(err);
    throw err;
  });
}

/** Ends a span with `read(result)`; an unexpected result shape only loses the readout. */
function endRead<R>(span: LiveSpan, name: string, read: (r: R) => LlmResult, result: R): void {
  try {
    endLlmSpan(span, read(result));
  } catch (err) {
    // tracing never breaks the traced code
    endLlmSpan(span, { outputs: result });
    process.emitWarning(`trackql: could not read the ${name} response: ${String(err)}`);
  }
}

/**
 * Follows a stream of chunks: each chunk becomes an `mlflow.chunk.item.<i>` event, and the span
 * ends when the stream is consumed (outputs from `reduce(chunks)`), fails, or is broken off.
 */
export function traceChunks<C>(
  span: LiveSpan,
  source: AsyncIterator<C>,
  reduce: (chunks: C[]) => LlmResult,
): AsyncIterator<C> {
  const chunks: C[] = [];
  const finish = (): void => {
    if (span.endTimeNs === null) endRead(span, span.name, reduce, chunks);
  };
  return {
    async next(...args: [] | [undefined]) {
      let item: IteratorResult<C>;
      try {
        item = await source.next(...args);
      } catch (err) {
        failLlmSpan(span, err);
        throw err;
      }
      if (item.done) {
        finish();
        return item;
      }
      span.addEvent(`mlflow.chunk.item.${chunks.length}`, {
        [LLM_ATTRIBUTES.chunkValue]: JSON.stringify(item.value),
      });
      chunks.push(item.value);
      return item;
    },
    async return(value?: unknown) {
      finish();
      return source.return ? source.return(value) : { done: true, value: undefined };
    },
    async throw(err?: unknown) {
      failLlmSpan(span, err);
      if (source.throw) return source.throw(err);
      throw err;
    },
  };
}

/**
 * Wraps a streaming result (an async iterable with methods of its own, as the SDKs' `Stream`) so
 * iterating it goes through {@link traceChunks}; its other members are untouched.
 */
export function tracedStream<S extends AsyncIterable<C>, C>(
  stream: S,
  span: LiveSpan,
  reduce: (chunks: C[]) => LlmResult,
): S {
  return new Proxy(stream, {
    get(target, key, receiver) {
      if (key === Symbol.asyncIterator) {
        return () => traceChunks(span, target[Symbol.asyncIterator](), reduce);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/**
 * A proxy of an SDK client in which the methods at `paths` (`'chat.completions.create'`) are
 * replaced by `wrap(original)`; everything else is the client's own.
 */
export function wrapMethods<T extends object>(
  client: T,
  paths: Record<
    string,
    (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown
  >,
  prefix = '',
): T {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return value;
      const path = prefix ? `${prefix}.${key}` : key;
      const wrap = paths[path];
      if (wrap && typeof value === 'function') {
        const original = (...args: unknown[]) => Reflect.apply(value, receiver, args);
        return wrap(original);
      }
      const below = Object.keys(paths).some((p) => p.startsWith(`${path}.`));
      if (below && typeof value === 'object' && value !== null) {
        return wrapMethods(value, paths, path);
      }
      return value;
    },
  });
}
