import type { SubscriptionLimits } from '../../config.ts';
import type { EventBus } from './event-bus.ts';
import { type BatchSource, type FeedReader, RunFeed } from './run-feed.ts';

/**
 * The server's run feeds, one per run with readers (see {@link RunFeed}).
 *
 * @remarks App-scoped: its store reads through a connection that outlives any request.
 */
export class RunFeeds {
  private readonly feeds = new Map<string, RunFeed>();

  constructor(
    private readonly bus: EventBus,
    private readonly store: BatchSource,
    private readonly limits: SubscriptionLimits,
  ) {
    // app-scoped, like the bus: the listener lives as long as both
    bus.onResume(() => {
      for (const feed of this.feeds.values()) void feed.catchUp();
    });
  }

  /** Number of runs with a feed. */
  get size(): number {
    return this.feeds.size;
  }

  /** The run's feed, if it has one. */
  feed(runId: string): RunFeed | undefined {
    return this.feeds.get(runId);
  }

  /** Attaches `reader` to the run's feed, opening it if needed (NotFoundError for an unknown run). */
  async join(runId: string, reader: FeedReader): Promise<RunFeed> {
    let feed = this.feeds.get(runId);
    if (!feed || feed.closed) {
      const made: RunFeed = new RunFeed(runId, this.bus, this.store, this.limits, () => {
        if (this.feeds.get(runId) === made) this.feeds.delete(runId);
      });
      feed = made;
      this.feeds.set(runId, feed);
    }
    feed.attach(reader);
    await feed.opened;
    return feed;
  }
}
