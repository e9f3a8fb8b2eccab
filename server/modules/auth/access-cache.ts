import { LoadingCache, putBounded } from './loading-cache.ts';
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
  private readonly grants = new LoadingCache<Grants>(MAX_USERS);
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
    return this.grants.changes;
  }

  /** `userId`'s grants, from the cache or from `load` (whose result is then kept). */
  grantsOf(userId: string, load: () => Promise<Grants>): Promise<Grants> {
    // not kept while changes made elsewhere could go unnoticed
    const ttl = this.live() ? this.ttlMs : 0;
    return this.grants.get(userId, ttl, async () => ({ value: await load() }));
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
    this.grants.invalidate(userId);
  }
}
