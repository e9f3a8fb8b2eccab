import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { sseSubscribe, wsSubscribe } from '../helpers/streams.ts';
import { MetricsLogged, RunEvents } from '../helpers/subscription-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const redisUrl = process.env.REDIS_URL;
let a: TestApp;
let b: TestApp;
let bUrl: string;

describe.skipIf(!redisUrl)('two server instances on one PostgreSQL and one Redis', () => {
  beforeAll(async () => {
    // a prefix of its own keeps concurrent test runs on the same Redis apart
    const config = { redisUrl, redisPrefix: `trackql-test-${randomBytes(4).toString('hex')}:` };
    a = await createTestApp({ config });
    b = await createTestApp({ config, shareDatabaseWith: a });
    bUrl = await b.listen();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  async function log(runId: string, step: number) {
    const steps = [step];
    await a.execute(LogBatch, {
      input: { runId, metrics: [{ key: 'loss', steps, values: ['NaN'] }] },
    });
  }

  it('delivers batches written through one instance to subscribers of the other, in order', async () => {
    const run = await seedRun(a, await seedExperiment(a));
    const s = sseSubscribe(b.app.yoga.fetch, 'http://yoga/graphql', MetricsLogged, { runId: run });
    await s.ready;
    for (let i = 0; i < 20; i++) await log(run, i);
    let seq = 0;
    while (seq < 20) {
      const e = (await s.next()).data!.metricsLogged;
      expect(e.fromSeq).toBe(seq + 1);
      expect(e.metrics[0]!.values[0]).toBe('NaN');
      seq = e.seq;
    }
    await s.close();
  });

  it('resumes with afterSeq on the other instance while writes continue', async () => {
    const run = await seedRun(a, await seedExperiment(a));
    for (let i = 0; i < 5; i++) await log(run, i);
    const writing = (async () => {
      for (let i = 5; i < 30; i++) await log(run, i);
    })();
    const s = wsSubscribe(bUrl, MetricsLogged, { runId: run, afterSeq: 3 });
    const steps: number[] = [];
    let seq = 3;
    while (seq < 30) {
      const e = (await s.next()).data!.metricsLogged;
      expect(e.fromSeq).toBe(seq + 1);
      seq = e.seq;
      steps.push(...(e.metrics[0]!.steps as number[]));
    }
    await writing;
    expect(steps).toEqual(Array.from({ length: 27 }, (_, i) => i + 3));
    await s.close();
  });

  it('carries int64 steps across instances exactly', async () => {
    const run = await seedRun(a, await seedExperiment(a));
    const s = sseSubscribe(b.app.yoga.fetch, 'http://yoga/graphql', MetricsLogged, { runId: run });
    await s.ready;
    const steps = ['9223372036854775807', '-9007199254740993', 1];
    await a.execute(LogBatch, {
      input: { runId: run, metrics: [{ key: 'w', steps, values: [1, 2, 3] }] },
    });
    const e = (await s.next()).data!.metricsLogged;
    expect(e.metrics[0]!.steps).toEqual(steps);
    await s.close();
  });

  it('carries run events across instances', async () => {
    const exp = await seedExperiment(a);
    const s = sseSubscribe(b.app.yoga.fetch, 'http://yoga/graphql', RunEvents, {
      experimentId: exp,
    });
    await s.ready;
    const run = await seedRun(a, exp);
    expect((await s.next()).data!.runEvents).toMatchObject({ kind: 'CREATED', runId: run });
    await s.close();
  });
});
