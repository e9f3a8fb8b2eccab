import { AsyncLocalStorage } from 'node:async_hooks';
import type { ActiveRun } from './active-run.ts';

/** The active-run stack of one async context (MLflow keeps one per thread). */
export interface RunState {
  stack: ActiveRun[];
  last: ActiveRun | null;
  parent: RunState | null;
}

const storage = new AsyncLocalStorage<RunState>();
const root: RunState = { stack: [], last: null, parent: null };

/** The run state of the current async context; top-level code shares the process's root state. */
export function currentState(): RunState {
  return storage.getStore() ?? root;
}

/** The process's root run state (used by the exit hook). */
export function rootState(): RunState {
  return root;
}

/** Runs `fn` with its own copy of the current run stack, so its runs stay its own. */
export function isolated<T>(fn: () => T): T {
  const parent = currentState();
  return storage.run({ stack: [...parent.stack], last: null, parent }, fn);
}

/** Records `run` as the last ended run of `state` and of the states it was forked from. */
export function recordLast(state: RunState, run: ActiveRun): void {
  for (let s: RunState | null = state; s !== null; s = s.parent) s.last = run;
}
