import type { FrameClock } from './frame-clock.ts';

/** Ends a live stream (returned by a producer). */
export const END = Symbol('end');

/** The terminal value of a stream whose subscriber fell too far behind. */
export class Lagged {
  constructor(
    /** The last sequence number delivered; resume with `afterSeq` set to it (null: no sequence). */
    readonly lastSeq: number | null,
  ) {}
}

/**
 * An async iterator over a live source that can be cancelled while it waits.
 *
 * @remarks `produce` returns a value to yield, `null` when nothing is ready (the iterator then
 * sleeps until `wake()`), or {@link END}. Unlike an async generator, `return()` ends a pending
 * `next()` at once, so a cancelled subscription is released without waiting for another event.
 *
 * With a `clock` (a source whose `produce` coalesces everything pending into one value), the
 * iterator paces bursts: when data committed less than a frame after the data it last served
 * arrives in the same frame as that delivery, it waits for the next frame start and serves it all
 * at once. A subscriber then gets at most one value per frame while commits come faster than
 * frames, and every value at once while they come slower (the commit times come with `wake`).
 */
export class LiveIterator<T> implements AsyncIterableIterator<T> {
  private sleeper: (() => void) | null = null;
  private signalled = false;
  private done = false;
  private readonly endHooks: (() => void)[] = [];
  /** Commit time of the first data woken for since the last delivery, and of the newest. */
  private pendingAt: number | null = null;
  private newestAt: number | null = null;
  /** Commit time of the newest data at the last delivery, and the frame it was made in. */
  private servedAt: number | null = null;
  private servedFrame = -1;
  /** Ends a wait for the next frame (cancellation, urgency). */
  private cancelFrameWait: (() => void) | null = null;
  /** Set by `urge`: serve without waiting for a frame until the next delivery. */
  private urgent = false;

  constructor(
    private readonly produce: () => Promise<T | null | typeof END>,
    private readonly cleanup: () => void,
    private readonly clock: FrameClock | null = null,
  ) {}

  /**
   * Tells a sleeping `next()` that the source may have something; `committedAt` (ms since the
   * epoch) is the commit time of new data, for pacing.
   */
  readonly wake = (committedAt: number | null = null): void => {
    if (committedAt !== null) {
      this.pendingAt ??= committedAt;
      if (this.newestAt === null || committedAt > this.newestAt) this.newestAt = committedAt;
    }
    this.signalled = true;
    const s = this.sleeper;
    this.sleeper = null;
    s?.();
  };

  /**
   * Tells the iterator to serve what is pending now, without waiting for the next frame (the
   * source's buffer is filling up: pacing must never make a subscriber lag).
   */
  readonly urge = (): void => {
    this.urgent = true;
    this.cancelFrameWait?.();
    this.wake();
  };

  async next(): Promise<IteratorResult<T>> {
    while (!this.done) {
      if (this.clock && this.inBurst(this.clock)) {
        const clock = this.clock;
        await new Promise<void>((resolve) => {
          this.cancelFrameWait = resolve;
          void clock.next().then(resolve);
        });
        this.cancelFrameWait = null;
        if (this.done) break;
      }
      this.signalled = false;
      const v = await this.produce();
      if (this.done) break;
      if (v === END) {
        this.finish();
        break;
      }
      if (v !== null) {
        this.served();
        return { value: v, done: false };
      }
      if (this.signalled) continue;
      await new Promise<void>((resolve) => {
        this.sleeper = resolve;
      });
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<T>> {
    this.finish();
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<T>> {
    this.finish();
    throw err;
  }

  /** Calls `hook` once when the stream ends (cancelled, finished or shut down). */
  onEnd(hook: () => void): void {
    if (this.done) hook();
    else this.endHooks.push(hook);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Whether pending data continues a burst within the frame of the last delivery. */
  private inBurst(clock: FrameClock): boolean {
    return (
      !this.urgent &&
      this.pendingAt !== null &&
      this.servedAt !== null &&
      this.pendingAt - this.servedAt < clock.frameMs &&
      clock.frame() === this.servedFrame
    );
  }

  private served(): void {
    if (this.clock) this.servedFrame = this.clock.frame();
    if (this.newestAt !== null) this.servedAt = this.newestAt;
    this.pendingAt = null;
    this.urgent = false;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.cleanup();
    for (const hook of this.endHooks.splice(0)) hook();
    this.cancelFrameWait?.();
    this.wake();
  }
}
