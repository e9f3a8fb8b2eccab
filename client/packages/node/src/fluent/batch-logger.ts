import { randomUUID } from 'node:crypto';
import type { BatchAck, LogBatchInput, OpResult, WireStep } from '@trackql/client';
import { asTrackingError, domainError, retry, TrackingError } from '@trackql/client';
import { cutBatches } from './batches.ts';
import type { MetricLink, RunSink } from './run-sink.ts';

/** How the fluent layer sends what it logs. */
export interface LoggingOptions {
  /** Wait for the server on every logging call (each call returns a promise). Default false. */
  synchronous: boolean;
  /** Queued metric points that trigger a send (at most 1000 per batch). Default 1000. */
  maxBatchPoints: number;
  /** Longest time a logged value waits before it is sent, in ms. Default 250. */
  flushIntervalMs: number;
  /** Batches in flight at once. Default 4. */
  maxInFlight: number;
  /**
   * Retries of a batch after network errors, 5xx responses and TEMPORARILY_UNAVAILABLE (the
   * server's database is down). Default 20: with the default delays, about half a minute.
   */
  maxRetries: number;
  /** Cap of the first retry delay in ms; doubles per attempt, full jitter. Default 100. */
  retryBaseMs: number;
  /** Largest retry delay cap in ms. Default 5000. */
  retryMaxMs: number;
  /**
   * Most metric points held unsent (queued, waiting or being retried) while the server is slow or
   * unreachable; points logged beyond it are dropped and reported by the next flush. Default
   * 1,000,000.
   */
  maxQueuedPoints: number;
  /** Called for every batch the server rejects or that fails after all retries. */
  onError?: (error: TrackingError, batch: LogBatchInput) => void;
}

/** Default {@link LoggingOptions}. */
export const DEFAULT_LOGGING: LoggingOptions = {
  synchronous: false,
  maxBatchPoints: 1000,
  flushIntervalMs: 250,
  maxInFlight: 4,
  maxRetries: 20,
  retryBaseMs: 100,
  retryMaxMs: 5000,
  maxQueuedPoints: 1_000_000,
};

interface Pending {
  sink: RunSink;
  input: LogBatchInput;
  /** Metric points in the batch. */
  points: number;
}

function pointsOf(input: LogBatchInput): number {
  let n = 0;
  for (const m of input.metrics ?? []) n += m.values.length;
  return n;
}

/**
 * Queues logged values per run and sends them as `logBatch` requests in the background.
 *
 * @remarks Sends when `maxBatchPoints` points are queued or `flushIntervalMs` has passed, with up
 * to `maxInFlight` requests at once. Each batch gets a random idempotency key that its retries
 * reuse, so a batch that reached the server before the connection dropped is not written twice.
 */
