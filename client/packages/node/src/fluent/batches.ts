import type { LogBatchInput, MetricSeriesInput, WireStep } from '@trackql/client';
import type { KeyValue, MetricLink, RunSink } from './run-sink.ts';

/** The server's `logBatch` limits (MLflow's). */
export const BATCH_LIMITS = {
  metrics: 1000,
  params: 100,
  tags: 100,
  entities: 1000,
} as const;

/** Encodes a double as a `MetricValue`: NaN and ±Infinity become strings. */
function encodeValues(values: number[]): (number | string)[] {
  let out: (number | string)[] | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      out ??= values.slice();
      out[i] = Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    }
  }
  return out ?? values;
}

class Builder {
  readonly out: LogBatchInput[] = [];
  private cur: { metrics: MetricSeriesInput[]; params: KeyValue[]; tags: KeyValue[] } | null = null;
  private points = 0;
  private paramKeys = new Set<string>();

  constructor(
    private readonly runId: string,
    private readonly maxPoints: number,
  ) {}

  private open() {
    if (this.cur === null) this.cur = { metrics: [], params: [], tags: [] };
    return this.cur;
  }

  private entities(): number {
    return this.cur ? this.points + this.cur.params.length + this.cur.tags.length : 0;
  }

  close(): void {
    const c = this.cur;
    if (c === null) return;
    this.out.push({
      runId: this.runId,
      metrics: c.metrics.length ? c.metrics : null,
      params: c.params.length ? c.params : null,
      tags: c.tags.length ? c.tags : null,
    });
    this.cur = null;
    this.points = 0;
    this.paramKeys.clear();
  }

  param(p: KeyValue): void {
    // the server rejects a key twice in one batch, so a changed value goes into the next batch
    const full = this.cur && this.cur.params.length >= BATCH_LIMITS.params;
    if (full || this.paramKeys.has(p.key) || this.entities() >= BATCH_LIMITS.entities) this.close();
    this.open().params.push(p);
    this.paramKeys.add(p.key);
  }

  tag(t: KeyValue): void {
    const full = this.cur && this.cur.tags.length >= BATCH_LIMITS.tags;
    if (full || this.entities() >= BATCH_LIMITS.entities) this.close();
    this.open().tags.push(t);
  }

  series(
    key: string,
    values: number[],
    steps: WireStep[],
    timestamps: number[],
    link: MetricLink | null,
  ): void {
    let at = 0;
    while (at < values.length) {
      let room = Math.min(this.maxPoints - this.points, BATCH_LIMITS.entities - this.entities());
      if (room <= 0) {
        this.close();
        room = Math.min(this.maxPoints, BATCH_LIMITS.entities);
      }
      const end = Math.min(values.length, at + room);
      const whole = at === 0 && end === values.length;
      const series: MetricSeriesInput = {
        key,
        values: encodeValues(whole ? values : values.slice(at, end)),
        steps: whole ? steps : steps.slice(at, end),
        timestamps: whole ? timestamps : timestamps.slice(at, end),
      };
      if (link !== null) {
        series.modelId = link.modelId;
        series.datasetName = link.datasetName;
        series.datasetDigest = link.datasetDigest;
      }
      this.open().metrics.push(series);
      this.points += end - at;
      at = end;
    }
  }
}

/**
 * Takes everything queued in a sink and cuts it into `logBatch` inputs within the server's limits.
 *
 * @remarks Params and tags go in batches of their own, and so do points linked to logged models,
 * so a batch the server rejects (a changed param, an unknown model) loses no other points; idempotency keys are added by the sender. The sink's arrays are replaced,
 * not copied.
 */
export function cutBatches(sink: RunSink, runId: string, maxPoints: number): LogBatchInput[] {
  const b = new Builder(runId, Math.min(maxPoints, BATCH_LIMITS.metrics));
  for (const p of sink.params) b.param(p);
  for (const [key, value] of sink.tags) b.tag({ key, value });
  // params and tags travel apart from metrics: a rejected param must not take points with it
  b.close();
  let linked = false;
  for (const s of sink.series.values()) {
    if (s.values.length === 0) continue;
    if (s.link !== null) {
      linked = true;
      continue;
    }
    b.series(s.key, s.values, s.steps, s.timestamps, null);
    s.values = [];
    s.steps = [];
    s.timestamps = [];
  }
  b.close();
  // points linked to models go apart too: a model the server does not know rejects its batch
  if (linked) {
    for (const s of sink.series.values()) {
      if (s.values.length === 0 || s.link === null) continue;
      b.series(s.key, s.values, s.steps, s.timestamps, s.link);
      s.values = [];
      s.steps = [];
      s.timestamps = [];
    }
    b.close();
  }
  sink.params = [];
  sink.tags = new Map();
  sink.points = 0;
  return b.out;
}
