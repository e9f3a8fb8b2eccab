import { describe, expect, it } from 'vitest';
import type { SubscriptionLimits } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { EventBus } from '../../server/modules/subscriptions/event-bus.ts';
import type { MetricsBatch } from '../../server/modules/subscriptions/events.ts';
import type { RunHead } from '../../server/modules/subscriptions/metric-store.ts';
import type { BatchSource } from '../../server/modules/subscriptions/run-feed.ts';
import { RunFeeds } from '../../server/modules/subscriptions/run-feeds.ts';
import { RunTail } from '../../server/modules/subscriptions/run-tail.ts';

const RUN = 'r1';

/** A run's committed batches in memory, counting reads (what the feed asks of storage). */
class Storage implements BatchSource {
  readonly committed: MetricsBatch[] = [];
  reads = 0;
  heads = 0;

  async head(): Promise<RunHead> {
    this.heads++;
    return { lastSeq: this.committed.length, startTime: 0, experimentId: '0' };
  }

  async batches(
    _runId: string,
    after: number,
    upTo: number,
    keys: readonly string[] | null,
    limit: number,
  ): Promise<MetricsBatch[]> {
    this.reads++;
    return this.committed
      .filter((b) => b.seq > after && b.seq <= upTo)
      .map((b) => ({
        ...b,
        committedAt: null,
        series: b.series.filter((s) => !keys || keys.includes(s.key)),
      }))
      .filter((b) => b.series.length > 0)
      .slice(0, limit);
  }

  /** Commits the next batch with `points` points of `key`; returns it (not yet published). */
  commit(points = 1, key = 'loss'): MetricsBatch {
    const seq = this.committed.length + 1;
    const steps = Array.from({ length: points }, (_, i) => seq * 1000 + i);
    const b: MetricsBatch = {
      runId: RUN,
      seq,
      committedAt: seq,
      series: [{ key, steps, timestamps: steps, values: steps }],
    };
    this.committed.push(b);
    return b;
  }
}

const limits: SubscriptionLimits = {
  maxBufferedPoints: 1000,
  maxBufferedEvents: 20,
  maxEventPoints: 10_000,
  gapWaitMs: 5,
  frameMs: 16,
  maxFrameMs: 16,
};

function setup(l: SubscriptionLimits = limits) {
  const bus = EventBus.local(createLogger('silent'));
  const storage = new Storage();
  const feeds = new RunFeeds(bus, storage, l);
  /** Commits and publishes a batch. */
  const log = (points = 1, key = 'loss') =>
    bus.publish('metrics', RUN, storage.commit(points, key));
  return { bus, storage, feeds, log };
}

/** A tail that counts its wakes. */
function tail(feeds: RunFeeds, keys: string[] | null = null) {
  const counts = { wakes: 0, urges: 0 };
  const t = new RunTail(
    RUN,
    keys,
    feeds,
    () => counts.wakes++,
    () => counts.urges++,
  );
  return { t, counts };
}

const seqs = (t: RunTail) => t.take(Number.POSITIVE_INFINITY).batches.map((b) => b.seq);

