import { performance } from 'node:perf_hooks';
import type { SubscriptionLimits } from '../../config.ts';

/** The share of time (0..1) the event loop was busy since the previous call. */
export type LoadGauge = () => number;

/** A gauge of this process's event-loop utilisation, with its own window. */
export function eventLoopLoad(): LoadGauge {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    return busy;
  };
}

/** How often the frame length is reconsidered (ms). */
const ADAPT_EVERY_MS = 250;

/**
 * Frames of a fixed length, aligned on the process clock and shared by every live stream, at whose
 * starts paced streams deliver during bursts (see `LiveIterator`).
 *
 * @remarks One timer serves every waiter of a frame, and subscribers released at the same frame
 * start take the same batches, so their coalesced events stay shared objects (executed and
 * serialised once).
 *
 * The frame length adapts to load between `baseMs` and `maxMs`: while the event loop is at least
 * 80 % busy it doubles (every 250 ms at most), and when it is at most 50 % busy it halves back. An
 * overloaded server then sends fewer, larger events (each message costs a write to its socket, and
 * with a hundred subscribers those writes compete with ingest); an idle one serves every frame.
 */
export class FrameClock {
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** The frame the timer was armed in; waiters are released once a later frame has started. */
  private armedIn = 0;
  private length: number;
  private adaptedAt = Number.NEGATIVE_INFINITY;

  constructor(
    /** Frame length in ms when the server is not overloaded (> 0). */
    readonly baseMs: number,
    /** Longest frame under load (ms); at or below `baseMs` the length never changes. */
    private readonly maxMs: number = baseMs,
    private readonly load: LoadGauge = eventLoopLoad(),
    /** The time in ms (tests drive it; timers still wait in real time). */
    private readonly time: () => number = () => performance.now(),
  ) {
    this.length = baseMs;
  }

  /** The current frame length in ms. */
  get frameMs(): number {
    return this.length;
  }

  /** Number of the current frame. */
  frame(now: number = this.time()): number {
    return Math.floor(now / this.frameMs);
  }

  /** Resolves when the next frame starts. */
  next(): Promise<void> {
    return new Promise((resolve) => this.onNext(resolve));
  }

  /**
   * Calls `cb` synchronously when the next frame starts, together with every other callback of
   * that frame (so streams pushing directly to their sockets write in one loop, see `LiveIterator`).
   */
  onNext(cb: () => void): void {
    this.waiters.push(cb);
    if (!this.timer) this.arm(this.time());
  }

  /** Reconsiders the frame length from the event loop's load since the last time. */
  private adapt(now: number): void {
    if (this.maxMs <= this.baseMs || now - this.adaptedAt < ADAPT_EVERY_MS) return;
    this.adaptedAt = now;
    const busy = this.load();
    if (busy >= 0.8) this.length = Math.min(this.maxMs, this.length * 2);
    else if (busy <= 0.5) this.length = Math.max(this.baseMs, this.length / 2);
  }

  private arm(now: number): void {
    this.adapt(now);
    this.armedIn = this.frame(now);
    const wait = (this.armedIn + 1) * this.frameMs - now;
    this.timer = setTimeout(() => this.release(), Math.max(1, Math.ceil(wait)));
    this.timer.unref();
  }

  private release(): void {
    const now = this.time();
    // timers run on the event loop's cached clock and may fire a little early
    if (this.frame(now) <= this.armedIn) {
      this.arm(now);
      return;
    }
    this.timer = null;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

const clocks = new Map<string, FrameClock>();

/** The process's clock for the configured frame length, or null when pacing is off (0). */
export function pacingClock(limits: SubscriptionLimits): FrameClock | null {
  if (limits.frameMs <= 0) return null;
  const id = `${limits.frameMs}:${limits.maxFrameMs}`;
  let clock = clocks.get(id);
  if (!clock) {
    clock = new FrameClock(limits.frameMs, limits.maxFrameMs);
    clocks.set(id, clock);
  }
  return clock;
}
