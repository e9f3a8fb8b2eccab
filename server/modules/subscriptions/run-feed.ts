import type { SubscriptionLimits } from '../../config.ts';
import type { EventBus } from './event-bus.ts';
import type { KeySeries, MetricsBatch } from './events.ts';
import type { MetricStore, RunHead } from './metric-store.ts';

/** The reads a feed makes: where a run is, and its stored batches. */
export type BatchSource = Pick<MetricStore, 'head' | 'batches'>;

/** What a feed needs of a reader (a {@link RunTail}). */
export interface FeedReader {
  /** Last sequence number taken from the feed; null until the reader is placed. */
  readonly at: number | null;
  /** New batches arrived while the reader was asleep (`committedAt`: the newest one's). */
  wakeUp(committedAt: number | null): void;
  /** The reader's backlog passed half the bounds: serve now. */
  urge(): void;
  /** The reader's backlog passed the bounds: it is cut off (and detached). */
  cutOff(): void;
}

interface Entry {
  batch: MetricsBatch;
  /** Points of the batch. */
  points: number;
  /** Points of every batch of the feed up to and including this one. */
  total: number;
  /** The batch with only some keys' series, by key list, shared by readers with the same keys. */
  filtered: Map<string, MetricsBatch> | null;
}

const REPLAY_PAGE = 50;

export function pointsOf(b: MetricsBatch): number {
  let n = 0;
  for (const s of b.series) n += s.values.length;
  return n;
}

/**
 * A run's committed batches in sequence order, from one bus subscription, shared by every reader of
 * the run on this server.
 *
 * @remarks A new batch costs the same whatever the number of readers: it is appended once and only
 * readers that are asleep (caught up, waiting for data) are woken; a reader held for a frame takes
 * everything at the frame start. Each reader keeps its place (`at`); the feed keeps the batches from
 * the furthest-behind reader's place on. Batches that arrive out of order wait in `pending`; a number
 * missing for `gapWaitMs` is read from storage once for all readers. The backlog is bounded per
 * reader: past half the limits a reader is urged, past them it is cut off and the feed lets go of
 * what only it still needed.
 */
export class RunFeed {
  /** Entries for the sequence numbers after `trimmedTo` up to `accepted`. */
  private entries: Entry[] = [];
  /** Points of every batch up to `trimmedTo`. */
  private trimmedTotal = 0;
  /** Batches up to here are no longer held (no reader needs them). */
  trimmedTo = 0;
  /** Batches up to here were received, with no gap. */
  accepted = 0;
  head: RunHead | null = null;
  private readonly pending = new Map<number, MetricsBatch>();
  private pendingPoints = 0;
  private gapTimer: NodeJS.Timeout | null = null;
  private readonly readers = new Set<FeedReader>();
  private readonly sleepers = new Set<FeedReader>();
  private unsubscribe: (() => void) | null = null;
  private appendsSinceScan = 0;
  closed = false;
  /** Resolves once the feed is attached to live events and knows where the run is. */
  readonly opened: Promise<void>;

  constructor(
    readonly runId: string,
    private readonly bus: EventBus,
    private readonly store: BatchSource,
    private readonly limits: SubscriptionLimits,
    private readonly onClose: () => void,
  ) {
    this.opened = this.open();
    // a failed open is reported to every joiner (they await `opened`)
    this.opened.catch(() => {});
  }

  /** Attaches to live events, then reads the run's last sequence number (NotFoundError if absent). */
  private async open(): Promise<void> {
    try {
      const unsubscribe = await this.bus.subscribe('metrics', this.runId, (b) => this.onLive(b));
      if (this.closed) return unsubscribe();
      this.unsubscribe = unsubscribe;
      const head = await this.store.head(this.runId);
      if (this.closed) return;
      this.head = head;
      this.accepted = this.trimmedTo = head.lastSeq;
      for (const [seq, b] of this.pending) if (seq <= this.accepted) this.dropPending(seq, b);
      this.drain();
    } catch (err) {
      this.close();
      throw err;
    }
  }

  /** Number of batches held (received, not yet taken by every reader). */
  get held(): number {
    return this.entries.length;
  }

  /** Number of readers (subscribers) attached. */
  get readerCount(): number {
    return this.readers.size;
  }

  /** Adds a reader; the feed stays open while it has readers. */
  attach(reader: FeedReader): void {
    this.readers.add(reader);
  }

  /** Removes a reader; the last one out closes the feed. */
  detach(reader: FeedReader): void {
    this.readers.delete(reader);
    this.sleepers.delete(reader);
    if (this.readers.size === 0) this.close();
  }

  /** Wakes `reader` at the next batch (it has taken everything). */
  sleep(reader: FeedReader): void {
    if (this.readers.has(reader)) this.sleepers.add(reader);
  }

  /** The batch with sequence number `seq` (`trimmedTo < seq <= accepted`). */
  batch(seq: number, keys: readonly string[] | null, keysId: string): MetricsBatch {
    const e = this.entries[seq - this.trimmedTo - 1]!;
    if (keys === null) return e.batch;
    e.filtered ??= new Map();
    let b = e.filtered.get(keysId);
    if (!b) {
      b = { ...e.batch, series: e.batch.series.filter((s: KeySeries) => keys.includes(s.key)) };
      e.filtered.set(keysId, b);
    }
    return b;
  }

  /** Reads stored batches (replay), oldest first. */
  stored(after: number, upTo: number, keys: readonly string[] | null): Promise<MetricsBatch[]> {
    return this.store.batches(this.runId, after, upTo, keys, REPLAY_PAGE);
  }

