import type { Step } from '../../shared/scalars.ts';
import {
  addPoint,
  type Bucket,
  type BucketColumns,
  bucketBounds,
  bucketIndex,
  type MetricBucketService,
  mergeBucket,
  type SeriesPoint,
  type StepRange,
  type XRange,
} from '../metrics/public.ts';
import type { MetricsBatch } from './events.ts';
import type { LiveSeriesArgs, RunBuckets, SeriesFrame } from './live-series.ts';
import type { RunFeeds } from './run-feed.ts';
import { RunTail } from './run-tail.ts';

interface RunState {
  tail: RunTail;
  startTime: number;
  seq: number;
  buckets: Map<number, Bucket>;
}

/** One change of a hub: a new bucket layout (`full`) or these buckets of these runs. */
interface HubChange {
  version: number;
  full: boolean;
  buckets: Map<string, Set<number>>;
}

/** A subscriber of a hub, as the hub sees it. */
export interface HubSubscriber {
  /** The hub version this subscriber was last served at (-1: never). */
  readonly servedAt: number;
  /** The hub changed (or lagged) while the subscriber was asleep. */
  wake(committedAt: number | null): void;
}

/** Changes kept before the oldest are merged (a stalled subscriber then gets a superset). */
const MAX_CHANGES = 256;

const copy = (b: Bucket): Bucket => ({ ...b, last: { ...b.last } });

