import type { SubscriptionLimits } from '../../config.ts';
import type { KeySeries, MetricsBatch } from './events.ts';
import { pacingClock } from './frame-clock.ts';
import { END, Lagged, type Produced } from './lagged.ts';
import { LiveIterator } from './live-iterator.ts';
import type { RunFeeds } from './run-feeds.ts';
import { RunTail } from './run-tail.ts';

/** One metricsLogged event: the points of one or more consecutive committed batches. */
export interface MetricsEvent {
  runId: string;
  /** Sequence number of the last batch included: everything up to it has been delivered. */
  seq: number;
  /** Sequence number of the first batch included (less than `seq` when a burst was coalesced). */
  fromSeq: number;
  /** Commit time of the last batch included; null when replayed from storage. */
  committedAt: number | null;
  replayed: boolean;
  metrics: KeySeries[];
}

/**
 * Live events already built, by their first batch, then by `<batch count>:<seq>`: subscribers at the
 * same place in a run's stream take the same batches and get one shared event object, whose result
 * is then executed and serialised once for all of them (see shared-execution.ts and payload-splice.ts).
 * Batches are shared objects for subscribers without a key filter; the cache dies with the batch.
 */
const liveEvents = new WeakMap<
  MetricsBatch,
  Map<string, { event: MetricsEvent; lastBatch: MetricsBatch }>
>();

/**
 * Merges consecutive batches into one event, concatenating each key's points in commit order.
 *
 * @remarks Live events (not `replayed`) are shared by every subscriber that takes the same batches.
 */
export function mergeBatches(
  batches: readonly MetricsBatch[],
  seq: number,
  replayed: boolean,
): MetricsEvent {
  const first = batches[0]!;
  if (replayed) return buildEvent(batches, seq, true);
  const id = `${batches.length}:${seq}`;
  let built = liveEvents.get(first);
  const cached = built?.get(id);
  if (cached && cached.lastBatch === batches[batches.length - 1]) return cached.event;
  const event = buildEvent(batches, seq, false);
  if (!built) {
    built = new Map();
    liveEvents.set(first, built);
  }
  built.set(id, { event, lastBatch: batches[batches.length - 1]! });
  return event;
}

function buildEvent(
  batches: readonly MetricsBatch[],
  seq: number,
  replayed: boolean,
): MetricsEvent {
  const first = batches[0]!;
  const last = batches[batches.length - 1]!;
  const base = { runId: first.runId, seq, fromSeq: first.seq, committedAt: last.committedAt };
  if (batches.length === 1) return { ...base, replayed, metrics: first.series };
  // merged on first read: subscribers selecting only seq numbers never copy the points
  let merged: KeySeries[] | null = null;
  return {
    ...base,
    replayed,
    get metrics() {
      merged ??= mergeSeries(batches);
      return merged;
    },
  };
}

/** Each key's points of consecutive batches, concatenated in commit order. */
function mergeSeries(batches: readonly MetricsBatch[]): KeySeries[] {
  const byKey = new Map<string, KeySeries>();
  for (const b of batches) {
    for (const s of b.series) {
      const acc = byKey.get(s.key);
      if (!acc) {
        byKey.set(s.key, {
          key: s.key,
          steps: [...s.steps],
          timestamps: [...s.timestamps],
          values: [...s.values],
        });
        continue;
      }
      acc.steps.push(...s.steps);
      acc.timestamps.push(...s.timestamps);
      acc.values.push(...s.values);
    }
  }
  return [...byKey.values()];
}

/**
 * Opens a run's metric stream: stored batches after `afterSeq`, then live ones, gapless and in order.
 *
 * @remarks Throws NotFoundError for an unknown run (before any event). A lagging subscriber gets one
 * {@link Lagged} value naming the last sequence number delivered, then the stream ends.
 */
export async function openMetricsStream(
  feeds: RunFeeds,
  limits: SubscriptionLimits,
  args: { runId: string; keys: string[] | null; afterSeq: number | null },
): Promise<LiveIterator<MetricsEvent | Lagged>> {
  let lagReported = false;
  const produce = (): Produced<MetricsEvent | Lagged> | Promise<Produced<MetricsEvent>> => {
    if (tail.replaying) {
      return tail
        .replayPage()
        .then((page) =>
          page.batches.length > 0 ? mergeBatches(page.batches, page.seq, true) : null,
        );
    }
    if (tail.lagged !== null) {
      if (lagReported) return END;
      lagReported = true;
      return new Lagged(tail.lagged);
    }
    const taken = tail.take(limits.maxEventPoints);
    it.note(taken.committedAt);
    return taken.batches.length > 0 ? mergeBatches(taken.batches, taken.seq, false) : null;
  };
  const it: LiveIterator<MetricsEvent | Lagged> = new LiveIterator(
    produce,
    () => tail.close(),
    pacingClock(limits),
  );
  const tail = new RunTail(args.runId, args.keys, feeds, it.wake, it.urge);
  try {
    await tail.open(args.afterSeq);
  } catch (err) {
    tail.close();
    throw err;
  }
  return it;
}
