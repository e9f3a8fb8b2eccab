import type { PreparedMetrics } from '../metrics/public.ts';
import type { EventBus } from './event-bus.ts';
import { type KeySeries, preciseNow, type RunEvent } from './events.ts';

/** The single run-events topic id: run events are few, so subscribers filter one topic. */
export const ALL_RUNS = 'all';

/**
 * What services publish after their transactions commit.
 *
 * @remarks Publish only after commit, so a rolled-back change never reaches a subscriber.
 */
export class Publisher {
  /** `onPoints` sees the number of points of every committed batch (the ingest metric). */
  constructor(
    private readonly bus: EventBus,
    private readonly onPoints?: (points: number) => void,
  ) {}

  /** Publishes a committed batch's points (also for a batch without metrics: see MetricsBatch). */
  batch(runId: string, seq: number, m: PreparedMetrics): void {
    if (this.onPoints) {
      let points = 0;
      for (const c of m.counts) points += c;
      if (points > 0) this.onPoints(points);
    }
    // ingest is a hot path: build no event that nobody can receive
    if (!this.bus.wants('metrics', runId)) return;
    const series: KeySeries[] = m.keys.map((key, i) => {
      const from = m.offsets[i]!;
      const to = from + m.counts[i]!;
      return {
        key,
        steps: m.steps.slice(from, to),
        timestamps: m.timestamps.slice(from, to),
        values: m.values.slice(from, to),
      };
    });
    this.bus.publish('metrics', runId, { runId, seq, committedAt: preciseNow(), series });
  }

  /** Publishes a committed change of a run. */
  run(event: Omit<RunEvent, 'committedAt' | 'seq'> & { seq?: number | null }): void {
    this.bus.publish('runs', ALL_RUNS, { seq: null, ...event, committedAt: preciseNow() });
  }
}
