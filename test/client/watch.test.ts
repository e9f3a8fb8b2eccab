import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { watchMetrics as coreWatchMetrics } from '@trackql/client';
import {
  type MetricsUpdate,
  type RunUpdate,
  TrackingError,
  WatchError,
  watchMetrics,
  watchRun,
} from '@trackql/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { UpdateRun } from '../helpers/subscription-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { waitFor } from '../helpers/wait.ts';

let t: TestApp;
let url: string;
let exp: string;
let run0: string;
beforeAll(async () => {
  t = await createTestApp();
  url = await t.listen();
  exp = await seedExperiment(t);
  run0 = await seedRun(t, exp);
});
afterAll(() => t.close());

async function log(runId: string, step: number) {
  await t.execute(LogBatch, {
    input: {
      runId,
      metrics: [{ key: 'loss', steps: [step], values: [step === 3 ? 'NaN' : step] }],
    },
  });
}

/** Reads an async iterable from the side, so a test can act between items. */
function reader<T>(iterable: AsyncIterable<T>) {
  const it = iterable[Symbol.asyncIterator]();
  return {
    next: async (timeoutMs = 5000): Promise<T> => {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('timed out')), timeoutMs),
      );
      const r = await Promise.race([it.next(), timeout]);
      if (r.done) throw new Error('ended');
      return r.value;
    },
    done: async () => (await it.next()).done,
  };
}

describe('watchMetrics', () => {
  it('yields batches from now on, resumes after a dropped connection without loss or duplicates, and stops on abort', async () => {
    const run = await seedRun(t, exp);
    await log(run, 0);
    const abort = new AbortController();
    const r = reader<MetricsUpdate>(
      watchMetrics({ url, runId: run, signal: abort.signal, minDelayMs: 20 }),
    );
    const first = r.next();
    // the watch reads the run head on its first pull, then subscribes: commit once it has
    await waitFor(() => (t.app.feeds.feed(run)?.readerCount ?? 0) > 0, 'the watch to subscribe');
    await log(run, 1);
    expect(await first).toMatchObject({ seq: 2, metrics: [{ steps: [1], values: [1] }] });

    t.dropWebSockets();
    for (let s = 2; s < 6; s++) await log(run, s);
    const steps: number[] = [];
    let seq = 2;
    while (seq < 6) {
      const e = await r.next();
      expect(e.fromSeq).toBe(seq + 1);
      seq = e.seq;
      steps.push(...(e.metrics[0]!.steps as number[]));
      if (e.metrics[0]!.steps.includes(3)) expect(e.metrics[0]!.values).toContainEqual(Number.NaN);
    }
    expect(steps).toEqual([2, 3, 4, 5]);
    abort.abort();
    expect(await r.done()).toBe(true);
  });

  it('replays from afterSeq and throws WatchError for an unknown run', async () => {
    const run = await seedRun(t, exp);
    for (let s = 0; s < 3; s++) await log(run, s);
    const abort = new AbortController();
    const r = reader(watchMetrics({ url, runId: run, afterSeq: 1, signal: abort.signal }));
    expect(await r.next()).toMatchObject({ seq: 3, fromSeq: 2, replayed: true });
    abort.abort();
    const unknown = watchMetrics({ url, runId: 'a'.repeat(32) });
    await expect(unknown[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(WatchError);
  });
});

describe('watchRun', () => {
  it('yields a snapshot, then changes, and a fresh snapshot after reconnecting', async () => {
    const run = await seedRun(t, exp, { runName: 'w' });
    const abort = new AbortController();
    const r = reader<RunUpdate>(
      watchRun({ url, runId: run, signal: abort.signal, minDelayMs: 20 }),
    );
    expect(await r.next()).toMatchObject({ kind: 'SNAPSHOT', name: 'w', status: 'RUNNING' });
    await t.execute(UpdateRun, { input: { runId: run, status: 'SCHEDULED' } });
    expect(await r.next()).toMatchObject({ kind: 'STATUS_CHANGED', status: 'SCHEDULED' });
    t.dropWebSockets();
    await t.execute(UpdateRun, { input: { runId: run, status: 'FINISHED' } });
    let e = await r.next();
    while (e.kind !== 'SNAPSHOT') e = await r.next();
    expect(e).toMatchObject({ kind: 'SNAPSHOT', status: 'FINISHED' });
    abort.abort();
    expect(await r.done()).toBe(true);
  });
});

describe('watch failures', () => {
  it('stops at once on a permanent failure: an unknown run, a refused connection', async () => {
    const retries: number[] = [];
    const unknown = watchMetrics({
      url,
      runId: 'b'.repeat(32),
      onRetry: (_, n) => retries.push(n),
    });
    const err = await unknown[Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WatchError);
    expect(err).toBeInstanceOf(TrackingError);
    expect(err).toMatchObject({ kind: 'domain', code: 'RESOURCE_DOES_NOT_EXIST' });

    // a server that refuses every connection with graphql-ws's "forbidden" close code
    const refusing = new WebSocketServer({ port: 0, handleProtocols: (p) => [...p][0] ?? false });
    refusing.on('connection', (socket) => socket.close(4403, 'Forbidden'));
    await once(refusing, 'listening');
    const port = (refusing.address() as AddressInfo).port;
    const refused = watchRun({
      url: `ws://127.0.0.1:${port}/graphql`,
      runId: 'c'.repeat(32),
      onRetry: (_, n) => retries.push(n),
    });
    const closed = await refused[Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(WatchError);
    expect(closed).toMatchObject({ kind: 'network', status: 4403 });
    expect(retries).toEqual([]);
    refusing.close();
  });

  it('retries transient failures with backoff, reports each, and gives up after maxRetries', async () => {
    // a port nobody listens on: every connection attempt fails
    const probe = new WebSocketServer({ port: 0 });
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    probe.close();
    const seen: { retry: number; delay: number; kind: string }[] = [];
    const watch = watchMetrics({
      url: `http://127.0.0.1:${port}/graphql`,
      runId: 'd'.repeat(32),
      minDelayMs: 5,
      maxDelayMs: 20,
      maxRetries: 3,
      onRetry: (e, retry, delay) => seen.push({ retry, delay, kind: e.kind }),
    });
    const err = await watch[Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WatchError);
    expect(err).toMatchObject({ kind: 'network' });
    expect(seen.map((s) => s.retry)).toEqual([1, 2, 3]);
    expect(seen.every((s) => s.kind === 'network' && s.delay >= 0 && s.delay <= 20)).toBe(true);
  });

  it('asks for a WebSocket implementation where the platform has none', async () => {
    const err = await coreWatchMetrics({ url, runId: run0 })
      [Symbol.asyncIterator]()
      .next()
      .catch((e: unknown) => e);
    // Node 20 has no global WebSocket (the target platform of this suite)
    expect(err).toBeInstanceOf(WatchError);
    expect((err as Error).message).toMatch(/webSocketImpl/);
  });
});
