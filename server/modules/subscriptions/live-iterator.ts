import type { FrameClock } from './frame-clock.ts';
import { END, type Produced } from './lagged.ts';
import { cancelPump, pumpSoon } from './pump-batch.ts';

/**
 * Writes a value straight to the subscriber's connection and returns true, or returns false when it
 * cannot (the value then goes out through `next()`).
 */
export type Sink<T> = (value: T) => boolean;

/**
 * An async iterator over a live source that can be cancelled while it waits.
 *
 * @remarks `produce` returns a value to yield, `null` when nothing is ready (the iterator then
 * sleeps until `wake()`), or {@link END}; or a promise of one when it must read first. Unlike an
 * async generator, `return()` ends a pending `next()` at once, so a cancelled subscription is
 * released without waiting for another event.
 *
 * With a `clock` (a source whose `produce` coalesces everything pending into one value), the
 * iterator paces bursts: when data committed less than a frame after the data it last served
 * arrives in the same frame as that delivery, it waits for the next frame start and serves it all
 * at once. A subscriber then gets at most one value per frame while commits come faster than
 * frames, and every value at once while they come slower (the commit times come with `wake`).
 *
 * With a {@link Sink} attached (a WebSocket subscriber, see shared-execution.ts), values that are
 * ready while a `next()` waits are pushed through the sink instead of resolving it: every iterator
 * woken by one commit is served in one loop (a `setImmediate` after the commit's publication), and
 * every iterator held for a frame in one loop at the frame start, each write straight to its
 * socket. The consumer's `next()` stays pending meanwhile, so nothing it sends can interleave; a
 * value the sink refuses (an error, a socket whose buffer is full) resolves it as without a sink.
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
  /** Push mode: the sink, whether a `next()` waits for it, and what resumes that `next()`. */
  private sink: Sink<T> | null = null;
  private waiting = false;
  private resumer: (() => void) | null = null;
  /** Push mode: a value the sink refused, or a read in flight, for the waiting `next()`. */
  private handed: { value: T } | null = null;
  private inflight: Promise<Produced<T>> | null = null;
  /** Push mode: a frame-start callback is registered. */
  private tickArmed = false;
  /** Push mode: what a producer or the sink threw while pushing, for the waiting `next()`. */
  private failure: { error: unknown } | null = null;
  /** Set by `interrupt`: the last value, delivered before the end. */
  private terminal: { value: T } | null = null;

  constructor(
    private readonly produce: () => Produced<T> | Promise<Produced<T>>,
    private readonly cleanup: () => void,
    private readonly clock: FrameClock | null = null,
  ) {}

  /**
   * Tells a sleeping `next()` that the source may have something; `committedAt` (ms since the
   * epoch) is the commit time of new data, for pacing.
   */
  readonly wake = (committedAt: number | null = null): void => {
    this.note(committedAt);
    this.signalled = true;
    if (this.waiting) {
      pumpSoon(this);
      return;
    }
    const s = this.sleeper;
    this.sleeper = null;
    s?.();
  };

  /**
   * Records the commit time of data the producer is taking (for pacing), without waking: a source
   * that wakes only sleeping iterators reports what it served this way.
   */
  note(committedAt: number | null): void {
    if (committedAt === null) return;
    this.pendingAt ??= committedAt;
    if (this.newestAt === null || committedAt > this.newestAt) this.newestAt = committedAt;
  }

  /**
   * Tells the iterator to serve what is pending now, without waiting for the next frame (the
   * source's buffer is filling up: pacing must never make a subscriber lag).
   */
  readonly urge = (): void => {
    this.urgent = true;
    this.cancelFrameWait?.();
    this.wake();
  };

  /** Pushes values through `sink` from now on (call before the first `next()`). */
  attachSink(sink: Sink<T>): void {
    this.sink = sink;
  }

  /**
   * The next value. A producer or sink that throws ends the stream (its cleanup runs) and the
   * error rejects this call, which the transport reports to the subscriber.
   */
  async next(): Promise<IteratorResult<T>> {
    try {
      return await this.advance();
    } catch (err) {
      this.finish();
      throw err;
    }
  }

  private async advance(): Promise<IteratorResult<T>> {
    while (!this.done) {
      if (this.failure) throw this.failure.error;
      if (this.handed) {
        const { value } = this.handed;
        this.handed = null;
        this.served();
        return { value, done: false };
      }
      let produced: Produced<T> | Promise<Produced<T>>;
      if (this.inflight) {
        produced = this.inflight;
        this.inflight = null;
      } else if (this.sink) {
        await this.awaitPush();
        continue;
      } else {
        if (this.clock && this.inBurst(this.clock)) await this.frameStart(this.clock);
        if (this.done) break;
        this.signalled = false;
        produced = this.produce();
      }
      const v = produced instanceof Promise ? await produced : produced;
      if (this.done) break;
      if (v === END) {
        this.finish();
        break;
      }
      if (v !== null) {
        this.served();
        return { value: v, done: false };
      }
      if (this.signalled || this.sink) continue;
      await new Promise<void>((resolve) => {
        this.sleeper = resolve;
      });
    }
    const terminal = this.terminal;
    this.terminal = null;
    return terminal ? { value: terminal.value, done: false } : { value: undefined, done: true };
  }

  /**
   * Ends the stream now (its source is released at once, nothing more is produced) with `value`
   * as the last value a waiting or next `next()` gets.
   */
  interrupt(value: T): void {
    if (this.done) return;
    this.terminal = { value };
    this.finish();
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

  /**
   * Push mode: while a `next()` waits, writes what is ready through the sink, until nothing is,
   * the frame holds it, or a value or a read must go to that `next()`.
   *
   * @internal Called by the iterator itself, the flush after a commit and the frame clock.
   */
  pump(): void {
    try {
      this.pushReady();
    } catch (error) {
      // thrown outside any `next()` (a flush, a frame start): it goes to the waiting one
      this.failure = { error };
      this.resume();
    }
  }

  private pushReady(): void {
    const sink = this.sink;
    while (sink && this.waiting && !this.done) {
      if (this.clock && this.inBurst(this.clock)) {
        this.armTick(this.clock);
        return;
      }
      this.signalled = false;
      const v = this.produce();
      if (v === null) return;
      if (v === END) {
        this.finish();
        return;
      }
      if (v instanceof Promise) this.inflight = v;
      else if (!sink(v)) this.handed = { value: v };
      else {
        this.served();
        continue;
      }
      this.resume();
      return;
    }
  }

  /** Push mode: serves what is ready, then waits until a value or a read is handed over. */
  private async awaitPush(): Promise<void> {
    this.waiting = true;
    this.pump();
    if (!this.waiting) return;
    await new Promise<void>((resolve) => {
      this.resumer = resolve;
    });
  }

  /** Push mode: hands control back to the waiting `next()`. */
  private resume(): void {
    this.waiting = false;
    const r = this.resumer;
    this.resumer = null;
    r?.();
  }

  private armTick(clock: FrameClock): void {
    if (this.tickArmed) return;
    this.tickArmed = true;
    clock.onNext(() => {
      this.tickArmed = false;
      this.pump();
    });
  }

  /** Waits for the next frame start, or for cancellation or urgency. */
  private async frameStart(clock: FrameClock): Promise<void> {
    await new Promise<void>((resolve) => {
      this.cancelFrameWait = resolve;
      clock.onNext(resolve);
    });
    this.cancelFrameWait = null;
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
    cancelPump(this);
    this.cleanup();
    for (const hook of this.endHooks.splice(0)) hook();
    this.cancelFrameWait?.();
    this.resume();
    this.wake();
  }
}
