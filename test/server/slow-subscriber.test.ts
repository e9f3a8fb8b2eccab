import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { MetricsLoggedSubscription } from '../gql/graphql.ts';
import { LogBatch } from '../helpers/documents.ts';
import { subscribeWs } from '../helpers/raw-ws-subscriber.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { sseSubscribe, wsSubscribe } from '../helpers/streams.ts';
import { MetricsLogged } from '../helpers/subscription-documents.ts';
import { createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    config: {
      subscriptions: {
        maxBufferedPoints: 1000,
        maxBufferedEvents: 20,
        maxEventPoints: 250,
        gapWaitMs: 50,
        frameMs: 16,
        maxFrameMs: 128,
      },
    },
  });
});
afterAll(() => t.close());

const BATCHES = 40;
const POINTS = 100;

async function logAll(runId: string) {
  const started = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    const steps = Array.from({ length: POINTS }, (_, i) => b * POINTS + i);
    await t.execute(LogBatch, {
      input: { runId, metrics: [{ key: 'loss', steps, values: steps }] },
    });
  }
  return performance.now() - started;
}

describe('a slow subscriber', () => {
  it('is cut off with the last seq delivered, without holding up ingest or other subscribers', async () => {
    const exp = await seedExperiment(t);
    const run = await seedRun(t, exp);
    const query = JSON.stringify({
      query: 'subscription($r: String!) { metricsLogged(runId: $r) { seq fromSeq } }',
      variables: { r: run },
    });
    // a stalled client: the response is opened and never read while the run is written
    const stalled = await t.app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: query,
    });
    const healthy = sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', MetricsLogged, {
      runId: run,
    });
    await healthy.ready;
    await logAll(run);

    let delivered = 0;
    while (delivered < BATCHES) {
      const e = (await healthy.next()).data!.metricsLogged;
      expect(e.fromSeq).toBe(delivered + 1);
      delivered = e.seq;
    }
    await healthy.close();

    const text = await stalled.text();
    const events = [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!));
    const last = events[events.length - 1];
    expect(last.errors[0].extensions).toMatchObject({ code: 'SUBSCRIBER_LAGGED' });
    const lastSeq = last.errors[0].extensions.lastSeq as number;
    const seqs = events.slice(0, -1).map((e) => e.data.metricsLogged.seq);
    expect(lastSeq).toBe(seqs.length > 0 ? seqs[seqs.length - 1] : 0);
    expect(lastSeq).toBeLessThan(BATCHES);
    expect(text).toContain('event: complete');

    // the client resumes where it was cut off and gets the rest once
    const resumed = sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', MetricsLogged, {
      runId: run,
      afterSeq: lastSeq,
    });
    let seq = lastSeq;
    let points = 0;
    while (seq < BATCHES) {
      const e = (await resumed.next()).data!.metricsLogged;
      expect(e.fromSeq).toBe(seq + 1);
      seq = e.seq;
      points += e.metrics[0]!.steps.length;
    }
    expect(points).toBe((BATCHES - lastSeq) * POINTS);
    await resumed.close();
  });

  it.each(['WebSocket', 'SSE'] as const)(
    'over %s: fills its connection, then lags, while another subscriber gets everything',
    async (transport) => {
      // buffers for 1000-point batches: 20 of them, in 20 events
      const big = await createTestApp({
        config: {
          subscriptions: {
            ...loadConfig({}).subscriptions,
            maxBufferedPoints: 20_000,
            maxBufferedEvents: 20,
          },
        },
      });
      const exp = await seedExperiment(big);
      const run = await seedRun(big, exp);
      const url = await big.listen();
      const stalled = await stalledSubscriber(
        transport,
        url,
        'subscription($r: String!) { metricsLogged(runId: $r, afterSeq: 0) { seq fromSeq metrics { steps timestamps values } } }',
        { r: run },
      );
      const healthy =
        transport === 'SSE'
          ? sseSubscribe(fetch, url, MetricsLogged, { runId: run, afterSeq: 0 })
          : wsSubscribe(url, MetricsLogged, { runId: run, afterSeq: 0 });
      // ~37 KB per batch, 11 MB in all: well past what the kernel and the 256 KB push limit take
      const batches = 300;
      const steps = Array.from({ length: 1000 }, (_, i) => i);
      const values = steps.map((s) => s / 7);
      let delivered = 0;
      for (let b = 0; b < batches; b++) {
        await big.execute(LogBatch, {
          input: { runId: run, metrics: [{ key: 'loss', steps, values }] },
        });
        // the healthy subscriber keeps up: never more than a few batches behind
        while (delivered < b - 5) delivered = (await healthy.next()).data!.metricsLogged.seq;
      }
      while (delivered < batches) delivered = (await healthy.next()).data!.metricsLogged.seq;
      await healthy.close();

      const results = await stalled.readAll();
      const last = results[results.length - 1]!;
      expect(last.errors?.[0]?.extensions).toMatchObject({ code: 'SUBSCRIBER_LAGGED' });
      const lastSeq = last.errors![0]!.extensions!.lastSeq as number;
      let seq = 0;
      for (const r of results.slice(0, -1)) {
        const e = r.data!.metricsLogged;
        expect(e.fromSeq).toBe(seq + 1);
        expect(e.metrics[0]!.steps).toHaveLength(1000 * (e.seq - e.fromSeq + 1));
        seq = e.seq;
      }
      expect(lastSeq).toBe(seq);
      expect(lastSeq).toBeGreaterThan(0);
      expect(lastSeq).toBeLessThan(batches);
      await big.close();
    },
    // 300 batches of 1000 points: bounded by work, which a loaded machine stretches past 30 s
    180_000,
  );

  it('gets a burst coalesced into fewer events, each bounded in points', async () => {
    const exp = await seedExperiment(t);
    const run = await seedRun(t, exp);
    const res = await t.app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query:
          'subscription($r: String!) { metricsLogged(runId: $r) { seq fromSeq metrics { steps } } }',
        variables: { r: run },
      }),
    });
    const steps = Array.from({ length: 50 }, (_, i) => i);
    // ten batches (500 points, within the buffer) commit while the subscriber reads nothing
    for (let b = 0; b < 10; b++) {
      await t.execute(LogBatch, {
        input: { runId: run, metrics: [{ key: 'k', steps, values: steps }] },
      });
    }
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const events: { seq: number; fromSeq: number; metrics: { steps: number[] }[] }[] = [];
    while (events.length === 0 || events[events.length - 1]!.seq < 10) {
      text += decoder.decode((await reader.read()).value, { stream: true });
      events.length = 0;
      for (const m of text.matchAll(/^data: (.*)$/gm))
        events.push(JSON.parse(m[1]!).data.metricsLogged);
    }
    await reader.cancel();
    expect(events.length).toBeLessThan(10);
    let seq = 0;
    for (const e of events) {
      expect(e.fromSeq).toBe(seq + 1);
      expect(e.metrics[0]!.steps.length).toBeLessThanOrEqual(250);
      seq = e.seq;
    }
  });
});

type Result = GraphQLResponse<MetricsLoggedSubscription>;

/**
 * A subscriber over a real connection that reads nothing until `readAll`, which reads the rest of
 * the stream until the server ends it and returns every result.
 */
async function stalledSubscriber(
  transport: 'WebSocket' | 'SSE',
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ readAll(): Promise<Result[]> }> {
  if (transport === 'SSE') {
    // the response body is not read: the server's writes back up through the socket
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables }),
    });
    return {
      async readAll() {
        const text = await res.text();
        expect(text).toContain('event: complete');
        return [...text.matchAll(/^event: next\ndata: (.*)$/gm)].map((m) => JSON.parse(m[1]!));
      },
    };
  }
  const messages: { type: string; payload?: Result }[] = [];
  const socket = await subscribeWs(url, query, variables, (raw) =>
    messages.push(JSON.parse(String(raw))),
  );
  socket.stall();
  return {
    async readAll() {
      socket.resume();
      const deadline = Date.now() + 10_000;
      while (!messages.some((m) => m.type === 'complete') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      socket.close();
      return messages.filter((m) => m.type === 'next').map((m) => m.payload!);
    },
  };
}
