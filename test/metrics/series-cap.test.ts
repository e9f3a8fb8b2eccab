import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricService } from '../../server/modules/metrics/metric.service.ts';
import { Db } from '../../server/shared/db.ts';
import { ValidationError } from '../../server/shared/errors.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** `metricSeries`' point cap: a history longer than the cap is refused, not built in memory. */

let t: TestApp;
let run: string;
let metrics: MetricService;

beforeAll(async () => {
  t = await createTestApp();
  run = await seedRun(t, await seedExperiment(t));
  // three batches of 10 points, the last one re-logging steps 5..14 (overlapping batches)
  for (const first of [0, 10, 5]) {
    const steps = Array.from({ length: 10 }, (_, i) => first + i);
    const res = await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [{ key: 'loss', steps, values: steps, timestamps: steps.map(() => 1) }],
      },
    });
    expect(res.logBatch.__typename).toBe('BatchAck');
  }
  const db = new Db(t.app.orm.em.fork(), (q) => t.sql.push(q));
  metrics = new MetricService(db, t.app.authGate.permissionsOf(null, db));
});
afterAll(() => t.close());

describe('series point cap', () => {
  it('returns a history of up to the cap, sorted', async () => {
    const s = await metrics.series(run, 'loss', {}, 30);
    expect(s.steps).toHaveLength(30);
    expect(s.steps).toEqual([...s.steps].sort((a, b) => Number(a) - Number(b)));
  });

  it('refuses one point more with a validation error naming the key', async () => {
    const err = await metrics.series(run, 'loss', {}, 29).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toMatch(/'loss' holds more than 29 points/);
  });

  it('counts only the points inside the step range', async () => {
    // steps 5..9 are logged twice: 10 points in [5, 9]
    expect((await metrics.series(run, 'loss', { minStep: 5, maxStep: 9 }, 10)).steps).toHaveLength(
      10,
    );
    await expect(metrics.series(run, 'loss', { minStep: 5, maxStep: 10 }, 10)).rejects.toThrow(
      /more than 10 points/,
    );
  });

  it('refuses a whole history from its summary, reading no points', async () => {
    t.sql.length = 0;
    await expect(metrics.series(run, 'loss', {}, 29)).rejects.toThrow(/more than 29 points/);
    expect(t.sql.some((q) => /metric_summaries/.test(q))).toBe(true);
    expect(t.sql.some((q) => /metric_segments/.test(q))).toBe(false);
  });

  it('leaves the connection usable after a refused read', async () => {
    for (let i = 0; i < 8; i++) {
      await expect(metrics.series(run, 'loss', { minStep: 0 }, 1)).rejects.toThrow(ValidationError);
    }
    expect((await metrics.series(run, 'loss', {})).steps).toHaveLength(30);
  });
});
