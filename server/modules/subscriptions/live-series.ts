import type { SubscriptionLimits } from '../../config.ts';
import type { Db } from '../../shared/db.ts';
import type { Step } from '../../shared/scalars.ts';
import {
  type Bucket,
  MetricBucketService,
  type SeriesAxis,
  type StepRange,
} from '../metrics/public.ts';
import { type FrameClock, pacingClock } from './frame-clock.ts';
import { END, Lagged, type Produced } from './lagged.ts';
import { LiveIterator } from './live-iterator.ts';
import type { RunFeeds } from './run-feeds.ts';
import { type HubSubscriber, SeriesHub } from './series-hub.ts';

/** The buckets of one run in a frame. */
export interface RunBuckets {
  runId: string;
  /** Everything up to this batch of the run is included. */
  seq: number;
  buckets: Bucket[];
}

/** One liveSeries event: every bucket (`full`) or only the buckets that changed. */
export interface SeriesFrame {
  full: boolean;
  axis: SeriesAxis;
  bucketCount: number;
  /** The x range cut into buckets (exact int64 steps); null while an open range has no data yet. */
  range: StepRange | null;
  runs: RunBuckets[];
}

/** What identifies a live series; subscribers asking for equal arguments share one computation. */
export interface LiveSeriesArgs {
  runIds: string[];
  key: string;
  buckets: number;
  axis: SeriesAxis;
  /** Range bounds: steps beyond ±(2^53-1) are bigints (see `Step`). */
  start: Step | null;
  end: Step | null;
}

/**
 * Live series of the server, one {@link SeriesHub} per distinct series, shared by its subscribers.
 *
 * @remarks A subscriber gets the hub's full frame first, then one frame with the current values of
 * every bucket changed since it was last served, so bursts coalesce and its backlog is bounded by
 * the bucket count; subscribers last served at the same version share that frame object (and so its
 * GraphQL result). A new bucket layout (an open range doubled) sends a full frame. When a run's tail
 * lags, every subscriber gets one {@link Lagged} and its stream ends.
 */
export class LiveSeriesHubs {
  private readonly hubs = new Map<string, { hub: SeriesHub; opened: Promise<void> }>();
  /** Computes every hub's first frame (the downsampling of `metricBuckets`). */
  private readonly buckets: MetricBucketService;

  constructor(
    db: Db,
    private readonly feeds: RunFeeds,
    private readonly limits: SubscriptionLimits,
  ) {
    this.buckets = new MetricBucketService(db);
  }

  /** Number of distinct live series being computed. */
  get size(): number {
    return this.hubs.size;
  }

  /** Subscribes to a series (NotFoundError for an unknown run, before any frame). */
  async open(args: LiveSeriesArgs): Promise<LiveIterator<SeriesFrame | Lagged>> {
    const runIds = [...new Set(args.runIds)];
    const bound = (b: Step | null) => (b === null ? null : String(b));
    const id = JSON.stringify([
      runIds,
      args.key,
      args.buckets,
      args.axis,
      bound(args.start),
      bound(args.end),
    ]);
    let entry = this.hubs.get(id);
    if (!entry) {
      const hub: SeriesHub = new SeriesHub(this.buckets, { ...args, runIds }, () => {
        if (this.hubs.get(id)?.hub === hub) this.hubs.delete(id);
      });
      entry = { hub, opened: hub.open(this.feeds) };
      this.hubs.set(id, entry);
    }
    const it = subscribe(entry.hub, pacingClock(this.limits));
    try {
      await entry.opened;
    } catch (err) {
      await it.return();
      throw err;
    }
    return it;
  }
}

/** One subscriber's view of a hub: a full frame, then deltas, coalesced while it is behind. */
function subscribe(hub: SeriesHub, clock: FrameClock | null): LiveIterator<SeriesFrame | Lagged> {
  let lagReported = false;
  const sub: HubSubscriber & { servedAt: number } = {
    servedAt: -1,
    wake: (committedAt) => it.wake(committedAt),
  };
  const produce = (): Produced<SeriesFrame | Lagged> => {
    if (hub.lagged) {
      if (lagReported) return END;
      lagReported = true;
      return new Lagged(null);
    }
    if (sub.servedAt === hub.version) {
      hub.sleep(sub);
      return null;
    }
    const frame = hub.frameSince(sub.servedAt);
    sub.servedAt = hub.version;
    it.note(hub.committedAt);
    return frame;
  };
  const it = new LiveIterator(produce, () => hub.detach(sub), clock);
  hub.attach(sub);
  return it;
}
