import type { SubscriptionLimits } from '../../config.ts';
import type { EventBus } from './event-bus.ts';
import type { RunEvent } from './events.ts';
import { END, Lagged, type Produced } from './lagged.ts';
import { LiveIterator } from './live-iterator.ts';
import { ALL_RUNS } from './publisher.ts';

/** Which run events a subscriber wants, and how to read the current state of one run. */
export interface RunEventsArgs {
  experimentId: string | null;
  runId: string | null;
  /**
   * Whether the subscriber may see events of an experiment (its current permissions, see LiveService);
   * null: every experiment.
   */
  visible?: ((experimentId: string) => boolean) | null;
  /** Reads the run's current state; called after the live listener is attached. */
  snapshot: ((runId: string) => Promise<RunEvent>) | null;
}

/**
 * Opens a stream of run changes, optionally for one experiment or one run.
 *
 * @remarks With a run id the stream starts with a SNAPSHOT of the run read after the live listener
 * was attached, so no change is lost between the two; a change that raced the snapshot may be
 * delivered although the snapshot already shows it (run events are idempotent state changes).
 * Bounded like every stream: a lagging subscriber gets one {@link Lagged} value, then the end.
 */
export async function openRunEventsStream(
  bus: EventBus,
  limits: SubscriptionLimits,
  args: RunEventsArgs,
): Promise<LiveIterator<RunEvent | Lagged>> {
  const queue: RunEvent[] = [];
  let lagged = false;
  let ended = false;
  const produce = (): Produced<RunEvent | Lagged> => {
    if (ended) return END;
    if (lagged) {
      ended = true;
      return new Lagged(null);
    }
    return queue.shift() ?? null;
  };
  let unsubscribe = () => {};
  const it = new LiveIterator(produce, () => {
    unsubscribe();
    queue.length = 0;
  });
  const accept = (e: RunEvent) => {
    if (lagged) return;
    if (args.runId !== null && e.runId !== args.runId) return;
    if (args.experimentId !== null && e.experimentId !== args.experimentId) return;
    if (args.visible && !args.visible(e.experimentId)) return;
    if (queue.length >= limits.maxBufferedEvents) {
      lagged = true;
      queue.length = 0;
      unsubscribe();
    } else queue.push(e);
    it.wake();
  };
  unsubscribe = await bus.subscribe('runs', ALL_RUNS, accept);
  if (args.runId !== null && args.snapshot) {
    try {
      queue.unshift(await args.snapshot(args.runId));
    } catch (err) {
      unsubscribe();
      throw err;
    }
  }
  return it;
}
