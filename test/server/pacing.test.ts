import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { bucketize } from '../../server/modules/metrics/buckets.ts';
import { eventLoopLoad, FrameClock } from '../../server/modules/subscriptions/frame-clock.ts';
import { LiveIterator } from '../../server/modules/subscriptions/live-iterator.ts';
import type { LiveSeriesSubscription } from '../gql/graphql.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { type Stream, sseSubscribe, wsSubscribe } from '../helpers/streams.ts';
import { LiveSeriesSub, MetricsLogged } from '../helpers/subscription-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** A frame clock driven by the test: `now` in ms, frames released by `advanceTo`. */
class ManualClock extends FrameClock {
  now = 0;
  private waiting: (() => void)[] = [];

  override frame(): number {
    return Math.floor(this.now / this.frameMs);
  }

  override onNext(cb: () => void): void {
    this.waiting.push(cb);
  }

  advanceTo(now: number): void {
    this.now = now;
    for (const w of this.waiting.splice(0)) w();
  }
}

/** A coalescing source: `produce` hands over everything queued as one value. */
function source(clock: ManualClock) {
  const queue: string[] = [];
  const it = new LiveIterator<string[]>(
    () => (queue.length > 0 ? queue.splice(0) : null),
    () => {},
    clock,
  );
  return {
    it,
    /** Commits `item` at the clock's current time. */
    commit(item: string) {
      queue.push(item);
      it.wake(clock.now);
    },
  };
}

/**
 * The value of `p` if it settled within a few turns of the event loop (microtasks and the
 * `setImmediate` flushes of `LiveIterator`), else 'pending'. No clock: a loaded machine that pauses
 * the process cannot make a ready value look pending.
 */
async function settled<T>(p: Promise<T>): Promise<T | 'pending'> {
  let out: { value: T } | null = null;
  let failed: { error: unknown } | null = null;
  p.then(
    (value) => {
      out = { value };
    },
    (error: unknown) => {
      failed = { error };
    },
  );
  for (let turn = 0; turn < 10 && !out && !failed; turn++) {
    await new Promise((r) => setImmediate(r));
  }
  if (failed) throw (failed as { error: unknown }).error;
  return out ? (out as { value: T }).value : 'pending';
}

describe('frame length under load (FrameClock)', () => {
  /** A frame clock on a time the test moves, with the load it reports set by the test. */
  const driven = (baseMs: number, maxMs: number, load: () => number) => {
    let now = 1_000_000;
    const clock = new FrameClock(baseMs, maxMs, load, () => now);
    /** Moves past the 250 ms between two looks at the load, waits for the next frame start. */
    const nextLook = async () => {
      now += 260;
      const started = clock.next();
      // the timer fires in real time; the frame it finds started is the driven one
      now += clock.frameMs;
      await started;
      return clock.frameMs;
    };
    return { clock, nextLook };
  };

  it('doubles the frame while the event loop is at least 80 % busy, up to the maximum, and halves it back', async () => {
    let busy = 0.9;
    const { clock, nextLook } = driven(10, 40, () => busy);
    expect(clock.frameMs).toBe(10);
    expect(await nextLook()).toBe(20);
    expect(await nextLook()).toBe(40);
    expect(await nextLook()).toBe(40);
    busy = 0.6;
    expect(await nextLook()).toBe(40);
    busy = 0.3;
    expect(await nextLook()).toBe(20);
    expect(await nextLook()).toBe(10);
    expect(await nextLook()).toBe(10);
  });

  it('never changes the frame when the maximum is not above the base', async () => {
    const { nextLook } = driven(10, 10, () => 1);
    expect(await nextLook()).toBe(10);
  });

  it('measures the event loop: busy while it spins, idle while it waits', async () => {
    const gauge = eventLoopLoad();
    const until = performance.now() + 60;
    while (performance.now() < until);
    expect(gauge()).toBeGreaterThan(0.8);
    // idle: other work of this process (another test's server, GC) can keep a window busy on a
    // loaded machine, so some window among a few must read idle, not necessarily the first
    const idle: number[] = [];
    for (let i = 0; i < 10 && !(idle.at(-1)! < 0.5); i++) {
      await new Promise((r) => setTimeout(r, 60));
      idle.push(gauge());
    }
    expect(Math.min(...idle)).toBeLessThan(0.5);
  });
});

