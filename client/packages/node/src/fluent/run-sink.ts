import type { TrackingError, WireStep } from '@trackql/client';

/** The logged model (and dataset) a series of points is linked to. */
export interface MetricLink {
  modelId: string;
  datasetName: string | null;
  datasetDigest: string | null;
}

/** Points of one metric key waiting to be sent, as parallel arrays. */
export class Series {
  values: number[] = [];
  /** Numbers, or decimal strings for steps beyond ±(2^53-1) (see `checkStep`). */
  steps: WireStep[] = [];
  timestamps: number[] = [];
  constructor(
    readonly key: string,
    readonly link: MetricLink | null = null,
  ) {}
}

/** A key/value pair (param or tag). */
export interface KeyValue {
  key: string;
  value: string;
}

/**
 * Everything queued for one run: per-key metric arrays, params and tags.
 *
 * @remarks `runId` is null while an auto-started run is being created; the logger holds its data
 * until it is known. Appending a point is three array pushes and no allocation.
 */
export class RunSink {
  runId: string | null;
  /** Set when the run could not be created; queued data is then dropped and reported. */
  failed: TrackingError | null = null;
  readonly series = new Map<string, Series>();
  params: KeyValue[] = [];
  tags = new Map<string, string>();
  /** Metric points queued and not yet cut into batches. */
  points = 0;
  /** Metric points refused because the unsent queue was full, until a flush reports them. */
  dropped = 0;
  /** Batches cut from this sink and not yet settled. */
  outstanding = 0;
  /** Domain or exhausted-retry errors of this sink's batches, until a flush reports them. */
  errors: TrackingError[] = [];
  waiters: (() => void)[] = [];
  private last: Series | null = null;

  constructor(runId: string | null) {
    this.runId = runId;
  }

  /** Appends one metric point. */
  metric(key: string, value: number, step: WireStep, timestamp: number): void {
    let s = this.last;
    if (s === null || s.key !== key) {
      s = this.series.get(key) ?? null;
      if (s === null) {
        s = new Series(key);
        this.series.set(key, s);
      }
      this.last = s;
    }
    s.values.push(value);
    s.steps.push(step);
    s.timestamps.push(timestamp);
    this.points++;
  }

  /**
   * Appends one metric point linked to a model; points of one (key, model, dataset) share a series.
   *
   * @remarks Kept apart from {@link metric} so the unlinked path stays as it was.
   */
  linkedMetric(
    key: string,
    value: number,
    step: WireStep,
    timestamp: number,
    link: MetricLink,
  ): void {
    // NUL cannot occur in a valid key, so linked series never collide with plain ones
    const id = `${key}\u0000${link.modelId}\u0000${link.datasetName ?? ''}\u0000${link.datasetDigest ?? ''}`;
    let s = this.series.get(id);
    if (s === undefined) {
      s = new Series(key, link);
      this.series.set(id, s);
    }
    s.values.push(value);
    s.steps.push(step);
    s.timestamps.push(timestamp);
    this.points++;
  }

  /** Queues a param; an identical pending param is not queued twice. */
  param(key: string, value: string): void {
    if (this.params.some((p) => p.key === key && p.value === value)) return;
    this.params.push({ key, value });
  }

  /** True when nothing is queued and no batch is outstanding. */
  get idle(): boolean {
    return (
      this.points === 0 &&
      this.params.length === 0 &&
      this.tags.size === 0 &&
      this.outstanding === 0
    );
  }

  /** True when something is queued and not yet cut into batches. */
  get hasQueued(): boolean {
    return this.points > 0 || this.params.length > 0 || this.tags.size > 0;
  }

  /** Wakes everyone waiting for this sink to become idle. */
  notifyIfIdle(): void {
    if (!this.idle || this.waiters.length === 0) return;
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }
}
