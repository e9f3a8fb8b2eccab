import type { MetricsBatch } from './events.ts';
import type { RunHead } from './metric-store.ts';
import { type FeedReader, pointsOf, RunFeed } from './run-feed.ts';
import type { RunFeeds } from './run-feeds.ts';

/** Batches taken from a tail; everything up to `seq` has been handed over. */
export interface Take {
  batches: MetricsBatch[];
  seq: number;
  /** Commit time of the newest batch taken (null: none, or read from storage). */
  committedAt: number | null;
}

/**
 * One subscriber's ordered, gapless view of a run's committed batches: replay from storage after
 * `afterSeq`, then live batches from the run's shared {@link RunFeed}, in sequence order, each
 * exactly once.
 *
 * @remarks The tail takes its place in the feed before reading storage: replay covers `afterSeq` up
 * to the oldest batch the feed still holds, and the feed holds everything after that for it, so
 * nothing falls between replay and live. A place the feed still holds needs no storage read at all.
 * When the tail falls too far behind, the feed cuts it off and it reports `lagged` with the last
 * sequence number handed over.
 */
export class RunTail implements FeedReader {
  private feed: RunFeed | null = null;
  at: number | null = null;
  private replayCursor = 0;
  private replayUpTo = 0;
  private handed = 0;
  /** Batches up to here are known to the subscriber already (an `afterSeq` past the head). */
  private skipUpTo = 0;
  private readonly keysId: string;
  private closed = false;
  /** Set when the subscriber fell too far behind: the last sequence number handed over. */
  lagged: number | null = null;

  constructor(
    readonly runId: string,
    private readonly keys: readonly string[] | null,
    private readonly feeds: RunFeeds,
    /** Called when batches become ready, with the newest one's commit time (null: unknown). */
    private readonly wake: (committedAt: number | null) => void,
    /** Called when the backlog passes half its bounds: serve now rather than at the next frame. */
    readonly urge: () => void = () => {},
  ) {
    this.keysId = keys === null ? '' : JSON.stringify(keys);
  }

  /**
   * Joins the run's feed, then places itself: live from where the feed is when `afterSeq` is null,
   * otherwise after `afterSeq`, replaying from storage what the feed no longer holds.
   *
   * @returns The run, with `lastSeq` the last batch replay covers (what live delivery follows).
   */
  async open(afterSeq: number | null): Promise<RunHead> {
    const feed = await this.feeds.join(this.runId, this);
    this.feed = feed;
    // closed while joining (the subscriber left): let go of the feed at once
    if (this.closed) feed.detach(this);
    const live = feed.accepted;
    const from = afterSeq ?? live;
    if (from >= feed.trimmedTo) {
      this.at = Math.min(from, live);
      this.replayCursor = this.replayUpTo = this.at;
    } else {
      this.at = feed.trimmedTo;
      this.replayCursor = from;
      this.replayUpTo = feed.trimmedTo;
    }
    this.skipUpTo = afterSeq ?? 0;
    this.handed = Math.max(this.replayCursor, this.skipUpTo);
    if (!this.replaying) this.goLive();
    return { ...feed.head!, lastSeq: this.replayUpTo };
  }

  /** True while stored batches remain to replay. */
  get replaying(): boolean {
    return this.replayCursor < this.replayUpTo && !this.closed;
  }

  /** The next page of stored batches (maybe empty when the page had none of `keys`). */
  async replayPage(): Promise<Take> {
    const upTo = this.replayUpTo;
    const page = await this.feed!.stored(this.replayCursor, upTo, this.keys);
    this.replayCursor = RunFeed.lastPage(page) ? upTo : page[page.length - 1]!.seq;
    this.handed = Math.max(this.handed, this.replayCursor);
    if (this.replayCursor >= upTo) this.goLive();
    return { batches: page, seq: this.handed, committedAt: null };
  }

  /** Takes the live batches held for it, in order, up to about `maxPoints` points. */
  take(maxPoints: number): Take {
    const feed = this.feed;
    const out: MetricsBatch[] = [];
    let committedAt: number | null = null;
    if (!feed || this.at === null || this.closed)
      return { batches: out, seq: this.handed, committedAt };
    let points = 0;
    while (this.at < feed.accepted && (out.length === 0 || points < maxPoints)) {
      const seq = ++this.at;
      if (seq <= this.skipUpTo) continue;
      const b = feed.batch(seq, this.keys, this.keysId);
      if (b.series.length === 0) continue;
      points += pointsOf(b);
      out.push(b);
      if (b.committedAt !== null) committedAt = b.committedAt;
    }
    this.handed = Math.max(this.handed, this.at);
    if (this.at >= feed.accepted) feed.sleep(this);
    return { batches: out, seq: this.handed, committedAt };
  }

  /** True when `take` would return something. */
  get ready(): boolean {
    return this.feed !== null && this.at !== null && !this.closed && this.at < this.feed.accepted;
  }

  /** Leaves the feed. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.feed?.detach(this);
  }

  /** @internal Called by the feed: new batches while asleep. */
  wakeUp(committedAt: number | null): void {
    this.wake(committedAt);
  }

  /** @internal Called by the feed: stops the tail and reports the last sequence number handed over. */
  cutOff(): void {
    this.lagged = this.handed;
    this.close();
    this.wake(null);
  }

  /** Replay done: wakes the reader if the feed holds batches for it, otherwise sleeps until it does. */
  private goLive(): void {
    if (this.ready) this.wake(null);
    else this.feed?.sleep(this);
  }
}
