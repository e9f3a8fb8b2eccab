import type { Step } from '../../shared/scalars.ts';
import {
  addPoint,
  type Bucket,
  bucketIndex,
  type MetricBucketService,
  type SeriesPoint,
  type StepRange,
} from '../metrics/public.ts';
import type { MetricsBatch } from './events.ts';
import { type ChangedBuckets, ChangeLog } from './hub-changes.ts';
import type { LiveSeriesArgs, RunBuckets, SeriesFrame } from './live-series.ts';
import type { RunFeeds } from './run-feeds.ts';
import { RunTail } from './run-tail.ts';
import { extendExtent, SeriesLayout, seriesRange } from './series-layout.ts';

interface RunState {
  tail: RunTail;
  startTime: number;
  seq: number;
  buckets: Map<number, Bucket>;
}

/** A subscriber of a hub, as the hub sees it. */
export interface HubSubscriber {
  /** The hub version this subscriber was last served at (-1: never). */
  readonly servedAt: number;
  /** The hub changed (or lagged) while the subscriber was asleep. */
  wake(committedAt: number | null): void;
}

const copy = (b: Bucket): Bucket => ({ ...b, last: { ...b.last } });

/**
 * The state of one live series (runs, key, bucket count, axis, range), computed once and shared by
 * every subscriber that asks for the same series.
 *
 * @remarks The buckets are first computed from storage up to the sequence number each run had when
 * its live tail was attached, so no point is counted twice or missed; then every committed batch is
 * folded in with `addPoint` as it arrives, whatever the number of subscribers. With an open side, a
 * point past the range doubles the span as often as needed: bucket `i` of the old layout lies whole in
 * bucket `floor((i + shift) / f)` of the new one, so buckets merge without reading storage. Points
 * past a fixed side are ignored. Frames are immutable snapshots, one object per version for
 * subscribers that are in step, so the GraphQL result is also built once (shared-execution.ts).
 */
export class SeriesHub {
  private readonly runs = new Map<string, RunState>();
  /** The bucket layout; null while an open range has no data yet. */
  private layout: SeriesLayout | null = null;
  private built = false;
  private closed = false;
  /** Bumped by every change. */
  version = 0;
  private cache: { version: number; full?: SeriesFrame; deltas: Map<number, SeriesFrame> } = {
    version: -1,
    deltas: new Map(),
  };
  private readonly changes = new ChangeLog();
  /** Commit time of the newest batch folded in (null: unknown, read from storage). */
  committedAt: number | null = null;
  private readonly subscribers = new Set<HubSubscriber>();
  /** Subscribers served up to the current version, to wake at the next change. */
  private readonly sleepers = new Set<HubSubscriber>();
  /** True once a run's tail fell too far behind; the hub then takes nothing more. */
  lagged = false;

  constructor(
    private readonly buckets: MetricBucketService,
    readonly args: LiveSeriesArgs,
    private readonly onClose: () => void,
  ) {
    const fixed = seriesRange(args, args.buckets, null);
    if (fixed !== null) this.layout = new SeriesLayout(fixed, args.buckets);
  }

  /** Attaches a live tail to every run (NotFoundError for an unknown run), then reads storage. */
  async open(feeds: RunFeeds): Promise<void> {
    try {
      for (const runId of new Set(this.args.runIds)) {
        // every subscriber may leave while this awaits: close() then ends the tails made so far
        if (this.closed) return;
        const tail = new RunTail(runId, [this.args.key], feeds, () => this.pump());
        const state: RunState = { tail, startTime: 0, seq: 0, buckets: new Map() };
        this.runs.set(runId, state);
        const head = await tail.open(null);
        state.startTime = head.startTime;
        state.seq = head.lastSeq;
      }
      if (this.closed) return;
      await this.build();
    } catch (err) {
      this.close();
      throw err;
    }
    this.built = true;
    this.pump();
  }

  /** Adds a subscriber. */
  attach(sub: HubSubscriber): void {
    this.subscribers.add(sub);
  }

  /** Removes a subscriber; the last one out closes the hub. */
  detach(sub: HubSubscriber): void {
    this.subscribers.delete(sub);
    this.sleepers.delete(sub);
    if (this.subscribers.size === 0) this.close();
  }

  /** Wakes `sub` at the next change (it has been served the current version). */
  sleep(sub: HubSubscriber): void {
    if (this.subscribers.has(sub)) this.sleepers.add(sub);
  }

  /** Every bucket of every run (a full frame), one shared snapshot per version. */
  fullFrame(): SeriesFrame {
    const c = this.frameCache();
    c.full ??= this.frame(true, null);
    return c.full;
  }

  /**
   * What a subscriber last served at version `since` needs: the current values of the buckets
   * changed since, or a full frame when the layout changed. One shared snapshot per (since, current
   * version), as every subscriber last served at `since` needs the same.
   */
  frameSince(since: number): SeriesFrame {
    const c = this.frameCache();
    let frame = c.deltas.get(since);
    if (!frame) {
      const changed = this.changes.since(since);
      frame = changed === null ? this.fullFrame() : this.frame(false, changed);
      c.deltas.set(since, frame);
    }
    return frame;
  }

  private frameCache() {
    if (this.cache.version !== this.version)
      this.cache = { version: this.version, deltas: new Map() };
    return this.cache;
  }