/** Adds `from`'s bucket indexes to `into`, run by run (copying sets, so `from` stays unshared). */
function addBuckets(
  into: Map<string, Set<number>>,
  from: ReadonlyMap<string, ReadonlySet<number>>,
) {
  for (const [runId, set] of from) {
    const acc = into.get(runId);
    if (acc) for (const i of set) acc.add(i);
    else into.set(runId, new Set(set));
  }
}

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
  private range: XRange | null = null;
  private built = false;
  private closed = false;
  /** Bumped by every change. */
  version = 0;
  private cache: { version: number; full?: SeriesFrame; deltas: Map<number, SeriesFrame> } = {
    version: -1,
    deltas: new Map(),
  };
  /** Changes after the oldest version a subscriber was served at, oldest first. */
  private changes: HubChange[] = [];
  private changesSinceTrim = 0;
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
    if (args.start !== null && args.end !== null) this.range = { start: args.start, end: args.end };
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
      const changed = this.changedSince(since);
      frame = changed === null ? this.fullFrame() : this.frame(false, changed);
      c.deltas.set(since, frame);
    }
    return frame;
  }

  /** The buckets changed after version `since` (null: a full frame is needed). */
  private changedSince(since: number): Map<string, Set<number>> | null {
    // a new subscriber; the log always reaches back to every attached subscriber's version
    if (since < 0) return null;
    const out = new Map<string, Set<number>>();
    for (const ch of this.changes) {
      if (ch.version <= since) continue;
      if (ch.full) return null;
      addBuckets(out, ch.buckets);
    }
    return out;
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
    const range = this.range ? { ...this.range } : null;
    return { full, axis, bucketCount, range, runs } satisfies SeriesFrame;
  }

  private x(r: RunState, step: number, timestamp: number): number {
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
    this.range ??= this.rangeOf(approxRange(await this.buckets.extent(ids, key, axis, upTo)));
    if (this.range === null) return;
    const set = await this.buckets.buckets(ids, key, count, this.range, axis, upTo);
    for (const rb of set.runs) {
      this.runs.get(rb.runId)!.buckets = toBuckets(rb.buckets, this.range, count);
    }
  }

  /**
   * The range of an open side from the data's extent: at least one x per bucket; null while an
   * open side has no data.
   */
  private rangeOf(extent: XRange | null): XRange | null {
    if (extent === null && (this.args.start === null || this.args.end === null)) return null;
    const start = this.args.start ?? extent!.start;
    let end = this.args.end ?? Math.max(extent?.end ?? start, start + this.args.buckets - 1);
    if (end < start) end = start;
    return { start, end };
  }

  /**
   * Doubles the span on `x`'s side (open sides only) until it holds `x`, merging buckets; false when
   * `x` is past a fixed side.
   */
  private widen(x: number): boolean {
    const { start, end } = this.range!;
    const up = x > end;
    if ((up ? this.args.end : this.args.start) !== null) return false;
    const width = end - start + 1;
    let f = 2;
    while (up ? start + width * f - 1 < x : end - width * f + 1 > x) f *= 2;
    const count = this.args.buckets;
    const range = up ? { start, end: start + width * f - 1 } : { start: end - width * f + 1, end };
    const shift = up ? 0 : (f - 1) * count;
    for (const r of this.runs.values()) {
      const merged = new Map<number, Bucket>();
      for (const b of r.buckets.values()) {
        const j = Math.floor((b.index + shift) / f);
        merged.set(j, mergeBucket(merged.get(j), b, j, range, count));
      }
      r.buckets = merged;
    }
    this.range = range;
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
    if (this.range === null) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const [r, batches] of taken)
        for (const b of batches)
          for (const s of b.series)
            for (let i = 0; i < s.steps.length; i++) {
              const x = this.x(r, approx(s.steps[i]!), s.timestamps[i]!);
              if (x < lo) lo = x;
              if (x > hi) hi = x;
            }
      this.range = this.rangeOf(lo <= hi ? { start: lo, end: hi } : null);
      if (this.range === null) return;
      full = true;
    }
    const changed = new Map<string, Set<number>>();
    const count = this.args.buckets;
    const p: SeriesPoint = { x: 0, step: 0, timestamp: 0, value: 0 };
    for (const [r, batches] of taken) {
      const runId = r.tail.runId;
      // consecutive points mostly share a bucket: it is looked up and marked once per run of them
      let curIdx = -1;
      let cur: Bucket | undefined;
      for (const b of batches) {
        for (const s of b.series) {
          for (let i = 0; i < s.values.length; i++) {
            p.step = approx(s.steps[i]!);
            p.timestamp = s.timestamps[i]!;
            p.value = s.values[i]!;
            p.x = this.x(r, p.step, p.timestamp);
            let idx = bucketIndex(p.x, this.range, count);
            if (idx < 0) {
              if (!this.widen(p.x)) continue;
              full = true;
              curIdx = -1;
              idx = bucketIndex(p.x, this.range, count);
            }
            if (idx === curIdx) {
              addPoint(cur, p, idx, this.range, count);
              continue;
            }
            cur = addPoint(r.buckets.get(idx), p, idx, this.range, count);
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
    this.record({ version: this.version, full, buckets: changed }, committedAt);
  }

  /**
   * Adds a change to the log and wakes the sleeping subscribers; every 64 changes drops what every
   * subscriber has been served, and merges the oldest half past {@link MAX_CHANGES}.
   */
  private record(change: HubChange, committedAt: number | null): void {
    if (committedAt !== null) this.committedAt = committedAt;
    this.changes.push(change);
    if (++this.changesSinceTrim >= 64) {
      this.changesSinceTrim = 0;
      let oldest = this.version;
      for (const sub of this.subscribers) if (sub.servedAt < oldest) oldest = sub.servedAt;
      const keep = this.changes.findIndex((ch) => ch.version > oldest);
      this.changes = keep < 0 ? [] : this.changes.slice(keep);
    }
    if (this.changes.length > MAX_CHANGES) {
      const merged = this.changes.splice(0, MAX_CHANGES / 2);
      const into: HubChange = {
        version: merged[merged.length - 1]!.version,
        full: false,
        buckets: new Map(),
      };
      for (const ch of merged) {
        into.full ||= ch.full;
        addBuckets(into.buckets, ch.buckets);
      }
      this.changes.unshift(into);
    }
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

/** Bucket objects of a run from the columns of `metricBuckets`. */
function toBuckets(c: BucketColumns, range: XRange, count: number): Map<number, Bucket> {
  const out = new Map<number, Bucket>();
  for (let k = 0; k < c.index.length; k++) {
    const index = c.index[k]!;
    out.set(index, {
      index,
      ...bucketBounds(index, range, count),
      count: c.count[k]!,
      minStep: approx(c.minStep[k]!),
      maxStep: approx(c.maxStep[k]!),
      min: c.min[k]!,
      max: c.max[k]!,
      last: {
        step: approx(c.lastStep[k]!),
        timestamp: c.lastTimestamp[k]!,
        value: c.lastValue[k]!,
      },
    });
  }
  return out;
}

/**
 * A step as a double: live series fold steps beyond ±(2^53-1) rounded (`liveSeries` carries
 * SafeInt steps; `metricBuckets` and `metricsLogged` are exact).
 */
function approx(step: Step): number {
  return typeof step === 'number' ? step : Number(step);
}

function approxRange(r: StepRange | null): XRange | null {
  return r && { start: approx(r.start), end: approx(r.end) };
}
