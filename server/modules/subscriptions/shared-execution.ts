import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LiveIterator } from './live-iterator.ts';
import { markShared, wsPusher } from './payload-splice.ts';
import { ssePusher } from './sse-push.ts';

type Result = ExecutionResult | Promise<ExecutionResult>;

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;
/** Results per event object, per operation (document, operation name, variables). */
const results = new WeakMap<object, Map<string, Result>>();

function operationKey(args: ExecutionArgs): string {
  let id = documentIds.get(args.document);
  if (id === undefined) {
    id = nextDocumentId++;
    documentIds.set(args.document, id);
  }
  return `${id}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
}

/** Executes the operation for one event, reusing the result another subscriber already got. */
function executeShared(args: ExecutionArgs, key: string, payload: unknown): Result {
  if (payload === null || typeof payload !== 'object')
    return execute({ ...args, rootValue: payload });
  let perEvent = results.get(payload);
  if (!perEvent) {
    perEvent = new Map();
    results.set(payload, perEvent);
  }
  let result = perEvent.get(key);
  if (!result) {
    const r = execute({ ...args, rootValue: payload }) as Result;
    result = r instanceof Promise ? r.then(markShared) : markShared(r);
    perEvent.set(key, result);
  }
  return result;
}

/** graphql-js `subscribe` whose per-event execution is shared by identical subscriptions. */
async function sharedSubscribe(args: ExecutionArgs) {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const it = source[Symbol.asyncIterator]();
  const key = operationKey(args);
  const push = wsPusher(args.contextValue) ?? ssePusher(args.contextValue);
  if (push && it instanceof LiveIterator) {
    it.attachSink((value) => {
      const r = executeShared(args, key, value);
      return !(r instanceof Promise) && push(r);
    });
  }
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    next: async () => {
      const r = await it.next();
      if (r.done) return { done: true, value: undefined };
      return { done: false, value: await executeShared(args, key, r.value) };
    },
    return: async () => {
      await it.return?.();
      return { done: true, value: undefined };
    },
    throw: async (err: unknown) => {
      await it.return?.();
      throw err;
    },
    [Symbol.asyncIterator]: () => mapped,
  };
  return mapped;
}

/**
 * Executes each published event once per distinct subscription operation instead of once per
 * subscriber.
 *
 * @remarks Subscribers of a run that send the same document and variables receive the same result
 * object; event payloads are shared objects (the bus hands one object to every listener), so the
 * cache is a WeakMap keyed by the payload and dies with it. Only sound because subscription event
 * fields resolve from the payload alone, never from the context.
 *
 * A live stream of a WebSocket or SSE subscription also gets a sink: its ready values are executed
 * (shared) and pushed straight to the connection while the transport waits on `next()` (see
 * `LiveIterator`, `wsPusher`, `ssePusher`).
 */
export function useSharedEventExecution(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(sharedSubscribe as never);
    },
  };
}
