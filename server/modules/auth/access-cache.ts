import type { Permission } from './permission.entity.ts';

/** A user's grants: experiment id -> level, logged model id -> level. */
export interface Grants {
  experiments: Map<string, Permission>;
  models: Map<string, Permission>;
}

/** Objects addressed by their own id whose experiment decides who may reach them. */
export type OwnerKind = 'runs' | 'logged_models' | 'trace_info';

/** Users whose grants are kept at most; past it the oldest go first. */
const MAX_USERS = 10_000;
/** Owners kept at most per kind; past it the oldest go first. */
const MAX_OWNERS = 50_000;

/** Sets `key` in `map`, dropping the oldest entry when `map` is full (insertion order). */
function putBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

/**
 * What the permission checks need, kept across requests (app-scoped): each user's grants and the
 * experiment each run, logged model and trace belongs to.
 *
 * @remarks Owners never change (a run, model or trace stays in the experiment it was created in),
 * so they are kept until pushed out by newer ones. Grants are kept for `ttlMs` at most and dropped
 * at once by {@link AccessCache.invalidate}, which every grant change calls on this instance and,
 * through PostgreSQL NOTIFY (auth-notify.ts), on every other instance of the deployment. While
 * that listener is not connected (`live()` false) grants are not kept at all: every request reads
 * them, so a change made elsewhere is never missed. A read that started before an invalidation is
 * never stored (epoch check), so a stale read cannot outlive the change that made it stale.
 */
export class AccessCache {
  private epoch = 0;
  private readonly grants = new Map<string, { load: Promise<Grants>; until: number }>();
  private readonly owners: Record<OwnerKind, Map<string, string>> = {
    runs: new Map(),
    logged_models: new Map(),
    trace_info: new Map(),
  };

  constructor(
    /** How long grants are trusted without a change notice (the backstop bound). */
    private readonly ttlMs: number,
    /** Whether changes made on other instances reach this one (the NOTIFY listener is up). */
    private readonly live: () => boolean,
  ) {}

  /** Counts the changes applied so far (a check can tell whether one happened since it read). */
  get changes(): number {
    return this.epoch;
  }

  /** `userId`'s grants, from the cache or from `load` (whose result is then kept). */
  grantsOf(userId: string, load: () => Promise<Grants>): Promise<Grants> {
    const now = Date.now();
    const hit = this.grants.get(userId);
    if (hit && hit.until > now) return hit.load;
    if (this.ttlMs <= 0 || !this.live()) return load();
    const epoch = this.epoch;
    const pending = load();
    const entry = { load: pending, until: now + this.ttlMs };
    putBounded(this.grants, userId, entry, MAX_USERS);
    pending.then(
      () => {
        // a change arrived while reading: what was read may predate it
        if (this.epoch !== epoch && this.grants.get(userId) === entry) this.grants.delete(userId);
      },
      () => {
        if (this.grants.get(userId) === entry) this.grants.delete(userId);
      },
    );
    return pending;
  }

  /** The experiment of a run, logged model or trace, if known. */
  owner(kind: OwnerKind, id: string): string | undefined {
    return this.owners[kind].get(id);
  }

  /** Records the experiment of a run, logged model or trace. */
  setOwner(kind: OwnerKind, id: string, experimentId: string): void {
    putBounded(this.owners[kind], id, experimentId, MAX_OWNERS);
  }

  /** Forgets the grants of `userId`, or of everyone (null). */
  invalidate(userId: string | null): void {
    this.epoch++;
    if (userId === null) this.grants.clear();
    else this.grants.delete(userId);
  }
}
