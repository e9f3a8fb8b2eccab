import type { SubscriptionLimits } from '../../config.ts';
import type { Db } from '../../shared/db.ts';
import {
  addPoint,
  type Bucket,
  bucketIndex,
  bucketize,
  type SeriesAxis,
  type SeriesPoint,
  type XRange,
} from '../metrics/buckets.ts';
import type { EventBus } from './event-bus.ts';
import { END, Lagged, LiveIterator } from './live-iterator.ts';
import type { MetricStore } from './metric-store.ts';
import { RunTail } from './run-tail.ts';
import { loadSeriesPoints } from './series-store.ts';

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
  /** The x range cut into buckets; null while an open range has no data yet. */
  range: XRange | null;
  runs: RunBuckets[];
}

export interface LiveSeriesArgs {
  runIds: string[];
  key: string;
  buckets: number;
  axis: SeriesAxis;
  start: number | null;
  end: number | null;
}

interface RunState {
  tail: RunTail;
  startTime: number;
  seq: number;
  buckets: Map<number, Bucket>;
}

/**
 * A downsampled series kept up to date: a full frame, then only changed buckets.
 *
 * @remarks The first frame is computed from storage up to the sequence number each run had when its
 * live tail was attached, so no point is counted twice or missed. New points are folded into their
 * bucket with `addPoint`. With an open end (or start), a point past the range widens that side to at
 * least double the span and a new full frame is computed from storage; points outside a fixed side
 * are ignored.
 */
export class LiveSeries {
  private readonly runs = new Map<string, RunState>();
  private range: XRange | null = null;
  private started = false;
  private lagReported = false;
  readonly iterator: LiveIterator<SeriesFrame | Lagged>;

  constructor(
    private readonly db: Db,
    private readonly args: LiveSeriesArgs,
  ) {
    this.iterator = new LiveIterator(
      () => this.produce(),
      () => {
        for (const r of this.runs.values()) r.tail.close();
      },
    );
    if (args.start !== null && args.end !== null) this.range = { start: args.start, end: args.end };
  }

  /** Attaches a live tail to every run (NotFoundError for an unknown run). */
  async open(bus: EventBus, store: MetricStore, limits: SubscriptionLimits): Promise<void> {
    try {
      for (const runId of new Set(this.args.runIds)) {
        const tail = new RunTail(runId, [this.args.key], bus, store, limits, this.iterator.wake);
        this.runs.set(runId, { tail, startTime: 0, seq: 0, buckets: new Map() });
        const head = await tail.open(null);
        this.runs.set(runId, {
          tail,
          startTime: head.startTime,
          seq: head.lastSeq,
          buckets: new Map(),
        });
      }
    } catch (err) {
      for (const r of this.runs.values()) r.tail.close();
      throw err;
    }
  }

  private x(r: RunState, step: number, timestamp: number): number {
    if (this.args.axis === 'STEP') return step;
    return this.args.axis === 'WALL_TIME' ? timestamp : timestamp - r.startTime;
  }

  private frame(full: boolean, changed?: Map<string, Set<number>>): SeriesFrame {
    const runs: RunBuckets[] = [];
    for (const [runId, r] of this.runs) {
      const idx = changed?.get(runId);
      if (!full && !idx) continue;
      const buckets = full
        ? [...r.buckets.values()].sort((a, b) => a.index - b.index)
        : [...idx!].sort((a, b) => a - b).map((i) => r.buckets.get(i)!);
      runs.push({ runId, seq: r.seq, buckets });
    }
    const { axis, buckets: bucketCount } = this.args;
    const range = this.range ? { ...this.range } : null;
    return { full, axis, bucketCount, range, runs };
  }

  /** Recomputes every bucket from storage; sets an open range from the data first. */
  private async rebuild(): Promise<SeriesFrame> {
    const upTo = new Map([...this.runs].map(([id, r]) => [id, r.seq]));
    const fixedSteps = this.args.axis === 'STEP' && this.range !== null;
    const rows = await loadSeriesPoints(this.db, this.args.key, upTo, {
      min: fixedSteps ? this.range!.start : null,
      max: fixedSteps ? this.range!.end : null,
    });
    const points = new Map<string, SeriesPoint[]>();
    for (const row of rows) {
      const r = this.runs.get(row.runId)!;
      const list = points.get(row.runId) ?? [];
      list.push({ ...row, x: this.x(r, row.step, row.timestamp) });
      points.set(row.runId, list);
    }
    if (this.range === null) this.range = this.rangeOf([...points.values()].flat());
    for (const [runId, r] of this.runs) {
      const list = points.get(runId) ?? [];
      const buckets = this.range ? bucketize(list, this.range, this.args.buckets) : [];
      r.buckets = new Map(buckets.map((b) => [b.index, b]));
    }
    return this.frame(true);
  }

  /** The range of an open side from data: the data's extent, at least one x per bucket. */
  private rangeOf(points: SeriesPoint[]): XRange | null {
    if (points.length === 0 && (this.args.start === null || this.args.end === null)) return null;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const p of points) {
      if (p.x < lo) lo = p.x;
      if (p.x > hi) hi = p.x;
    }
    const start = this.args.start ?? lo;
    let end = this.args.end ?? Math.max(hi, start + this.args.buckets - 1);
    if (end < start) end = start;
    return { start, end };
  }

  /** Widens the open sides of the range to hold `x`; false when `x` is outside a fixed side. */
  private widen(x: number): boolean {
    const range = this.range!;
    const span = range.end - range.start + 1;
    if (x > range.end && this.args.end === null) range.end = Math.max(x, range.end + span);
    else if (x < range.start && this.args.start === null)
      range.start = Math.min(x, range.start - span);
    else return false;
    return true;
  }

  private async produce(): Promise<SeriesFrame | Lagged | null | typeof END> {
    if (!this.started) {
      this.started = true;
      return this.rebuild();
    }
    for (const r of this.runs.values()) {
      if (r.tail.lagged === null) continue;
      if (this.lagReported) return END;
      this.lagReported = true;
      return new Lagged(null);
    }
    const changed = new Map<string, Set<number>>();
    let reframe = false;
    const { buckets: count } = this.args;
    for (const [runId, r] of this.runs) {
      const taken = r.tail.take(Number.POSITIVE_INFINITY);
      r.seq = taken.seq;
      for (const b of taken.batches) {
        for (const s of b.series) {
          for (let i = 0; i < s.values.length; i++) {
            const p = {
              x: this.x(r, s.steps[i]!, s.timestamps[i]!),
              step: s.steps[i]!,
              timestamp: s.timestamps[i]!,
              value: s.values[i]!,
            };
            if (this.range === null) reframe = true;
            if (reframe) continue;
            const idx = bucketIndex(p.x, this.range!, count);
            if (idx < 0 && this.widen(p.x)) reframe = true;
            if (idx < 0) continue;
            r.buckets.set(idx, addPoint(r.buckets.get(idx), p, idx, this.range!, count));
            const set = changed.get(runId) ?? new Set<number>();
            changed.set(runId, set.add(idx));
          }
        }
      }
    }
    if (reframe) return this.rebuild();
    return changed.size > 0 ? this.frame(false, changed) : null;
  }
}
