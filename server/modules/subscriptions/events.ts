import type { Step } from '../../shared/scalars.ts';
import type { LifecycleStage } from '../experiments/public.ts';
import type { RunStatus } from '../runs/public.ts';

/** Points of one metric key in one batch, as parallel lists. */
export interface KeySeries {
  key: string;
  /** Numbers, or bigints for steps beyond ±(2^53-1) (see `Step`). */
  steps: Step[];
  timestamps: number[];
  values: number[];
}

/**
 * One committed logBatch of a run, as published on the run's metrics topic.
 *
 * @remarks Published for every committed batch, also one without metrics (then `series` is empty), so
 * the sequence seen by a subscriber is dense and a missing number means a lost event.
 */
export interface MetricsBatch {
  runId: string;
  seq: number;
  /** Server time of the commit, ms since the epoch with sub-ms precision; null when read from storage. */
  committedAt: number | null;
  series: KeySeries[];
}

/** What happened to a run. */
export type RunEventKind =
  | 'SNAPSHOT'
  | 'CREATED'
  | 'STATUS_CHANGED'
  | 'ENDED'
  | 'RENAMED'
  | 'DELETED'
  | 'RESTORED'
  | 'PARAMS_LOGGED'
  | 'TAGS_SET'
  | 'TAG_DELETED';

/** A change of a run's state, published after it commits. */
export interface RunEvent {
  kind: RunEventKind;
  runId: string;
  experimentId: string;
  /** Sequence number of the batch that made the change (batch-borne events and snapshots). */
  seq: number | null;
  committedAt: number;
  status?: RunStatus | null;
  endTime?: number | null;
  name?: string | null;
  lifecycleStage?: LifecycleStage | null;
  params?: { key: string; value: string }[] | null;
  tags?: { key: string; value: string }[] | null;
  /** The key removed by a TAG_DELETED event. */
  tagKey?: string | null;
}

/** Topics and payloads of the event bus. */
export interface BusTopics {
  /** Committed batches of one run (topic id: run id). */
  metrics: MetricsBatch;
  /** Run changes of every experiment (one topic; subscribers filter). */
  runs: RunEvent;
}

/** Wall-clock time with sub-millisecond precision, comparable across processes on one host. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
