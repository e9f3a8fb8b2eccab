import type { SubscriptionLimits } from '../../config.ts';

/**
 * Frames of a fixed length, aligned on the process clock and shared by every live stream, at whose
 * starts paced streams deliver during bursts (see `LiveIterator`).
 *
 * @remarks One timer serves every waiter of a frame, and subscribers released at the same frame
 * start take the same batches, so their coalesced events stay shared objects (executed and
 * serialised once).
 */
export class FrameClock {
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** The frame the timer was armed in; waiters are released once a later frame has started. */
  private armedIn = 0;

  constructor(
    /** Frame length in ms (> 0). */
    readonly frameMs: number,
  ) {}

  /** Number of the current frame. */
  frame(now: number = performance.now()): number {
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
    if (!this.timer) this.arm(performance.now());
  }

  private arm(now: number): void {
    this.armedIn = this.frame(now);
    const wait = (this.armedIn + 1) * this.frameMs - now;
    this.timer = setTimeout(() => this.release(), Math.max(1, Math.ceil(wait)));
    this.timer.unref();
  }

  private release(): void {
    const now = performance.now();
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

const clocks = new Map<number, FrameClock>();

/** The process's clock for the configured frame length, or null when pacing is off (0). */
export function pacingClock(limits: SubscriptionLimits): FrameClock | null {
  if (limits.frameMs <= 0) return null;
  let clock = clocks.get(limits.frameMs);
  if (!clock) {
    clock = new FrameClock(limits.frameMs);
    clocks.set(limits.frameMs, clock);
  }
  return clock;
}