export class BatchLogger {
  options: LoggingOptions;
  private readonly sinks = new Set<RunSink>();
  private ready: Pending[] = [];
  private inFlight = 0;
  private queuedPoints = 0;
  /** Points cut into batches and not yet settled (waiting or in flight). */
  private sendingPoints = 0;
  /** Queued points at which the next size-triggered drain is tried. */
  private drainAt: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly send: (input: LogBatchInput) => Promise<OpResult<BatchAck>>,
    options: Partial<LoggingOptions> = {},
  ) {
    this.options = { ...DEFAULT_LOGGING, ...options };
    this.drainAt = this.options.maxBatchPoints;
  }

  /** Queues one metric point, optionally linked to a model; sends in the background. */
  metric(
    sink: RunSink,
    key: string,
    value: number,
    step: WireStep,
    timestamp: number,
    link?: MetricLink,
  ): void {
    if (this.queuedPoints + this.sendingPoints >= this.options.maxQueuedPoints) {
      // the server has not kept up (or is down): bounded memory, and the loss is reported
      sink.dropped++;
      this.sinks.add(sink);
      return;
    }
    if (link === undefined) sink.metric(key, value, step, timestamp);
    else sink.linkedMetric(key, value, step, timestamp, link);
    if (++this.queuedPoints >= this.drainAt) this.drain(false);
    if (this.timer === null) this.arm();
  }

  /** Changes the options; queued data is kept. */
  configure(options: Partial<LoggingOptions>): void {
    this.options = { ...this.options, ...options };
    this.drainAt = Math.min(this.drainAt, this.queuedPoints + this.options.maxBatchPoints);
    if (this.timer !== null) {
      // a pending timer was set with the old interval
      clearTimeout(this.timer);
      this.arm();
    }
  }

  /** Starts tracking a run's sink; everything logged to it is sent until {@link release}. */
  register(sink: RunSink): void {
    this.sinks.add(sink);
  }

  /** Stops tracking a sink (after its run ended and was flushed). */
  release(sink: RunSink): void {
    if (sink.idle) this.sinks.delete(sink);
  }

  /** Marks a sink as holding params or tags to send. */
  touched(sink: RunSink): void {
    this.sinks.add(sink);
    if (this.timer === null) this.arm();
  }

  private arm(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain(true);
    }, this.options.flushIntervalMs);
    this.timer.unref();
  }

  /** A sink whose run id just became known (or failed): send what it holds. */
  resolved(sink: RunSink): void {
    this.sinks.add(sink);
    if (sink.failed) {
      sink.errors.push(sink.failed);
      this.queuedPoints -= sink.points;
      sink.series.clear();
      sink.params = [];
      sink.tags.clear();
      sink.points = 0;
      sink.notifyIfIdle();
      return;
    }
    this.drain(true);
  }

  /** Cuts queued data into batches while there is room in flight (or always, when `all`). */
  private drain(all: boolean): void {
    // points that cannot be cut yet (run still being created, or no room in flight) wait for the
    // next batch's worth of calls, a completion or the timer, instead of retrying on every call
    this.drainAt = this.queuedPoints + this.options.maxBatchPoints;
    if (!all && this.ready.length >= this.options.maxInFlight) return;
    for (const sink of this.sinks) {
      if (sink.runId === null || !sink.hasQueued) continue;
      this.queuedPoints -= sink.points;
      for (const input of cutBatches(sink, sink.runId, this.options.maxBatchPoints)) {
        input.idempotencyKey = randomUUID();
        sink.outstanding++;
        const points = pointsOf(input);
        this.sendingPoints += points;
        this.ready.push({ sink, input, points });
      }
    }
    this.drainAt = this.queuedPoints + this.options.maxBatchPoints;
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.ready.length > 0) {
      const p = this.ready.shift()!;
      this.inFlight++;
      void this.deliver(p).then(() => {
        this.inFlight--;
        this.sendingPoints -= p.points;
        p.sink.outstanding--;
        p.sink.notifyIfIdle();
        if (this.ready.length > 0) this.pump();
        else if (this.queuedPoints >= this.options.maxBatchPoints) this.drain(false);
        // whatever is still queued goes out with the timer at the latest
        if (this.queuedPoints > 0 && this.timer === null) this.arm();
      });
    }
  }

  private async deliver({ sink, input, points }: Pending): Promise<void> {
    const { maxRetries, retryBaseMs, retryMaxMs } = this.options;
    try {
      await retry(
        async () => {
          const res = await this.send(input);
          if (!res.ok) throw domainError(res.error);
        },
        { retries: maxRetries, baseMs: retryBaseMs, maxMs: retryMaxMs },
      );
    } catch (e) {
      const error = asTrackingError(e);
      if (error.retryable) {
        // the retries are spent: say what this batch held, so the loss is known
        error.message += ` (not sent after ${maxRetries} retries: ${points} metric points, ${input.params?.length ?? 0} params, ${input.tags?.length ?? 0} tags of run ${input.runId})`;
      }
      sink.errors.push(error);
      try {
        this.options.onError?.(error, input);
      } catch {
        // a failing callback must not hide the batch's own error, which flush() reports
      }
    }
  }

  /**
   * Sends everything queued for `sink` (or every sink) and waits until the server has settled it.
   *
   * @remarks Rejects with the first error of the flushed batches (the others in its `related`);
   * each error is reported by one flush only.
   */
  async flush(sink?: RunSink): Promise<void> {
    const targets = sink ? [sink] : [...this.sinks];
    if (sink) this.sinks.add(sink);
    this.drain(true);
    await Promise.all(targets.map((s) => this.settled(s)));
    for (const s of targets) {
      if (s.dropped === 0) continue;
      s.errors.push(
        new TrackingError(
          'network',
          `${s.dropped} metric points of run ${s.runId} were dropped: ${this.options.maxQueuedPoints} points (maxQueuedPoints) were already waiting for the server`,
          { code: 'RESOURCE_EXHAUSTED' },
        ),
      );
      s.dropped = 0;
    }
    const errors = targets.flatMap((s) => s.errors.splice(0));
    const first = errors[0];
    if (first) {
      first.related = errors.slice(1);
      throw first;
    }
  }

  private settled(sink: RunSink): Promise<void> {
    if (sink.idle) return Promise.resolve();
    return new Promise((resolve) => sink.waiters.push(resolve));
  }

  /** True when nothing is queued or in flight. */
  get idle(): boolean {
    for (const s of this.sinks) if (!s.idle) return false;
    return this.ready.length === 0 && this.inFlight === 0;
  }
}
