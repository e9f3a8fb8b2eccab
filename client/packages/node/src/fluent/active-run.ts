import type { RunInfo } from '@trackql/client';
import { RunSink } from './run-sink.ts';

/**
 * A run started by the fluent API (MLflow's `ActiveRun`): its `info`, and the queue its logging
 * calls feed.
 *
 * @remarks A run auto-started by a logging call is created in the background: its `info` is filled
 * in once the server answers; `await run.ready` to wait for it.
 */
export class ActiveRun {
  info: RunInfo;
  readonly sink: RunSink;
  ready: Promise<void>;
  /**
   * The first model this run output at each step (`logOutputs` through this process), which
   * `logMetric` links a point of that step to when nothing else is given; null until one is.
   */
  outputsByStep: Map<number, string> | null = null;
  /** Model ids and `name\u0000digest` of datasets this process knows the run lists as inputs or outputs. */
  readonly knownInputs = new Set<string>();

  constructor(info: RunInfo | null) {
    this.info = info ?? placeholder();
    this.sink = new RunSink(info?.runId ?? null);
    this.ready = Promise.resolve();
  }

  /** The run's id (empty until an auto-started run has been created). */
  get runId(): string {
    return this.info.runId;
  }
}

function placeholder(): RunInfo {
  return {
    runId: '',
    name: '',
    experimentId: '',
    userId: '',
    status: 'RUNNING',
    startTime: Date.now(),
    endTime: null,
    lifecycleStage: 'ACTIVE',
    artifactUri: '',
    lastSeq: 0,
  };
}
