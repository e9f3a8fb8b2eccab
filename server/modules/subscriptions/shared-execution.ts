import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LiveIterator } from './live-iterator.ts';
import { sharedContext, sharingPlan } from './payload-only.ts';
import { markShared, wsPusher } from './payload-splice.ts';
import { ssePusher } from './sse-push.ts';

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * The partition of a subscriber's context: subscribers share results only within one partition.
 *
 * @remarks One partition ('') is right with permissions on, for two reasons that together make
 * the rule: (1) a shared operation selects payload-only fields and runs on a guarded context, so
 * its result depends on the event alone, never on who asked; (2) every stream is checked at
 * subscribe (`LiveService`: READ on the run, the runs or the experiment; a `runEvents` stream over
 * every run filters each event by the subscriber's readable experiments), so an event only reaches
 * the subscriptions of viewers allowed to read its run. A field whose value depends on the viewer
 * must not be payload-only; if one ever has to be, return the viewer's permission key here.
 */
export type SharingPartition = (context: unknown) => string;

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;
/** Results per event object, per operation (document, operation name, variables, partition). */
const results = new WeakMap<object, Map<string, Result>>();

function operationKey(args: ExecutionArgs, partition: string): string {
  let id = documentIds.get(args.document);
  if (id === undefined) {
    id = nextDocumentId++;
    documentIds.set(args.document, id);
  }
  const vars = JSON.stringify(args.variableValues ?? {});
  return `${id}\n${args.operationName ?? ''}\n${vars}\n${partition}`;
}

/**
 * Executes the operation for one event, reusing the result another subscriber already got.
 *
 * @remarks `args` carry a guarded context (`sharedContext`), not the subscriber's, so no field can
 * make a shared result depend on who asked (a field that tries fails with an error on its path).
 */
function executeShared(args: ExecutionArgs, key: string, payload: unknown): Result {
  const shared = { ...args, rootValue: payload };
  if (payload === null || typeof payload !== 'object') return execute(shared);
  let perEvent = results.get(payload);
  if (!perEvent) {
    perEvent = new Map();
    results.set(payload, perEvent);
  }
  let result = perEvent.get(key);
  if (!result) {
    const r = execute(shared) as Result;
    result = r instanceof Promise ? r.then(markShared) : markShared(r);
    perEvent.set(key, result);
  }
  return result;
}

/** graphql-js `subscribe` whose per-event execution is shared by identical subscriptions. */
async function sharedSubscribe(args: ExecutionArgs, partition: SharingPartition) {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const it = source[Symbol.asyncIterator]();
  const key = operationKey(args, partition(args.contextValue));
  const push = wsPusher(args.contextValue) ?? ssePusher(args.contextValue);
  const guarded = { ...args, contextValue: sharedContext() };
  if (push && it instanceof LiveIterator) {
    it.attachSink((value) => {
      const r = executeShared(guarded, key, value);
      return !(r instanceof Promise) && push(r);
    });
  }
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    next: async () => {
      const r = await it.next();
      if (r.done) return { done: true, value: undefined };
      return { done: false, value: await executeShared(guarded, key, r.value) };
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
 * subscriber. **Fenced**: installed only with `TRACKQL_TRANSPORT_FAST_PATHS` on (see app.ts);
 * off, yoga's stock subscribe runs.
 *
 * @remarks Subscribers of a run that send the same document and variables (in the same
 * {@link SharingPartition}) receive the same result object; event payloads are shared objects (the
 * bus hands one object to every listener), so the cache is a WeakMap keyed by the payload and dies
 * with it. Sharing follows an explicit, checked rule: an operation is shared only when every field
 * it selects is marked payload-only (`PAYLOAD_ONLY` extensions, see payload-only.ts); any other
 * operation runs yoga's stock subscribe, per subscriber.
 *
 * A live stream of a WebSocket or SSE subscription also gets a sink: its ready values are executed
 * (shared) and pushed straight to the connection while the transport waits on `next()` (see
 * `LiveIterator`, `wsPusher`, `ssePusher`).
 */
export function useSharedEventExecution(opts: { partition?: SharingPartition } = {}): Plugin {
  const partition = opts.partition ?? (() => '');
  return {
    onSubscribe({ args, setSubscribeFn }) {
      if (!sharingPlan(args.schema, args.document, args.operationName).shared) return;
      setSubscribeFn(((a: ExecutionArgs) => sharedSubscribe(a, partition)) as never);
    },
  };
}
