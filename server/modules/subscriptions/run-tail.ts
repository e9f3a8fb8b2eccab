import type { SubscriptionLimits } from '../../config.ts';
import type { EventBus } from './event-bus.ts';
import type { KeySeries, MetricsBatch } from './events.ts';
import type { MetricStore, RunHead } from './metric-store.ts';

/** Batches taken from a tail; everything up to `seq` has been handed over. */
export interface Take {
  batches: MetricsBatch[];
  seq: number;
}

const REPLAY_PAGE = 50;

function pointsOf(b: MetricsBatch): number {
  let n = 0;
  for (const s of b.series) n += s.values.length;
  return n;
}

/**
 * One subscriber's ordered, gapless view of a run's committed batches: replay from storage after
 * `afterSeq`, then live events, in sequence order, each exactly once.
 *
 * @remarks The live listener is attached before the run's last sequence number is read, and live
 * events wait in `pending` until replay reaches that number, so nothing falls between replay and
 * live. Events that arrive out of order wait in `pending`; a number missing for `gapWaitMs` is read
 * from storage (a later number proves it committed). The buffer is bounded: past the limits the
 * tail stops, frees its buffer and reports `lagged` with the last sequence number handed over.
 */
export class RunTail {
  private head: RunHead | null = null;
  private accepted = 0;
  private replayCursor = 0;
  private handed = 0;
  /** Batches up to here are known to the subscriber already (an `afterSeq` past the head). */
  private skipUpTo = 0;
  private readonly queue: MetricsBatch[] = [];
  private readonly pending = new Map<number, MetricsBatch>();
  private buffered = 0;
  private gapTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private closed = false;
  /** Set when the subscriber fell too far behind: the last sequence number handed over. */
  lagged: number | null = null;

  constructor(
    readonly runId: string,
    private readonly keys: readonly string[] | null,
    private readonly bus: EventBus,
    private readonly store: MetricStore,
    private readonly limits: SubscriptionLimits,
    /** Called when batches become ready, with the newest one's commit time (null: unknown). */
    private readonly wake: (committedAt: number | null) => void,
    /** Called when the buffer passes half its bounds: serve now rather than at the next frame. */
    private readonly urge: () => void = () => {},
  ) {}

  /** Attaches to live events, then reads where the run is; replay covers `afterSeq` up to there. */
  async open(afterSeq: number | null): Promise<RunHead> {
    this.unsubscribe = await this.bus.subscribe('metrics', this.runId, (b) => this.onLive(b));
    // closed while subscribing (the subscriber left): let go of the topic at once
    if (this.closed) this.close();
    const head = await this.store.head(this.runId);
    this.head = head;
    this.replayCursor = Math.min(afterSeq ?? head.lastSeq, head.lastSeq);
    this.skipUpTo = afterSeq ?? 0;
    this.handed = Math.max(this.replayCursor, this.skipUpTo);
    if (this.replayCursor >= head.lastSeq) this.goLive();
    return head;
  }

  /** True while stored batches remain to replay. */
  get replaying(): boolean {
    return this.head !== null && this.replayCursor < this.head.lastSeq && !this.closed;
  }

  /** The next page of stored batches (maybe empty when the page had none of `keys`). */
  async replayPage(): Promise<Take> {
    const upTo = this.head!.lastSeq;
    const page = await this.store.batches(
      this.runId,
      this.replayCursor,
      upTo,
      this.keys,
      REPLAY_PAGE,
    );
    this.replayCursor = page.length < REPLAY_PAGE ? upTo : page[page.length - 1]!.seq;
    this.handed = this.replayCursor;
    if (this.replayCursor >= upTo) this.goLive();
    return { batches: page, seq: this.replayCursor };
  }