describe('pacing of live streams (LiveIterator with a frame clock)', () => {
  it('serves sparse commits at once and coalesces a burst to one value per frame', async () => {
    const clock = new ManualClock(100);
    const { it: stream, commit } = source(clock);
    clock.now = 5;
    commit('a');
    expect(await settled(stream.next())).toEqual({ value: ['a'], done: false });

    // commits 10 and 20 ms after the last one served, in its frame: held to the next frame start
    clock.now = 15;
    commit('b');
    const held = stream.next();
    expect(await settled(held)).toBe('pending');
    clock.now = 25;
    commit('c');
    expect(await settled(held)).toBe('pending');
    clock.advanceTo(100);
    expect(await held).toEqual({ value: ['b', 'c'], done: false });

    // a later frame: served at once, though the last value was served less than a frame ago
    clock.now = 230;
    commit('d');
    expect(await settled(stream.next())).toEqual({ value: ['d'], done: false });

    // another burst, then data committed a frame or more after the data last served: not a burst,
    // served at once even in the frame of the last delivery
    clock.now = 290;
    commit('e');
    const late = stream.next();
    expect(await settled(late)).toBe('pending');
    clock.advanceTo(300);
    expect(await late).toEqual({ value: ['e'], done: false });
    clock.now = 395;
    commit('f');
    expect(await settled(stream.next())).toEqual({ value: ['f'], done: false });
  });

  it('serves a held burst at once when urged (its buffer is filling up)', async () => {
    const clock = new ManualClock(100);
    const { it: stream, commit } = source(clock);
    commit('a');
    await stream.next();
    commit('b');
    const held = stream.next();
    expect(await settled(held)).toBe('pending');
    stream.urge();
    expect(await settled(held)).toEqual({ value: ['b'], done: false });
    // urgency lasts until that delivery: the next burst waits for its frame again
    commit('c');
    expect(await settled(stream.next())).toBe('pending');
  });

  it('ends a stream waiting for its frame at once when it is cancelled', async () => {
    const clock = new ManualClock(100);
    const { it: stream, commit } = source(clock);
    commit('a');
    await stream.next();
    commit('b');
    const held = stream.next();
    expect(await settled(held)).toBe('pending');
    await stream.return();
    expect(await held).toEqual({ value: undefined, done: true });
  });
});

/** A source with a sink attached: what it pushes, and whether it refuses (a backed-up socket). */
function pushing(clock: ManualClock) {
  const src = source(clock);
  const pushed: string[][] = [];
  let refuse = false;
  src.it.attachSink((v) => {
    if (refuse) return false;
    pushed.push(v);
    return true;
  });
  return {
    ...src,
    pushed,
    refuse(on: boolean) {
      refuse = on;
    },
  };
}

/** Lets the flush after a commit (a `setImmediate`) run. */
const flushed = () => new Promise((r) => setImmediate(r));

