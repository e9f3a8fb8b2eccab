import { TrackingError } from './errors.ts';

/** How a retried call waits between attempts. */
export interface BackoffOptions {
  /** Retries after the first attempt (`Infinity` for no limit). */
  retries: number;
  /** Cap of the first delay in ms; the cap doubles per attempt. */
  baseMs: number;
  /** Largest cap in ms. */
  maxMs: number;
  /** Stops waiting (and retrying) when aborted. */
  signal?: AbortSignal;
  /** Called before each wait with the failure, the retry number (from 1) and the delay chosen. */
  onRetry?: (error: TrackingError, retry: number, delayMs: number) => void;
}

/**
 * The delay before retry number `attempt + 1`: "full jitter", a uniform random time between 0 and
 * `min(maxMs, baseMs * 2^attempt)`.
 *
 * @remarks Full jitter spreads clients that failed together (a server restart) over the whole
 * window, so they do not come back in lockstep.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.random() * cap;
}

/** Resolves after `ms`, or at once when `signal` aborts (it never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Wraps anything thrown into a {@link TrackingError}: unknown failures count as `network`. */
export function asTrackingError(e: unknown): TrackingError {
  if (e instanceof TrackingError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new TrackingError('network', `[Network] ${message}`, { cause: e });
}

/**
 * Calls `fn` until it succeeds, retrying {@link TrackingError.retryable} failures with
 * {@link backoffDelay}; the client's one retry loop for batches, artifacts and queries.
 *
 * @remarks Anything `fn` throws that is not a `TrackingError` is wrapped as a `network` one.
 * Permanent failures (domain, GraphQL, 4xx) and the last transient one are thrown as they are.
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: BackoffOptions,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      const error = asTrackingError(e);
      if (!error.retryable || attempt >= options.retries || options.signal?.aborted) throw error;
      const delay = backoffDelay(attempt, options.baseMs, options.maxMs);
      options.onRetry?.(error, attempt + 1, delay);
      await sleep(delay, options.signal);
    }
  }
}
