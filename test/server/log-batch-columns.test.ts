import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogBatch, MetricHistory } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// MetricSeriesInput's lists are column scalars (one coercion per list, not per element): the
// same JSON arrays as before, in variables and in inline literals alike.
let t: TestApp;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

async function history(runId: string, key: string) {
  const res = await t.execute(MetricHistory, { runId, key, first: 100 });
  return res.run!.metricHistory.edges.map((e) => e.node);
}

describe('logBatch metric lists as columns', () => {
  it('takes inline list literals, with special values, wide steps and string timestamps', async () => {
    const run = await seedRun(t, exp);
    const res = await t.executeRaw<{ logBatch: { metricsWritten: number } }, unknown>(
      `mutation {
        logBatch(input: {
          runId: "${run}"
          metrics: [
            { key: "a", values: [1, "NaN", 2.5], steps: [1, "9223372036854775807", -3], timestamps: [10, "20", 30] }
            { key: "b", values: 7 }
          ]
        }) { ... on BatchAck { metricsWritten } }
      }`,
      {},
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.logBatch.metricsWritten).toBe(4);
    expect(await history(run, 'a')).toEqual([
      { step: -3, timestamp: 30, value: 2.5 },
      { step: 1, timestamp: 10, value: 1 },
      { step: '9223372036854775807', timestamp: 20, value: 'NaN' },
    ]);
    expect(await history(run, 'b')).toEqual([{ step: 0, timestamp: expect.any(Number), value: 7 }]);
  });

  it('refuses a bad element of a variable list with its index and writes nothing', async () => {
    const run = await seedRun(t, exp);
    const values = Array.from({ length: 1000 }, (_, i) => i);
    for (const [field, bad, message] of [
      [
        'values',
        'nan',
        /^Variable "\$input" got invalid value .* at "input\.metrics\[1\]\.values"; MetricValue must be .*; got "nan" \(item 999\)$/,
      ],
      [
        'steps',
        2 ** 53,
        /at "input\.metrics\[1\]\.steps"; Step must be an integer .* \(item 999\)$/,
      ],
      ['timestamps', 1.5, /at "input\.metrics\[1\]\.timestamps"; SafeInt must be .* \(item 999\)$/],
    ] as const) {
      const list: unknown[] = [...values];
      list[999] = bad;
      const res = await t.executeRaw(LogBatch, {
        input: {
          runId: run,
          metrics: [
            { key: 'ok', values: [1] },
            { key: 'x', values, steps: values, timestamps: values, [field]: list },
          ],
        },
      });
      expect(res.errors, field).toHaveLength(1);
      expect(res.errors?.[0]?.message, field).toMatch(message);
      // the element scalar's error and its extensions, as before (Step's carries the code)
      if (field === 'steps')
        expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_PARAMETER_VALUE');
    }
    expect(await history(run, 'ok')).toEqual([]);
    expect(await history(run, 'x')).toEqual([]);
  });

  it('refuses null elements and a null values list', async () => {
    const run = await seedRun(t, exp);
    const nullItem = await t.executeRaw(LogBatch, {
      input: { runId: run, metrics: [{ key: 'x', values: [1, null as unknown as number] }] },
    });
    expect(nullItem.errors?.[0]?.message).toMatch(/MetricValue must be .*got null \(item 1\)/);
    const nullList = await t.executeRaw(LogBatch, {
      input: { runId: run, metrics: [{ key: 'x', values: null as unknown as number[] }] },
    });
    expect(nullList.errors?.[0]?.message).toMatch(/values/);
    expect(await history(run, 'x')).toEqual([]);
  });
});