describe('push delivery (LiveIterator with a sink)', () => {
  it('pushes what is ready while next() waits, and hands a refused value to next()', async () => {
    const clock = new ManualClock(100);
    const s = pushing(clock);
    const waiting = s.it.next();
    s.commit('a');
    expect(s.pushed).toEqual([]);
    await flushed();
    expect(s.pushed).toEqual([['a']]);
    // a later frame: pushed at once again, and next() is still waiting
    clock.now = 150;
    s.commit('b');
    await flushed();
    expect(s.pushed).toEqual([['a'], ['b']]);
    expect(await settled(waiting)).toBe('pending');
    // refused (the socket's buffer is full): the value resolves next() instead
    clock.now = 300;
    s.refuse(true);
    s.commit('c');
    expect(await waiting).toEqual({ value: ['c'], done: false });
    s.refuse(false);
    // pushing resumes with the next call
    const again = s.it.next();
    clock.now = 450;
    s.commit('d');
    await flushed();
    expect(s.pushed).toEqual([['a'], ['b'], ['d']]);
    await s.it.return();
    expect(await again).toEqual({ value: undefined, done: true });
  });

  it('pushes held bursts of every stream in one loop at the frame start', async () => {
    const clock = new ManualClock(100);
    const streams = [pushing(clock), pushing(clock), pushing(clock)];
    for (const s of streams) {
      void s.it.next();
      s.commit('a');
    }
    await flushed();
    clock.now = 10;
    for (const s of streams) s.commit('b');
    clock.now = 20;
    for (const s of streams) s.commit('c');
    await flushed();
    for (const s of streams) expect(s.pushed).toEqual([['a']]);
    // the frame start pushes synchronously, before anything else runs
    clock.advanceTo(100);
    for (const s of streams) expect(s.pushed).toEqual([['a'], ['b', 'c']]);
  });

  it('pushes a held burst at once when urged, and ends at once when cancelled', async () => {
    const clock = new ManualClock(100);
    const s = pushing(clock);
    const waiting = s.it.next();
    s.commit('a');
    await flushed();
    s.commit('b');
    await flushed();
    expect(s.pushed).toEqual([['a']]);
    s.it.urge();
    await flushed();
    expect(s.pushed).toEqual([['a'], ['b']]);
    s.commit('c');
    await s.it.return();
    clock.advanceTo(100);
    await flushed();
    expect(s.pushed).toEqual([['a'], ['b']]);
    expect(await waiting).toEqual({ value: undefined, done: true });
  });

  it('ends the stream and rejects next() when the producer or the sink throws', async () => {
    for (const failing of ['producer', 'sink', 'pull'] as const) {
      const clock = new ManualClock(100);
      let calls = 0;
      const it = new LiveIterator<string>(
        () => {
          calls++;
          if (calls === 1) return null;
          if (failing === 'producer' || failing === 'pull') throw new Error(`${failing} failed`);
          return 'v';
        },
        () => {},
        clock,
      );
      if (failing !== 'pull')
        it.attachSink(() => {
          if (failing === 'sink') throw new Error('sink failed');
          return true;
        });
      let ended = false;
      it.onEnd(() => {
        ended = true;
      });
      const rejected = expect(it.next()).rejects.toThrow(`${failing} failed`);
      it.wake(0);
      await flushed();
      await rejected;
      expect(ended).toBe(true);
      expect(await it.next()).toEqual({ value: undefined, done: true });
    }
  });

  it('hands a read in flight (replay) to next(), then pushes again', async () => {
    const clock = new ManualClock(100);
    let stored: string[] | null = ['stored'];
    const live: string[] = [];
    const pushed: string[][] = [];
    const it = new LiveIterator<string[]>(
      () => {
        if (stored) {
          const page = stored;
          stored = null;
          return Promise.resolve(page);
        }
        return live.length > 0 ? live.splice(0) : null;
      },
      () => {},
      clock,
    );
    it.attachSink((v) => pushed.push(v) > 0);
    expect(await it.next()).toEqual({ value: ['stored'], done: false });
    const waiting = it.next();
    clock.now = 500;
    live.push('live');
    it.wake(clock.now);
    await flushed();
    expect(pushed).toEqual([['live']]);
    expect(await settled(waiting)).toBe('pending');
    await it.return();
  });
});

