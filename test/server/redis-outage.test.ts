import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetRun, LogBatch } from '../helpers/documents.ts';
import { redisServerInstalled, TestRedis } from '../helpers/redis-server.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { type Stream, wsSubscribe } from '../helpers/streams.ts';
import { MetricsLogged } from '../helpers/subscription-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { waitFor } from '../helpers/wait.ts';

// a redis-server of this test's own, never the shared one: the test takes it away and back
let redis: TestRedis;
const installed = redisServerInstalled();
if (!installed) console.warn('redis-outage.test.ts skipped: redis-server is not installed');

let a: TestApp;
let b: TestApp;
let bUrl: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads a metricsLogged stream in the background: every seq and step received, in order. */
function collect(
  s: Stream<{
    metricsLogged: { seq: number; fromSeq: number; metrics: { steps: (number | string)[] }[] };
  }>,
) {
  const got = { seqs: [] as number[], steps: [] as number[], lastSeq: 0, error: null as unknown };
  void (async () => {
    try {
      for (;;) {
        const r = await s.next(60_000);
        if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
        const e = r.data!.metricsLogged;
        for (let q = e.fromSeq; q <= e.seq; q++) got.seqs.push(q);
        for (const m of e.metrics) got.steps.push(...(m.steps as number[]));
        got.lastSeq = e.seq;
      }
    } catch (err) {
      got.error = err;
    }
  })();
  return got;
}

describe.skipIf(!installed)('Redis outage between two instances', () => {
  beforeAll(async () => {
    redis = await TestRedis.onFreePort();
    await redis.start();
    const config = { redisUrl: redis.url, redisPrefix: 'trackql-outage:' };
    a = await createTestApp({ config });
    b = await createTestApp({ config, shareDatabaseWith: a });
    bUrl = await b.listen();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.kill();
  });

  /** Logs batch `i` (two points, steps 2i and 2i+1) through instance A; returns its seq. */
  async function log(runId: string, i: number): Promise<number> {
    const r = await a.execute(LogBatch, {
      input: { runId, metrics: [{ key: 'loss', steps: [2 * i, 2 * i + 1], values: [i, i] }] },
    });
    if (r.logBatch.__typename !== 'BatchAck') throw new Error('batch not acknowledged');
    return r.logBatch.seq;
  }

  /** Waits until the subscriber has everything up to `last`, then checks it is gapless and exact. */
  async function expectGapless(got: ReturnType<typeof collect>, last: number, batches: number) {
    await waitFor(() => got.lastSeq >= last || got.error !== null, `seq ${last}`, 15_000);
    expect(got.error).toBeNull();
    expect(got.seqs).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(got.steps).toEqual(Array.from({ length: 2 * batches }, (_, i) => i));
  }

  it('subscribers get every batch once, in order, when Redis dies and returns mid-stream', async () => {
    const run = await seedRun(a, await seedExperiment(a));
    const s = wsSubscribe(bUrl, MetricsLogged, { runId: run });
    await s.ready;
    await sleep(100);
    const got = collect(s);
    let i = 0;
    let seq = 0;
    for (; i < 10; i++) seq = await log(run, i);
    await waitFor(() => got.lastSeq === seq, 'live delivery before the outage');

    await redis.kill();
    // writes during the outage are acknowledged (they are committed; events are best effort)
    for (const end = i + 10; i < end; i++) {
      seq = await log(run, i);
      await sleep(50);
    }
    await redis.start();
    for (const end = i + 10; i < end; i++) {
      seq = await log(run, i);
      await sleep(20);
    }
    await expectGapless(got, seq, i);
    await s.close();
  });

  it('batches written only while Redis was down still reach subscribers after it returns', async () => {
    const run = await seedRun(a, await seedExperiment(a));
    const s = wsSubscribe(bUrl, MetricsLogged, { runId: run });
    await s.ready;
    await sleep(100);
    const got = collect(s);
    let seq = 0;
    for (let i = 0; i < 5; i++) seq = await log(run, i);
    await waitFor(() => got.lastSeq === seq, 'live delivery before the outage');
    await redis.kill();
    for (let i = 5; i < 12; i++) seq = await log(run, i);
    await redis.start();
    // no write after Redis returns: nothing live reveals the gap, the server must close it itself
    await expectGapless(got, seq, 12);
    await s.close();
    // both instances still serve requests
    for (const t of [a, b])
      expect((await t.execute(GetRun, { runId: run })).run?.lastSeq).toBe(seq);
  });

  it('batches published while the subscribe connection alone is down are not lost', async () => {
    const run = await seedRun(a, await seedExperiment(a));
    const s = wsSubscribe(bUrl, MetricsLogged, { runId: run });
    await s.ready;
    await sleep(100);
    const got = collect(s);
    let seq = await log(run, 0);
    await waitFor(() => got.lastSeq === seq, 'live delivery before the drop');
    // Redis stays up and takes these publishes, but no instance is subscribed while they land
    await redis.dropSubscribers();
    for (let i = 1; i < 6; i++) seq = await log(run, i);
    await expectGapless(got, seq, 6);
    await s.close();
  });
});
