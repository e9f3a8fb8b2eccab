import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEventsSubscription } from '../gql/graphql.ts';
import { LogBatch } from '../helpers/documents.ts';
import { redisServerInstalled, TestRedis } from '../helpers/redis-server.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { type Stream, wsSubscribe } from '../helpers/streams.ts';
import { RunEvents, UpdateRun } from '../helpers/subscription-documents.ts';
import { TcpProxy } from '../helpers/tcp-proxy.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { waitFor } from '../helpers/wait.ts';

// runEvents across a Redis outage, as redis-outage.test.ts proves for metric streams: changes
// made on instance A while Redis is away reach a subscriber on instance B once it is back, in
// order, none lost and none twice.

const installed = redisServerInstalled();
if (!installed)
  console.warn('redis-outage-run-events.test.ts skipped: redis-server is not installed');

let redis: TestRedis;
// instance B reaches Redis through a proxy the test can cut: B alone loses Redis
let proxy: TcpProxy;
let a: TestApp;
let b: TestApp;
let bUrl: string;

type RunEventMsg = RunEventsSubscription['runEvents'];

/** What a test compares of an event: its kind and what it carries. */
const shape = (e: RunEventMsg) =>
  [
    e.kind,
    e.status ?? e.name ?? e.tagKey ?? '',
    [...(e.params ?? []), ...(e.tags ?? [])].map((kv) => `${kv.key}=${kv.value}`).join(','),
  ].join(' ');

/** Reads a runEvents stream in the background: every event, in order. */
function collect(s: Stream<RunEventsSubscription>) {
  const got = { events: [] as string[], error: null as unknown };
  void (async () => {
    try {
      for (;;) {
        const r = await s.next(60_000);
        if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
        // the run's creation (seeded before subscribing) travels A -> Redis -> B and may still
        // reach B after the subscription is live: it is not one of the changes compared here
        if (r.data!.runEvents.kind === 'CREATED') continue;
        got.events.push(shape(r.data!.runEvents));
      }
    } catch (err) {
      got.error = err;
    }
  })();
  return got;
}

describe.skipIf(!installed)('runEvents across a Redis outage between two instances', () => {
  beforeAll(async () => {
    redis = await TestRedis.onFreePort();
    await redis.start();
    proxy = await TcpProxy.to(redis.port);
    const config = { redisUrl: redis.url, redisPrefix: 'trackql-outage-events:' };
    a = await createTestApp({ config });
    b = await createTestApp({
      config: { ...config, redisUrl: proxy.url },
      shareDatabaseWith: a,
    });
    bUrl = await b.listen();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await proxy?.cut();
    await redis?.kill();
  });

  /** Changes on instance A that publish run events; returns the events they should give. */
  async function change(runId: string, i: number): Promise<string[]> {
    const r = await a.execute(LogBatch, {
      input: {
        runId,
        params: [{ key: `p${i}`, value: `${i}` }],
        tags: [{ key: 't', value: `${i}` }],
      },
    });
    if (r.logBatch.__typename !== 'BatchAck') throw new Error('batch not acknowledged');
    const status = i % 2 === 0 ? 'SCHEDULED' : 'RUNNING';
    await a.execute(UpdateRun, { input: { runId, status } });
    return [`PARAMS_LOGGED  p${i}=${i}`, `TAGS_SET  t=${i}`, `STATUS_CHANGED ${status} `];
  }

  /** Subscribes on B to one experiment's run events, live once the first change arrives. */
  async function subscribe(experimentId: string, runId: string) {
    const s = wsSubscribe(bUrl, RunEvents, { experimentId });
    await s.ready;
    const got = collect(s);
    const expected: string[] = [];
    // the subscription is live on B once a change made on A arrives
    for (let i = 0; got.events.length === 0; i++) {
      expected.push(...(await change(runId, i)));
      await waitFor(
        () => got.events.length > 0 || got.error !== null,
        'live delivery',
        5_000,
      ).catch(() => {});
    }
    await waitFor(() => got.events.length >= expected.length, 'first changes');
    // the first change may have raced the subscription: compare from the first event received
    return { s, got, expected: expected.slice(expected.indexOf(got.events[0]!)) };
  }

  async function expectAll(got: ReturnType<typeof collect>, expected: string[]) {
    await waitFor(
      () => got.events.length >= expected.length || got.error !== null,
      `${expected.length} events`,
      15_000,
    ).catch(() => {});
    expect(got.error).toBeNull();
    expect(got.events).toEqual(expected);
  }

  it('delivers the changes made on another instance while Redis was down, once it returns', async () => {
    const exp = await seedExperiment(a);
    const run = await seedRun(a, exp);
    const { s, got, expected } = await subscribe(exp, run);
    let i = 10;
    await redis.kill();
    // changes during the outage commit (events are best effort for the publisher)
    for (const end = i + 3; i < end; i++) expected.push(...(await change(run, i)));
    await redis.start();
    for (const end = i + 2; i < end; i++) expected.push(...(await change(run, i)));
    await expectAll(got, expected);
    await s.close();
  });

  it('delivers changes made only while Redis was down, with no write after it returns', async () => {
    const exp = await seedExperiment(a);
    const run = await seedRun(a, exp);
    const { s, got, expected } = await subscribe(exp, run);
    await redis.kill();
    for (let i = 10; i < 13; i++) expected.push(...(await change(run, i)));
    await redis.start();
    await expectAll(got, expected);
    await s.close();
  });

  it('delivers the changes published while the subscriber’s instance was cut off from Redis', async () => {
    const exp = await seedExperiment(a);
    const run = await seedRun(a, exp);
    const { s, got, expected } = await subscribe(exp, run);
    // Redis and instance A carry on; B cannot reach Redis while these are published
    await proxy.cut();
    for (let i = 10; i < 13; i++) expected.push(...(await change(run, i)));
    await proxy.restore();
    await expectAll(got, expected);
    await s.close();
  });

  it('delivers the changes published while the subscribe connection alone was down', async () => {
    const exp = await seedExperiment(a);
    const run = await seedRun(a, exp);
    const { s, got, expected } = await subscribe(exp, run);
    // Redis stays up and takes these publishes, but no instance is subscribed while they land
    await redis.dropSubscribers();
    for (let i = 10; i < 13; i++) expected.push(...(await change(run, i)));
    await expectAll(got, expected);
    await s.close();
  });
});