let t: TestApp;
let exp: string;
beforeAll(async () => {
  // long frames (1 s), so that back-to-back batches share frames even on a loaded machine
  const subscriptions = { ...loadConfig({}).subscriptions, frameMs: 1000 };
  t = await createTestApp({ config: { subscriptions } });
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

const BATCHES = 12;

type Bucket = LiveSeriesSubscription['liveSeries']['runs'][number]['buckets'][number];

/** What a bucket says apart from timestamps (the server stamped the points). */
const view = (b: {
  index: number;
  count: number;
  minStep: unknown;
  maxStep: unknown;
  min?: unknown;
  max?: unknown;
  last: { step: unknown; value: unknown };
}) => ({
  index: b.index,
  count: b.count,
  minStep: b.minStep,
  maxStep: b.maxStep,
  min: b.min,
  max: b.max,
  last: { step: b.last.step, value: b.last.value },
});

/** Logs batches `from` to `to` (excluded) of the burst, one after another. */
async function logBurst(runId: string, from = 0, to = BATCHES) {
  for (let b = from; b < to; b++) {
    const steps = [2 * b, 2 * b + 1];
    await t.execute(LogBatch, {
      input: { runId, metrics: [{ key: 'loss', steps, values: steps.map((s) => s * 3) }] },
    });
  }
}

/** Subscribes over SSE (yoga.fetch) or WebSocket (graphql-ws on a listening server). */
async function subscribeOver<R, V>(
  transport: 'SSE' | 'WebSocket',
  doc: TypedDocumentNode<R, V>,
  variables: V,
): Promise<Stream<R>> {
  if (transport === 'SSE')
    return sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', doc, variables);
  return wsSubscribe(await t.listen(), doc, variables);
}

describe.each(['SSE', 'WebSocket'] as const)(
  'pacing through the schema (frames of 1 s, %s)',
  (transport) => {
    it('metricsLogged: a burst arrives as few coalesced events, gapless and in order', async () => {
      const run = await seedRun(t, exp);
      // from seq 0 on, live or replayed: a WebSocket's `ready` does not mean subscribed yet
      const s = await subscribeOver(transport, MetricsLogged, { runId: run, afterSeq: 0 });
      await logBurst(run, 0, 1);
      const events = [(await s.next()).data!.metricsLogged];
      await logBurst(run, 1, BATCHES);
      for (let seq = 1; seq < BATCHES; ) {
        const r = await s.next();
        expect(r.errors).toBeUndefined();
        const e = r.data!.metricsLogged;
        expect(e.fromSeq).toBe(seq + 1);
        seq = e.seq;
        events.push(e);
      }
      // the first batch is served at once, the rest of the burst in as many frames as it spans
      expect(events[0]).toMatchObject({ fromSeq: 1, seq: 1 });
      expect(events.length).toBeLessThan(BATCHES);
      const steps = events.flatMap((e) => e.metrics[0]!.steps as number[]);
      expect(steps).toEqual(Array.from({ length: 2 * BATCHES }, (_, i) => i));
      expect(events.flatMap((e) => e.metrics[0]!.values)).toEqual(steps.map((x) => x * 3));
      await s.close();
    });

    it('liveSeries: a burst arrives as few frames whose buckets end equal to bucketize', async () => {
      const run = await seedRun(t, exp);
      const s = await subscribeOver(transport, LiveSeriesSub, {
        runIds: [run],
        key: 'loss',
        buckets: 6,
        range: { start: 0, end: 2 * BATCHES - 1 },
      });
      const first = await s.next();
      expect(first.data!.liveSeries.full).toBe(true);
      await logBurst(run);
      const buckets = new Map<number, Bucket>();
      let frames = 0;
      for (let seq = 0; seq < BATCHES; frames++) {
        const r = (await s.next()).data!.liveSeries.runs[0]!;
        seq = r.seq;
        for (const b of r.buckets) buckets.set(b.index, b);
      }
      expect(frames).toBeLessThan(BATCHES);
      const all = Array.from({ length: 2 * BATCHES }, (_, i) => i);
      const expected = bucketize(
        all.map((i) => ({ x: i, step: i, timestamp: 0, value: i * 3 })),
        { start: 0, end: 2 * BATCHES - 1 },
        6,
      );
      const got = [...buckets.values()].sort((a, b) => a.index - b.index);
      expect(got.map(view)).toEqual(expected.map(view));
      await s.close();
    });
  },
);
