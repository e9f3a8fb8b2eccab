/** The buckets changed by one change of a live series hub, run by run. */
export type ChangedBuckets = Map<string, Set<number>>;

/** One change of a hub: a new bucket layout (`full`) or these buckets of these runs. */
interface HubChange {
  version: number;
  full: boolean;
  buckets: ChangedBuckets;
}

/** Changes kept before the oldest are merged (a stalled subscriber then gets a superset). */
const MAX_CHANGES = 256;

/** Adds `from`'s bucket indexes to `into`, run by run (copying sets, so `from` stays unshared). */
function addBuckets(into: ChangedBuckets, from: ReadonlyMap<string, ReadonlySet<number>>) {
  for (const [runId, set] of from) {
    const acc = into.get(runId);
    if (acc) for (const i of set) acc.add(i);
    else into.set(runId, new Set(set));
  }
}

/**
 * The log of a hub's changes after the oldest version a subscriber was served at, oldest first: what
 * a subscriber last served at some version needs is the union of the changes since.
 */
export class ChangeLog {
  private changes: HubChange[] = [];
  private sinceTrim = 0;

  /**
   * Adds a change; every 64 changes drops what every subscriber has been served (`oldestServed`),
   * and merges the oldest half past {@link MAX_CHANGES}.
   */
  add(version: number, full: boolean, buckets: ChangedBuckets, oldestServed: () => number): void {
    this.changes.push({ version, full, buckets });
    if (++this.sinceTrim >= 64) {
      this.sinceTrim = 0;
      const oldest = oldestServed();
      const keep = this.changes.findIndex((ch) => ch.version > oldest);
      this.changes = keep < 0 ? [] : this.changes.slice(keep);
    }
    if (this.changes.length > MAX_CHANGES) {
      const merged = this.changes.splice(0, MAX_CHANGES / 2);
      const into: HubChange = {
        version: merged[merged.length - 1]!.version,
        full: false,
        buckets: new Map(),
      };
      for (const ch of merged) {
        into.full ||= ch.full;
        addBuckets(into.buckets, ch.buckets);
      }
      this.changes.unshift(into);
    }
  }

  /** The buckets changed after version `since` (null: a full frame is needed). */
  since(since: number): ChangedBuckets | null {
    // a new subscriber; the log always reaches back to every attached subscriber's version
    if (since < 0) return null;
    const out: ChangedBuckets = new Map();
    for (const ch of this.changes) {
      if (ch.version <= since) continue;
      if (ch.full) return null;
      addBuckets(out, ch.buckets);
    }
    return out;
  }
}