  private frame(full: boolean, changed: ReadonlyMap<string, ReadonlySet<number>> | null) {
    const runs: RunBuckets[] = [];
    for (const [runId, r] of this.runs) {
      const idx = changed?.get(runId);
      if (!full && !idx) continue;
      const buckets = full
        ? [...r.buckets.values()].sort((a, b) => a.index - b.index).map(copy)
        : [...idx!].sort((a, b) => a - b).map((i) => copy(r.buckets.get(i)!));
      runs.push({ runId, seq: r.seq, buckets });
    }
    const { axis, buckets: bucketCount } = this.args;
    const range = this.layout ? { ...this.layout.range } : null;
    return { full, axis, bucketCount, range, runs } satisfies SeriesFrame;
  }

  private x(r: RunState, step: Step, timestamp: number): Step {
    if (this.args.axis === 'STEP') return step;
    return this.args.axis === 'WALL_TIME' ? timestamp : timestamp - r.startTime;
  }

  /**
   * Computes every bucket from storage, each run up to the batch its tail was attached at, through
   * the packed downsampling path of `metricBuckets`; sets an open range from the data first.
   */
  private async build(): Promise<void> {
    const upTo = new Map([...this.runs].map(([id, r]) => [id, r.seq]));
    const ids = [...this.runs.keys()];
    const { key, axis, buckets: count } = this.args;
    if (this.layout === null) {
      const range = seriesRange(this.args, count, await this.buckets.extent(ids, key, axis, upTo));
      if (range === null) return;
      this.layout = new SeriesLayout(range, count);
    }
    const layout = this.layout;
    const set = await this.buckets.buckets(ids, key, count, layout.range, axis, upTo);
    for (const rb of set.runs) this.runs.get(rb.runId)!.buckets = layout.bucketsOf(rb.buckets);
  }

  /**
   * Doubles the span on `x`'s side (open sides only) until it holds `x`, merging buckets; false when
   * `x` is past a fixed side.
   */
  private widen(x: Step): boolean {
    const open = { start: this.args.start === null, end: this.args.end === null };
    const next = this.layout!.widen(x, open);
    if (next === null) return false;
    for (const r of this.runs.values()) r.buckets = next.merge(r.buckets);
    this.layout = next.layout;
    return true;
  }

  /** Folds whatever the tails hold into the buckets, records what changed and wakes sleepers. */
  private pump(): void {
    if (!this.built || this.closed || this.lagged) return;
    if ([...this.runs.values()].some((r) => r.tail.lagged !== null)) {
      this.lagged = true;
      this.onClose();
      for (const sub of [...this.subscribers]) sub.wake(null);
      return;
    }
    const taken: [RunState, MetricsBatch[]][] = [];
    let committedAt: number | null = null;
    for (const r of this.runs.values()) {
      if (!r.tail.ready) continue;
      const t = r.tail.take(Number.POSITIVE_INFINITY);
      r.seq = t.seq;
      if (t.batches.length > 0) taken.push([r, t.batches]);
      for (const b of t.batches)
        if (b.committedAt !== null && (committedAt === null || b.committedAt > committedAt))
          committedAt = b.committedAt;
    }
    let full = false;
    if (this.layout === null) {
      let extent: StepRange | null = null;
      for (const [r, batches] of taken)
        for (const b of batches)
          for (const s of b.series)
            for (let i = 0; i < s.steps.length; i++)
              extent = extendExtent(extent, this.x(r, s.steps[i]!, s.timestamps[i]!));
      const range = seriesRange(this.args, this.args.buckets, extent);
      if (range === null) return;
      this.layout = new SeriesLayout(range, this.args.buckets);
      full = true;
    }
    const changed: ChangedBuckets = new Map();
    const p: SeriesPoint = { x: 0, step: 0, timestamp: 0, value: 0 };
    for (const [r, batches] of taken) {
      const runId = r.tail.runId;
      // consecutive points mostly share a bucket: it is looked up and marked once per run of them
      let curIdx = -1;
      let cur: Bucket | undefined;
      for (const b of batches) {
        for (const s of b.series) {
          for (let i = 0; i < s.values.length; i++) {
            p.step = s.steps[i]!;
            p.timestamp = s.timestamps[i]!;
            p.value = s.values[i]!;
            const x = this.x(r, p.step, p.timestamp);
            // the common path: a safe x in a safe range, double arithmetic (see SeriesLayout)
            let layout = this.layout;
            const n = layout.narrow;
            let idx =
              n !== null && typeof x === 'number'
                ? bucketIndex(x, n, layout.count)
                : layout.index(x);
            if (idx < 0) {
              if (!this.widen(x)) continue;
              full = true;
              curIdx = -1;
              layout = this.layout;
              idx = layout.index(x);
            }
            if (idx === curIdx) {
              addPoint(cur, p, idx, layout.boundsOf);
              continue;
            }
            cur = addPoint(r.buckets.get(idx), p, idx, layout.boundsOf);
            curIdx = idx;
            r.buckets.set(idx, cur);
            if (full) continue;
            const set = changed.get(runId);
            if (set) set.add(idx);
            else changed.set(runId, new Set([idx]));
          }
        }
      }
    }
    if (!full && changed.size === 0) return;
    this.version++;
    this.record(full, changed, committedAt);
  }

  /** Adds a change to the log and wakes the sleeping subscribers. */
  private record(full: boolean, changed: ChangedBuckets, committedAt: number | null): void {
    if (committedAt !== null) this.committedAt = committedAt;
    this.changes.add(this.version, full, changed, () => {
      let oldest = this.version;
      for (const sub of this.subscribers) if (sub.servedAt < oldest) oldest = sub.servedAt;
      return oldest;
    });
    if (this.sleepers.size === 0) return;
    const woken = [...this.sleepers];
    this.sleepers.clear();
    for (const sub of woken) sub.wake(committedAt);
  }

  /** Detaches the tails (idempotent). */
  private close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const r of this.runs.values()) r.tail.close();
    this.onClose();
  }
}
