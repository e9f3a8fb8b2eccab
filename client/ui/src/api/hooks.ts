import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getClient, reportAuthError, run } from './client.ts';

/** State of a query: its data once loaded, or its error. */
export interface QueryState<R> {
  data: R | null;
  error: unknown;
  loading: boolean;
  /** Runs the query again with the same variables (keeps the old data while loading). */
  refetch: () => void;
}

/**
 * Runs a query whenever its variables change (compared as JSON); `pause` skips it. Answers to
 * stale variables are dropped.
 */
export function useQuery<R, V extends Record<string, unknown>>(
  doc: TypedDocumentNode<R, V>,
  variables: V,
  pause = false,
): QueryState<R> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data: R | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: !pause,
  });
  const [tick, setTick] = useState(0);
  const vars = useRef(variables);
  vars.current = variables;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the variables
  useEffect(() => {
    if (pause) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    run(doc, vars.current).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [doc, key, pause, tick]);
  const refetch = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, refetch };
}

/**
 * Subscribes while mounted (and while the variables stay the same); `onData` gets each event,
 * `onError` the stream's error. `pause` unsubscribes; a new `attempt` subscribes again.
 */
export function useSubscription<R, V extends Record<string, unknown>>(
  doc: TypedDocumentNode<R, V>,
  variables: V,
  onData: (data: R) => void,
  opts: { pause?: boolean; onError?: (error: unknown) => void; attempt?: number } = {},
): void {
  const key = JSON.stringify(variables);
  const handlers = useRef({ onData, onError: opts.onError });
  handlers.current = { onData, onError: opts.onError };
  const vars = useRef(variables);
  vars.current = variables;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the variables
  useEffect(() => {
    if (opts.pause) return;
    const sub = getClient()
      .subscription(doc, vars.current)
      .subscribe((res) => {
        if (res.error) {
          reportAuthError(res.error);
          handlers.current.onError?.(res.error);
        } else if (res.data) handlers.current.onData(res.data);
      });
    return () => sub.unsubscribe();
  }, [doc, key, opts.pause, opts.attempt]);
}