  /** Whether a page from {@link stored} was the last one before `upTo`. */
  static lastPage(page: readonly MetricsBatch[]): boolean {
    return page.length < REPLAY_PAGE;
  }

  /** Lets go of live events and every batch held (idempotent). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.entries = [];
    this.pending.clear();
    this.sleepers.clear();
    this.onClose();
  }

  private onLive(b: MetricsBatch): void {
    if (this.closed || b.seq <= this.accepted || this.pending.has(b.seq)) return;
    this.pending.set(b.seq, b);
    this.pendingPoints += pointsOf(b);
    if (this.head) this.drain();
    else this.checkBounds();
  }

  private dropPending(seq: number, b: MetricsBatch): void {
    this.pendingPoints -= pointsOf(b);
    this.pending.delete(seq);
  }

  /** Appends consecutive pending batches, wakes sleeping readers; arms the gap timer if one is missing. */
  private drain(): void {
    let newest: MetricsBatch | null = null;
    for (let b = this.pending.get(this.accepted + 1); b; b = this.pending.get(this.accepted + 1)) {
      this.dropPending(b.seq, b);
      const points = pointsOf(b);
      const last = this.entries[this.entries.length - 1];
      const total = (last ? last.total : this.trimmedTotal) + points;
      this.entries.push({ batch: b, points, total, filtered: null });
      this.accepted = b.seq;
      this.appendsSinceScan++;
      newest = b;
    }
    if (this.pending.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        // a failed read cannot be retried in order: cut every reader off so each resumes cleanly
        this.fillGap().catch(() => this.fail());
      }, this.limits.gapWaitMs);
    }
    if (newest && this.sleepers.size > 0) {
      const woken = [...this.sleepers];
      this.sleepers.clear();
      for (const r of woken) r.wakeUp(newest.committedAt);
    }
    this.checkBounds();
  }

  private async fillGap(): Promise<void> {
    this.gapTimer = null;
    if (this.closed || this.pending.size === 0) return;
    await this.readStored(Math.min(...this.pending.keys()) - 1);
  }

  /**
   * Live events were interrupted (Redis outage): batches committed meanwhile may never arrive, and
   * with no later batch nothing would reveal the gap. Reads the run's head and fills everything up
   * to it from storage, as a gap is filled; later batches arrive live (the bus re-subscribed first).
   */
  async catchUp(): Promise<void> {
    // still opening: `open` reads the head after subscribing, so it misses nothing
    if (this.closed || !this.head) return;
    try {
      const { lastSeq } = await this.store.head(this.runId);
      if (!this.closed) await this.readStored(lastSeq);
    } catch {
      this.fail();
    }
  }

  /** Reads the stored batches after `accepted` up to `upTo` into `pending`, then drains. */
  private async readStored(upTo: number): Promise<void> {
    if (upTo <= this.accepted) return this.drain();
    let after = this.accepted;
    while (after < upTo && !this.closed) {
      const page = await this.stored(after, upTo, null);
      for (const b of page) {
        if (b.seq <= this.accepted || this.pending.has(b.seq)) continue;
        this.pending.set(b.seq, b);
        this.pendingPoints += pointsOf(b);
      }
      after = RunFeed.lastPage(page) ? upTo : page[page.length - 1]!.seq;
    }
    if (this.closed) return;
    // numbers absent from storage were batches without points
    for (let s = this.accepted + 1; s <= upTo; s++) {
      if (!this.pending.has(s))
        this.pending.set(s, { runId: this.runId, seq: s, committedAt: null, series: [] });
    }
    this.drain();
  }

  /** Points of the batches up to `seq` (`seq >= trimmedTo`). */
  private totalAt(seq: number): number {
    return seq === this.trimmedTo
      ? this.trimmedTotal
      : this.entries[seq - this.trimmedTo - 1]!.total;
  }

  /**
   * Enforces the bounds and lets go of batches no reader needs. A reader's backlog is at most what
   * the feed holds, so the readers are only looked at when that passes half the bounds, and every
   * 64 batches to trim.
   */
  private checkBounds(): void {
    const { maxBufferedPoints, maxBufferedEvents } = this.limits;
    const last = this.entries[this.entries.length - 1];
    const heldPoints = (last ? last.total : this.trimmedTotal) - this.trimmedTotal;
    const held = this.entries.length + this.pending.size;
    if (
      heldPoints + this.pendingPoints <= maxBufferedPoints / 2 &&
      held <= maxBufferedEvents / 2 &&
      this.appendsSinceScan < 64
    )
      return;
    this.appendsSinceScan = 0;
    const newestTotal = last ? last.total : this.trimmedTotal;
    let keep = this.accepted;
    for (const r of [...this.readers]) {
      if (r.at === null) continue;
      const points = newestTotal - this.totalAt(r.at) + this.pendingPoints;
      const events = this.accepted - r.at + this.pending.size;
      if (points > maxBufferedPoints || events > maxBufferedEvents) {
        r.cutOff();
        continue;
      }
      if (points > maxBufferedPoints / 2 || events > maxBufferedEvents / 2) r.urge();
      if (r.at < keep) keep = r.at;
    }
    if (this.closed || keep <= this.trimmedTo) return;
    this.trimmedTotal = this.totalAt(keep);
    this.entries.splice(0, keep - this.trimmedTo);
    this.trimmedTo = keep;
  }

  /** A gap could not be filled: every reader is cut off. */
  private fail(): void {
    for (const r of [...this.readers]) r.cutOff();
    this.close();
  }
}
