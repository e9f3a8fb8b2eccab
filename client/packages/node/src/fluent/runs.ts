import type { RunStatus } from '@trackql/client';
import { asTrackingError, runOps as ops, TrackingError, unwrap } from '@trackql/client';
import { ActiveRun } from './active-run.ts';
import { getClient, logger } from './config.ts';
import { currentState, isolated, type RunState, recordLast, rootState } from './context.ts';
import type { Run } from './convert.ts';
import { getRunWith } from './queries.ts';
import { createOrResume, type StartRunOptions } from './run-create.ts';

export type { StartRunOptions } from './run-create.ts';

let exitHookInstalled = false;
let exiting = false;

/** Ends runs left active at the top level and sends queued data before the process exits. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('beforeExit', () => {
    const root = rootState();
    if (exiting || (root.stack.length === 0 && logger.idle)) return;
    exiting = true;
    void (async () => {
      try {
        while (root.stack.length > 0) await finish(root.stack.pop()!, 'FINISHED', root);
        await logger.flush();
      } catch (e) {
        process.exitCode = 1;
        console.error('trackql: logging failed before exit:', e);
      } finally {
        exiting = false;
      }
    })();
  });
}

function alreadyActive(top: ActiveRun): TrackingError {
  return new TrackingError(
    'domain',
    `Run with UUID ${top.runId} is already active. To start a new run, first end the current run with endRun(). To start a nested run, call startRun with nested: true.`,
    { code: 'INVALID_STATE' },
  );
}

/**
 * Starts a run (or resumes one with `runId` / env `MLFLOW_RUN_ID`) and makes it the active run of
 * the current async context.
 *
 * @remarks Starting a run while one is active needs `nested: true` (the new run gets the
 * `mlflow.parentRunId` tag). System tags (`mlflow.user`, `mlflow.source.*`, git commit and branch)
 * are added. End it with {@link endRun}, or use {@link withRun}.
 */
export async function startRun(options: StartRunOptions = {}): Promise<ActiveRun> {
  const state = currentState();
  const top = state.stack.at(-1);
  if (top && !options.nested) throw alreadyActive(top);
  if (top) await top.ready;
  const run = new ActiveRun(await createOrResume(options, top?.runId || null));
  logger.register(run.sink);
  state.stack.push(run);
  installExitHook();
  return run;
}

/**
 * Starts a run in the background for a logging call made with no active run, as MLflow does.
 *
 * @remarks The run is active at once; values logged before the server answers are queued.
 */
export function autoStartRun(state: RunState = currentState()): ActiveRun {
  const run = new ActiveRun(null);
  logger.register(run.sink);
  state.stack.push(run);
  installExitHook();
  run.ready = createOrResume({}, null).then(
    (info) => {
      run.info = info;
      run.sink.runId = info.runId;
      logger.resolved(run.sink);
    },
    (e: unknown) => {
      const i = state.stack.indexOf(run);
      if (i >= 0) state.stack.splice(i, 1);
      run.sink.failed = asTrackingError(e);
      logger.resolved(run.sink);
    },
  );
  return run;
}

async function finish(run: ActiveRun, status: RunStatus, state: RunState): Promise<void> {
  let flushError: unknown = null;
  try {
    await logger.flush(run.sink);
  } catch (e) {
    flushError = e;
  }
  // an auto-started run that was never created has nothing to end; its error was reported
  if (run.sink.failed) {
    if (flushError) throw flushError;
    return;
  }
  run.info = unwrap(
    await ops.updateRun(getClient(), { runId: run.runId, status, endTime: Date.now() }),
  );
  logger.release(run.sink);
  recordLast(state, run);
  if (flushError) throw flushError;
}

/**
 * Ends the active run of the current async context with `status` (default FINISHED).
 *
 * @remarks Waits until everything logged to the run has been committed; rejects with a batch's
 * error if the server refused one (the run is ended anyway). Does nothing without an active run.
 */
export async function endRun(status: RunStatus = 'FINISHED'): Promise<void> {
  const state = currentState();
  const run = state.stack.pop();
  if (run) await finish(run, status, state);
}

/**
 * Runs `fn` inside a new run and ends it: FINISHED when `fn` resolves, FAILED when it throws (the
 * error is rethrown). MLflow's `with mlflow.start_run():`.
 *
 * @remarks `fn` gets its own copy of the run stack (AsyncLocalStorage), so concurrent `withRun`
 * calls each keep their own active run.
 */
export function withRun<T>(
  options: StartRunOptions,
  fn: (run: ActiveRun) => Promise<T> | T,
): Promise<T> {
  return isolated(async () => {
    const state = currentState();
    const run = await startRun(options);
    let result: T;
    try {
      result = await fn(run);
    } catch (e) {
      const i = state.stack.indexOf(run);
      if (i >= 0) {
        state.stack.length = i;
        await finish(run, 'FAILED', state).catch((endError: unknown) => {
          process.emitWarning(`trackql: could not mark run ${run.runId} FAILED: ${endError}`);
        });
      }
      throw e;
    }
    const i = state.stack.indexOf(run);
    if (i >= 0) {
      state.stack.length = i;
      await finish(run, 'FINISHED', state);
    }
    return result;
  });
}

/** The active run of the current async context, or `undefined`. */
export function activeRun(): ActiveRun | undefined {
  return currentState().stack.at(-1);
}

/**
 * The active run, else the run most recently ended in this async context (or one it was forked
 * from), fetched from the server with its data; `null` when there is none.
 */
export async function lastActiveRun(): Promise<Run | null> {
  const state = currentState();
  const run = state.stack.at(-1) ?? state.last;
  if (!run) return null;
  await run.ready;
  return getRunWith(getClient(), run.runId);
}
