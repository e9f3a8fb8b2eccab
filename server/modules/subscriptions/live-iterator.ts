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
 */
export class LiveIterator<T> implements AsyncIterableIterator<T> {
  private sleeper: (() => void) | null = null;
  private signalled = false;
  private done = false;
  private readonly endHooks: (() => void)[] = [];

  constructor(
    private readonly produce: () => Promise<T | null | typeof END>,
    private readonly cleanup: () => void,
  ) {}

  /** Tells a sleeping `next()` that the source may have something. */
  readonly wake = (): void => {
    this.signalled = true;
    const s = this.sleeper;
    this.sleeper = null;
    s?.();
  };

  async next(): Promise<IteratorResult<T>> {
    while (!this.done) {
      this.signalled = false;
      const v = await this.produce();
      if (this.done) break;
      if (v === END) {
        this.finish();
        break;
      }
      if (v !== null) return { value: v, done: false };
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

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.cleanup();
    for (const hook of this.endHooks.splice(0)) hook();
    this.wake();
  }
}
