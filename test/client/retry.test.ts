import {
  configureLogging,
  endRun,
  flush,
  getClient,
  logMetric,
  logParam,
  operations,
  setTrackingUri,
  startRun,
  TrackingError,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startDropProxy } from './drop-proxy.ts';

let t: TestApp;
let url: string;

beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
});
afterAll(() => t.close());

/** A `fetch` that fails some logBatch requests: 503 before the server, or a drop after it committed. */
function flakyFetch(plan: (n: number) => 'ok' | '503' | 'drop-after-commit') {
  const stats = { batches: 0, unavailable: 0, dropped: 0, replayed: 0 };
  const wrapped: typeof fetch = async (input, init) => {
    if (!String(init?.body ?? '').includes('ClientLogBatch')) return fetch(input, init);
    const action = plan(++stats.batches);
    if (action === '503') {
      stats.unavailable++;
      return new Response('Service Unavailable', { status: 503 });
    }
    const res = await fetch(input, init);
    const text = await res.text();
    if (text.includes('"replayed":true')) stats.replayed++;
    if (action === 'drop-after-commit') {
      stats.dropped++;
      throw new TypeError('fetch failed: socket hang up');
    }
    return new Response(text, { status: res.status, headers: res.headers });
  };
  return { fetch: wrapped, stats };
}

describe('batched logging under failures', () => {
  it('retries 503s and dropped connections without duplicating a point', async () => {
    const flaky = flakyFetch((n) =>
      n <= 3 ? '503' : n % 5 === 0 ? 'drop-after-commit' : n % 7 === 0 ? '503' : 'ok',
    );
    setTrackingUri(url, { fetch: flaky.fetch });
    configureLogging({ retryBaseMs: 2, retryMaxMs: 20, maxInFlight: 3, flushIntervalMs: 5 });
    const run = await startRun();
    const n = 25_000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      logMetric('x', i, i);
      sum += i;
      if (i % 5000 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await endRun();
    expect(flaky.stats.unavailable).toBeGreaterThanOrEqual(3);
    expect(flaky.stats.dropped).toBeGreaterThan(0);
    expect(flaky.stats.replayed).toBe(flaky.stats.dropped);

    setTrackingUri(url);
    const history = await operations.getMetricHistory(getClient(), run.runId, 'x');
    expect(history.length).toBe(n);
    expect(history.reduce((s, p) => s + p.value, 0)).toBe(sum);
    expect(new Set(history.map((p) => p.step)).size).toBe(n);
    const [summary] = await operations.getMetricSummaries(getClient(), run.runId);
    expect(summary?.count).toBe(n);
  });

  it('survives connections dropped by a TCP proxy after the server committed', async () => {
    const proxy = await startDropProxy(url, 4);
    try {
      setTrackingUri(url);
      configureLogging({ retryBaseMs: 2, retryMaxMs: 20, maxInFlight: 4, flushIntervalMs: 5 });
      const run = await startRun();
      setTrackingUri(proxy.url);
      const n = 30_000;
      for (let i = 0; i < n; i++) logMetric('p', 1, i);
      await flush();
      setTrackingUri(url);
      await endRun();
      expect(proxy.drops).toBeGreaterThan(3);
      const history = await operations.getMetricHistory(getClient(), run.runId, 'p');
      expect(history.length).toBe(n);
      expect(new Set(history.map((p) => p.step)).size).toBe(n);
    } finally {
      await proxy.close();
    }
  });

  it('flushes on endRun: nothing logged before it is left unsent', async () => {
    setTrackingUri(url);
    configureLogging({ flushIntervalMs: 60_000, maxBatchPoints: 1000 });
    const run = await startRun();
    for (let i = 0; i < 1234; i++) logMetric('y', 1, i);
    await endRun();
    const [summary] = await operations.getMetricSummaries(getClient(), run.runId);
    expect(summary?.count).toBe(1234);
  });

  it('sends by size and by time without any flush', async () => {
    setTrackingUri(url);
    configureLogging({ flushIntervalMs: 30, maxBatchPoints: 100 });
    const run = await startRun();
    for (let i = 0; i < 250; i++) logMetric('t', i, i);
    const count = async () =>
      (await operations.getMetricSummaries(getClient(), run.runId))[0]?.count ?? 0;
    await vi.waitFor(async () => expect(await count()).toBe(250), { timeout: 5000, interval: 20 });
    logParam('late', 1);
    await vi.waitFor(
      async () => expect((await operations.getRun(getClient(), run.runId))?.params).toHaveLength(1),
      { timeout: 5000, interval: 20 },
    );
    configureLogging({ flushIntervalMs: 250, maxBatchPoints: 1000 });
    await endRun();
  });

  it('reports a batch as a network error once the retries are spent', async () => {
    const seen: TrackingError[] = [];
    configureLogging({ maxRetries: 2, retryBaseMs: 1, onError: (e) => seen.push(e) });
    setTrackingUri(url);
    await startRun();
    setTrackingUri(url, { fetch: flakyFetch(() => '503').fetch });
    logMetric('z', 1);
    const err = await flush().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrackingError);
    expect(err).toMatchObject({ kind: 'network', status: 503 });
    expect(seen).toHaveLength(1);
    setTrackingUri(url);
    configureLogging({ maxRetries: 8, onError: undefined });
    await endRun();
  });

  it('holds at most maxQueuedPoints unsent and flush() lists what was lost', async () => {
    setTrackingUri(url);
    configureLogging({ maxRetries: 2, retryBaseMs: 1, maxQueuedPoints: 500, maxBatchPoints: 100 });
    const run = await startRun();
    setTrackingUri(url, { fetch: flakyFetch(() => '503').fetch });
    for (let i = 0; i < 2000; i++) logMetric('q', 1, i);
    const err = (await flush().catch((e: unknown) => e)) as TrackingError;
    expect(err).toBeInstanceOf(TrackingError);
    const all = [err, ...err.related].map((e) => e.message);
    expect(all.some((m) => /1500 metric points of run \w+ were dropped/.test(m))).toBe(true);
    const unsent = all.filter((m) => /not sent after 2 retries: 100 metric points/.test(m));
    expect(unsent).toHaveLength(5);
    setTrackingUri(url);
    configureLogging({ maxRetries: 8, maxQueuedPoints: 1_000_000, maxBatchPoints: 1000 });
    await endRun();
    expect(await operations.getMetricSummaries(getClient(), run.runId)).toEqual([]);
  });
});