  /** Takes the buffered live batches, in order, up to about `maxPoints` points. */
  take(maxPoints: number): Take {
    const out: MetricsBatch[] = [];
    let points = 0;
    while (this.queue.length > 0 && (out.length === 0 || points < maxPoints)) {
      const b = this.queue.shift()!;
      const n = pointsOf(b);
      points += n;
      this.buffered -= n;
      out.push(b);
    }
    if (out.length > 0) this.handed = Math.max(this.handed, out[out.length - 1]!.seq);
    if (this.queue.length === 0 && this.lagged === null)
      this.handed = Math.max(this.handed, this.accepted);
    return { batches: out.filter((b) => b.series.length > 0), seq: this.handed };
  }

  /** True when `take` would return something. */
  get ready(): boolean {
    return this.queue.length > 0;
  }

  /** Detaches from live events and frees the buffer. */
  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.queue.length = 0;
    this.pending.clear();
    this.buffered = 0;
  }

  private goLive(): void {
    this.accepted = this.head!.lastSeq;
    for (const seq of this.pending.keys()) if (seq <= this.accepted) this.dropPending(seq);
    this.drain();
  }

  private filter(b: MetricsBatch): MetricsBatch {
    if (this.keys === null) return b;
    const keys = this.keys;
    return { ...b, series: b.series.filter((s: KeySeries) => keys.includes(s.key)) };
  }

  private onLive(raw: MetricsBatch): void {
    if (this.closed || raw.seq <= this.accepted || this.pending.has(raw.seq)) return;
    const b = this.filter(raw);
    this.pending.set(b.seq, b);
    this.buffered += pointsOf(b);
    if (this.head && !this.replaying) this.drain();
    this.checkBounds();
  }

  private dropPending(seq: number): void {
    const b = this.pending.get(seq);
    if (!b) return;
    this.buffered -= pointsOf(b);
    this.pending.delete(seq);
  }

  /** Moves consecutive pending batches to the queue; arms the gap timer if one is missing. */
  private drain(): void {
    const before = this.queue.length;
    for (let b = this.pending.get(this.accepted + 1); b; b = this.pending.get(this.accepted + 1)) {
      this.pending.delete(b.seq);
      if (b.seq <= this.skipUpTo) {
        this.buffered -= pointsOf(b);
        this.queue.push({ ...b, series: [] });
      } else this.queue.push(b);
      this.accepted = b.seq;
    }
    if (this.pending.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        // a failed read cannot be retried in order: cut the subscriber off so it resumes cleanly
        this.fillGap().catch(() => this.cutOff());
      }, this.limits.gapWaitMs);
    }
    if (this.queue.length > before) this.wake(this.queue[this.queue.length - 1]!.committedAt);
  }

  private async fillGap(): Promise<void> {
    this.gapTimer = null;
    if (this.closed || this.pending.size === 0) return;
    const upTo = Math.min(...this.pending.keys()) - 1;
    if (upTo <= this.accepted) return this.drain();
    let after = this.accepted;
    while (after < upTo && !this.closed) {
      const page = await this.store.batches(this.runId, after, upTo, this.keys, REPLAY_PAGE);
      for (const b of page) {
        if (b.seq <= this.accepted || this.pending.has(b.seq)) continue;
        this.pending.set(b.seq, b);
        this.buffered += pointsOf(b);
      }
      after = page.length < REPLAY_PAGE ? upTo : page[page.length - 1]!.seq;
    }
    // numbers absent from storage were batches without points of these keys
    for (let s = this.accepted + 1; s <= upTo; s++) {
      if (!this.pending.has(s))
        this.pending.set(s, { runId: this.runId, seq: s, committedAt: null, series: [] });
    }
    this.drain();
    this.checkBounds();
  }

  private checkBounds(): void {
    const batches = this.queue.length + this.pending.size;
    const { maxBufferedPoints, maxBufferedEvents } = this.limits;
    if (this.buffered > maxBufferedPoints || batches > maxBufferedEvents) this.cutOff();
    else if (this.buffered > maxBufferedPoints / 2 || batches > maxBufferedEvents / 2) this.urge();
  }

  /** Stops the tail and reports the last sequence number handed over. */
  private cutOff(): void {
    this.lagged = this.handed;
    this.close();
    this.wake(null);
  }
}
