import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { bucketize } from '../../server/modules/metrics/buckets.ts';
import { FrameClock } from '../../server/modules/subscriptions/frame-clock.ts';
import { LiveIterator } from '../../server/modules/subscriptions/live-iterator.ts';
import type { LiveSeriesSubscription } from '../gql/graphql.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { sseSubscribe } from '../helpers/streams.ts';
import { LiveSeriesSub, MetricsLogged } from '../helpers/subscription-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** A frame clock driven by the test: `now` in ms, frames released by `advanceTo`. */
class ManualClock extends FrameClock {
  now = 0;
  private waiting: (() => void)[] = [];

  override frame(): number {
    return Math.floor(this.now / this.frameMs);
  }

  override next(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
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
    async () => (queue.length > 0 ? queue.splice(0) : null),
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

/** The value of `p` if it settled within a few turns of the event loop, else 'pending'. */
async function settled<T>(p: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 20))]);
}

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

let t: TestApp;
let exp: string;
beforeAll(async () => {
  // long frames, so that back-to-back batches always fall within one, however slow the machine
  const subscriptions = { ...loadConfig({}).subscriptions, frameMs: 300 };
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
  minStep: number;
  maxStep: number;
  min?: unknown;
  max?: unknown;
  last: { step: number; value: unknown };
}) => ({
  index: b.index,
  count: b.count,
  minStep: b.minStep,
  maxStep: b.maxStep,
  min: b.min,
  max: b.max,
  last: { step: b.last.step, value: b.last.value },
});

async function logBurst(runId: string) {
  for (let b = 0; b < BATCHES; b++) {
    const steps = [2 * b, 2 * b + 1];
    await t.execute(LogBatch, {
      input: { runId, metrics: [{ key: 'loss', steps, values: steps.map((s) => s * 3) }] },
    });
  }
}

describe('pacing through the schema (frames of 300 ms)', () => {
  it('metricsLogged: a burst arrives as few coalesced events, gapless and in order', async () => {
    const run = await seedRun(t, exp);
    const s = sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', MetricsLogged, { runId: run });
    await s.ready;
    await logBurst(run);
    const events = [];
    for (let seq = 0; seq < BATCHES; ) {
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
    const steps = events.flatMap((e) => e.metrics[0]!.steps);
    expect(steps).toEqual(Array.from({ length: 2 * BATCHES }, (_, i) => i));
    expect(events.flatMap((e) => e.metrics[0]!.values)).toEqual(steps.map((x) => x * 3));
    await s.close();
  });

  it('liveSeries: a burst arrives as few frames whose buckets end equal to bucketize', async () => {
    const run = await seedRun(t, exp);
    const s = sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', LiveSeriesSub, {
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
});