describe('RunFeed: one shared feed per run', () => {
  it('serves every tail from one bus listener and one head read, and wakes only sleeping tails', async () => {
    const { storage, feeds, log, bus } = setup();
    const a = tail(feeds);
    const b = tail(feeds);
    await Promise.all([a.t.open(null), b.t.open(null)]);
    expect(feeds.size).toBe(1);
    expect(storage.heads).toBe(1);
    log();
    expect([a.counts.wakes, b.counts.wakes]).toEqual([1, 1]);
    // a is held (it has not taken its batch): the next batches do not wake it again
    expect(seqs(b.t)).toEqual([1]);
    log();
    log();
    expect([a.counts.wakes, b.counts.wakes]).toEqual([1, 2]);
    expect(seqs(a.t)).toEqual([1, 2, 3]);
    expect(seqs(b.t)).toEqual([2, 3]);
    a.t.close();
    b.t.close();
    expect(feeds.size).toBe(0);
    expect(bus.wants('metrics', RUN)).toBe(false);
  });

  it('holds batches only until every tail has taken them', async () => {
    const { feeds, log } = setup({
      ...limits,
      maxBufferedEvents: 1000,
      maxBufferedPoints: 100_000,
    });
    const a = tail(feeds);
    const b = tail(feeds);
    await a.t.open(null);
    await b.t.open(null);
    const feed = feeds.feed(RUN)!;
    for (let i = 0; i < 70; i++) {
      log();
      a.t.take(Number.POSITIVE_INFINITY);
    }
    // b took nothing: everything since it joined is held for it
    expect(feed.held).toBe(70);
    expect(seqs(b.t)).toHaveLength(70);
    for (let i = 0; i < 64; i++) {
      log();
      a.t.take(Number.POSITIVE_INFINITY);
      b.t.take(Number.POSITIVE_INFINITY);
    }
    // let go of lazily: at most one trimming period (64 batches) after both took them
    expect(feed.held).toBeLessThan(64);
    expect(seqs(b.t)).toEqual([]);
  });

  it('cuts off a tail past the bounds with the last seq it was handed, and lets go of its batches', async () => {
    const { feeds, log } = setup();
    const slow = tail(feeds);
    const fast = tail(feeds);
    await slow.t.open(null);
    await fast.t.open(null);
    log();
    expect(seqs(slow.t)).toEqual([1]);
    for (let i = 0; i < 12; i++) {
      log();
      fast.t.take(Number.POSITIVE_INFINITY);
    }
    expect(slow.counts.urges).toBeGreaterThan(0);
    expect(slow.t.lagged).toBeNull();
    for (let i = 0; i < 9; i++) {
      log();
      fast.t.take(Number.POSITIVE_INFINITY);
    }
    expect(slow.t.lagged).toBe(1);
    // only the batch `fast` has not taken yet is still held
    expect(feeds.feed(RUN)!.held).toBe(1);
    log();
    expect(seqs(fast.t)).toEqual([23]);
    // points count too: one 600-point batch is past half of 1000, two are past the bound
    log(600);
    expect(fast.counts.urges).toBe(1);
    log(600);
    expect(fast.t.lagged).toBe(23);
  });

  it('resumes from memory while the feed holds the place, from storage before it, gapless either way', async () => {
    const { storage, feeds, log } = setup();
    for (let i = 0; i < 5; i++) storage.commit();
    const holder = tail(feeds);
    await holder.t.open(null);
    for (let i = 0; i < 5; i++) log();
    // seq 5 is in storage only; 6..10 are held by the feed for `holder`
    const inWindow = tail(feeds);
    await inWindow.t.open(7);
    expect(inWindow.t.replaying).toBe(false);
    expect(seqs(inWindow.t)).toEqual([8, 9, 10]);
    expect(storage.reads).toBe(0);
    const before = tail(feeds);
    const head = await before.t.open(2);
    expect(head.lastSeq).toBe(5);
    const replayed: number[] = [];
    while (before.t.replaying)
      replayed.push(...(await before.t.replayPage()).batches.map((b) => b.seq));
    log();
    expect([...replayed, ...seqs(before.t)]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(storage.reads).toBe(1);
  });

  it('gives tails with the same keys the same filtered batch objects', async () => {
    const { feeds, bus, storage } = setup();
    const a = tail(feeds, ['acc']);
    const b = tail(feeds, ['acc']);
    const all = tail(feeds);
    await Promise.all([a.t.open(null), b.t.open(null), all.t.open(null)]);
    const batch = storage.commit(2, 'loss');
    batch.series.push({ key: 'acc', steps: [1], timestamps: [1], values: [0.5] });
    bus.publish('metrics', RUN, batch);
    const [fromA] = a.t.take(100).batches;
    const [fromB] = b.t.take(100).batches;
    expect(fromA!.series.map((s) => s.key)).toEqual(['acc']);
    expect(fromB).toBe(fromA);
    expect(all.t.take(100).batches[0]).toBe(batch);
  });

  it('fills a gap from storage once for every tail, and skips numbers a tail already has', async () => {
    const { storage, feeds, bus } = setup();
    const a = tail(feeds);
    const b = tail(feeds);
    await a.t.open(null);
    await b.t.open(3);
    const one = storage.commit();
    storage.commit();
    const three = storage.commit();
    const four = storage.commit();
    bus.publish('metrics', RUN, one);
    bus.publish('metrics', RUN, three);
    bus.publish('metrics', RUN, four);
    expect(seqs(a.t)).toEqual([1]);
    await expect.poll(() => a.t.ready).toBe(true);
    expect(storage.reads).toBe(1);
    expect(seqs(a.t)).toEqual([2, 3, 4]);
    expect(seqs(b.t)).toEqual([4]);
  });

  it('reports an unknown run to every joiner and keeps no feed', async () => {
    const bus = EventBus.local(createLogger('silent'));
    const missing: BatchSource = {
      head: async () => {
        throw new Error('Run with id=r1 not found');
      },
      batches: async () => [],
    };
    const feeds = new RunFeeds(bus, missing, limits);
    await expect(tail(feeds).t.open(null)).rejects.toThrow('not found');
    await expect(tail(feeds).t.open(null)).rejects.toThrow('not found');
    expect(feeds.size).toBe(0);
    expect(bus.wants('metrics', RUN)).toBe(false);
  });

  it('catches up from storage after live events were interrupted, with no later batch to reveal the gap', async () => {
    const { storage, feeds, log, bus } = setup();
    const a = tail(feeds);
    await a.t.open(null);
    log();
    expect(seqs(a.t)).toEqual([1]);
    // committed while the bus was down: never published
    storage.commit(2);
    storage.commit(3);
    const reads = storage.reads;
    await feeds.feed(RUN)!.catchUp();
    expect(storage.reads).toBe(reads + 1);
    expect(a.counts.wakes).toBe(2);
    // a late duplicate of a caught-up batch is ignored; the next live one follows in order
    bus.publish('metrics', RUN, storage.committed[2]!);
    log();
    expect(seqs(a.t)).toEqual([2, 3, 4]);
    a.t.close();
  });
});
