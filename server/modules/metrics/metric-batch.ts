import type { Step } from '../../shared/scalars.ts';

/** One metric key's points as the client sent them. */
export interface MetricSeries {
  key: string;
  values: number[];
  /** Numbers, or bigints for steps beyond ±(2^53-1) (see `Step`). */
  steps: Step[];
  timestamps: number[];
}

/** Points of one batch laid out for the segment insert: flat arrays plus one entry per key. */
export interface PreparedMetrics {
  points: number;
  /** True when a step lies beyond ±(2^53-1) (is a bigint): the batch takes the wide path. */
  wide: boolean;
  keys: string[];
  offsets: number[];
  counts: number[];
  minSteps: Step[];
  maxSteps: Step[];
  minValues: (number | null)[];
  maxValues: (number | null)[];
  first: { steps: Step[]; timestamps: number[]; values: number[] };
  last: { steps: Step[]; timestamps: number[]; values: number[] };
  steps: Step[];
  timestamps: number[];
  values: number[];
}

/** Orders doubles as PostgreSQL does: NaN equals NaN and sorts above every number. */
export function compareValues(a: number, b: number): number {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares points by MLflow's latest-metric rule: step, then timestamp, then value.
 *
 * @remarks Steps compare exactly as numbers and bigints mixed (a safe step is never a bigint).
 */
export function comparePoints(
  as: Step,
  at: number,
  av: number,
  bs: Step,
  bt: number,
  bv: number,
): number {
  if (as !== bs) return as < bs ? -1 : 1;
  if (at !== bt) return at < bt ? -1 : 1;
  return compareValues(av, bv);
}

/**
 * Merges series of the same key and computes, per key, the aggregates the summary table keeps.
 *
 * @remarks Points keep the order they were sent in; min and max ignore NaN (null when all are NaN).
 */
export function prepareMetrics(series: readonly MetricSeries[]): PreparedMetrics {
  const byKey = new Map<string, MetricSeries[]>();
  for (const s of series) {
    const list = byKey.get(s.key);
    if (list) list.push(s);
    else byKey.set(s.key, [s]);
  }
  const out: PreparedMetrics = {
    points: 0,
    wide: false,
    keys: [],
    offsets: [],
    counts: [],
    minSteps: [],
    maxSteps: [],
    minValues: [],
    maxValues: [],
    first: { steps: [], timestamps: [], values: [] },
    last: { steps: [], timestamps: [], values: [] },
    steps: [],
    timestamps: [],
    values: [],
  };
  for (const [key, parts] of byKey) {
    const offset = out.steps.length;
    let minStep: Step = Number.POSITIVE_INFINITY;
    let maxStep: Step = Number.NEGATIVE_INFINITY;
    let minV: number | null = null;
    let maxV: number | null = null;
    let f = -1;
    let l = -1;
    for (const s of parts) {
      for (let i = 0; i < s.values.length; i++) {
        const step = s.steps[i]!;
        const ts = s.timestamps[i]!;
        const v = s.values[i]!;
        const idx = out.steps.length;
        out.steps.push(step);
        out.timestamps.push(ts);
        out.values.push(v);
        if (step < minStep) minStep = step;
        if (step > maxStep) maxStep = step;
        if (!Number.isNaN(v)) {
          if (minV === null || v < minV) minV = v;
          if (maxV === null || v > maxV) maxV = v;
        }
        if (
          f < 0 ||
          comparePoints(step, ts, v, out.steps[f]!, out.timestamps[f]!, out.values[f]!) < 0
        )
          f = idx;
        if (
          l < 0 ||
          comparePoints(step, ts, v, out.steps[l]!, out.timestamps[l]!, out.values[l]!) > 0
        )
          l = idx;
      }
    }
    const count = out.steps.length - offset;
    if (count === 0) continue;
    out.keys.push(key);
    out.offsets.push(offset);
    out.counts.push(count);
    out.minSteps.push(minStep);
    out.maxSteps.push(maxStep);
    out.minValues.push(minV);
    out.maxValues.push(maxV);
    for (const [target, i] of [
      [out.first, f],
      [out.last, l],
    ] as const) {
      target.steps.push(out.steps[i]!);
      target.timestamps.push(out.timestamps[i]!);
      target.values.push(out.values[i]!);
    }
  }
  out.points = out.steps.length;
  out.wide = out.minSteps.some(isBig) || out.maxSteps.some(isBig);
  return out;
}

const isBig = (s: Step) => typeof s === 'bigint';

/** The steps as doubles (wide ones rounded): the x the packed points and blocks carry. */
export function approxSteps(m: PreparedMetrics): number[] {
  return m.wide ? m.steps.map(Number) : (m.steps as number[]);
}
