/** Sets `key` in `map`, dropping the oldest entry when `map` is full (insertion order). */
export function putBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

/** What a load gives: the value, and when it stops holding (a token's expiry), if ever. */
export interface Loaded<V> {
  value: V;
  until?: number;
}

/**
 * Values loaded on demand and kept for a while (app-scoped), for the auth checks: credential
 * verdicts and users' grants.
 *
 * @remarks Concurrent callers of one key share one load (a burst of requests with a credential
 * not yet cached pays one scrypt); a failed load is not kept; a load overtaken by
 * {@link LoadingCache.invalidate} is not kept either, since what it read may predate the change.
 * At most `max` keys; past it the oldest go first.
 */
export class LoadingCache<V> {
  private epoch = 0;
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(private readonly max: number) {}

  /** Counts the invalidations so far (a check can tell whether one happened since it read). */
  get changes(): number {
    return this.epoch;
  }

  /**
   * The value of `key`: kept, or loaded and then kept until the earlier of `ttlMs` from now and
   * the load's own `until`; with `ttlMs <= 0` every call loads.
   */
  get(key: string, ttlMs: number, load: () => Promise<Loaded<V>>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const loading = load();
    const value = loading.then((r) => r.value);
    if (ttlMs <= 0) return value;
    const epoch = this.epoch;
    const entry = { value, until: now + ttlMs };
    putBounded(this.entries, key, entry, this.max);
    loading.then(
      (r) => {
        if (this.entries.get(key) !== entry) return;
        if (this.epoch !== epoch) this.entries.delete(key);
        else if (r.until !== undefined) entry.until = Math.min(entry.until, r.until);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  /** Forgets `key`, or everything (null); loads under way are not kept. */
  invalidate(key: string | null): void {
    this.epoch++;
    if (key === null) this.entries.clear();
    else this.entries.delete(key);
  }
}
