import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { GetRun, LogBatch, MetricHistory } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const LogMetric = graphql(`
  mutation LogMetric($input: LogMetricInput!) {
    logMetric(input: $input) {
      __typename
      ... on BatchAck { seq }
      ...ErrorFields
    }
  }
`);
const LogParam = graphql(`
  mutation LogParam($input: LogParamInput!) {
    logParam(input: $input) {
      __typename
      ... on BatchAck { seq }
      ...ErrorFields
    }
  }
`);
const SetRunTag = graphql(`
  mutation SetRunTag($input: SetRunTagInput!) {
    setRunTag(input: $input) {
      __typename
      ... on BatchAck { seq run { tags { key value } } }
      ...ErrorFields
    }
  }
`);

let t: TestApp;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

async function history(runId: string, key: string) {
  const res = await t.execute(MetricHistory, { runId, key, first: 10_000 });
  return res.run!.metricHistory.edges.map((e) => e.node);
}

describe('logBatch', () => {
  it('writes metrics, params and tags and numbers batches 1, 2, 3', async () => {
    const run = await seedRun(t, exp);
    const first = await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [{ key: 'loss', values: [1, 0.5], steps: [0, 1], timestamps: [100, 200] }],
        params: [{ key: 'lr', value: '0.01' }],
        tags: [{ key: 'stage', value: 'dev' }],
      },
    });
    expect(first.logBatch).toEqual({
      __typename: 'BatchAck',
      runId: run,
      seq: 1,
      replayed: false,
      metricsWritten: 2,
    });
    const second = await t.execute(LogBatch, {
      input: { runId: run, params: [{ key: 'lr', value: '0.01' }] },
    });
    expect(second.logBatch).toMatchObject({ seq: 2 });
    const third = await t.execute(LogMetric, {
      input: { runId: run, key: 'loss', value: 0.25, step: 2 },
    });
    expect(third.logMetric).toMatchObject({ seq: 3 });
    const got = (await t.execute(GetRun, { runId: run })).run!;
    expect(got.lastSeq).toBe(3);
    expect(got.params).toEqual([{ key: 'lr', value: '0.01' }]);
    expect(got.tags).toContainEqual({ key: 'stage', value: 'dev' });
    expect(got.latestMetrics).toMatchObject([{ key: 'loss', value: 0.25, step: 2 }]);
    expect(got.metricSummaries).toMatchObject([
      { key: 'loss', count: 3, min: 0.25, max: 1, first: { step: 0, value: 1 } },
    ]);
  });

  it('returns NotFoundError for a missing run', async () => {
    const res = await t.execute(LogBatch, {
      input: { runId: 'a'.repeat(32), params: [{ key: 'x', value: '1' }] },
    });
    expect(res.logBatch).toMatchObject({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
    });
  });

  it('rejects a malformed run id with ValidationError', async () => {
    const res = await t.execute(LogBatch, {
      input: { runId: '../etc', params: [{ key: 'x', value: '1' }] },
    });
    expect(res.logBatch).toMatchObject({ __typename: 'ValidationError', field: 'runId' });
  });
});

describe('params', () => {
  it('are immutable: the same value again is fine, another value is INVALID_PARAMETER_VALUE', async () => {
    const run = await seedRun(t, exp);
    expect(
      (await t.execute(LogParam, { input: { runId: run, key: 'p', value: 'a' } })).logParam
        .__typename,
    ).toBe('BatchAck');
    expect(
      (await t.execute(LogParam, { input: { runId: run, key: 'p', value: 'a' } })).logParam
        .__typename,
    ).toBe('BatchAck');
    const changed = await t.execute(LogParam, { input: { runId: run, key: 'p', value: 'b' } });
    expect(changed.logParam).toMatchObject({
      __typename: 'ValidationError',
      code: 'INVALID_PARAMETER_VALUE',
    });
    expect((await t.execute(GetRun, { runId: run })).run!.params).toEqual([
      { key: 'p', value: 'a' },
    ]);
  });

  it('rejects duplicate keys in one batch, even with equal values', async () => {
    const run = await seedRun(t, exp);
    const res = await t.execute(LogBatch, {
      input: {
        runId: run,
        params: [
          { key: 'k', value: '1' },
          { key: 'k', value: '1' },
        ],
      },
    });
    expect(res.logBatch).toMatchObject({ __typename: 'ValidationError', field: 'params' });
  });

  it('truncates values past 6000 characters, as MLflow does', async () => {
    const run = await seedRun(t, exp);
    await t.execute(LogParam, { input: { runId: run, key: 'long', value: 'x'.repeat(7000) } });
    expect((await t.execute(GetRun, { runId: run })).run!.params[0]!.value).toHaveLength(6000);
  });
});

describe('tags', () => {
  it('upsert, and long values are truncated to 8000', async () => {
    const run = await seedRun(t, exp);
    await t.execute(SetRunTag, { input: { runId: run, key: 't', value: '1' } });
    const res = await t.execute(SetRunTag, {
      input: { runId: run, key: 't', value: 'y'.repeat(9000) },
    });
    if (res.setRunTag.__typename !== 'BatchAck') throw new Error(res.setRunTag.__typename);
    expect(res.setRunTag.run.tags.find((x) => x.key === 't')?.value).toHaveLength(8000);
  });
});

describe('limits', () => {
  const points = (n: number) => [
    {
      key: 'm',
      values: Array.from({ length: n }, (_, i) => i),
      steps: Array.from({ length: n }, (_, i) => i),
    },
  ];
  const kv = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: 'v' }));

  it('accepts exactly 1000 metrics, 100 params and 100 tags', async () => {
    const run = await seedRun(t, exp);
    expect(
      (await t.execute(LogBatch, { input: { runId: run, metrics: points(1000) } })).logBatch
        .__typename,
    ).toBe('BatchAck');
    expect(
      (
        await t.execute(LogBatch, {
          input: { runId: run, params: kv(100, 'p'), tags: kv(100, 't') },
        })
      ).logBatch.__typename,
    ).toBe('BatchAck');
  });

  it('rejects 1001 metrics, 101 params, 101 tags and over 1000 entities in all', async () => {
    const run = await seedRun(t, exp);
    const cases = [
      { metrics: points(1001) },
      { params: kv(101, 'p') },
      { tags: kv(101, 't') },
      { metrics: points(901), params: kv(100, 'p') },
    ];
    for (const c of cases) {
      const res = await t.execute(LogBatch, { input: { runId: run, ...c } });
      expect(res.logBatch).toMatchObject({
        __typename: 'ValidationError',
        code: 'INVALID_PARAMETER_VALUE',
      });
    }
    expect((await t.execute(GetRun, { runId: run })).run).toMatchObject({
      lastSeq: 0,
      params: [],
      latestMetrics: [],
    });
  });

  it('accepts a 250-character key and rejects 251 and malformed keys', async () => {
    const run = await seedRun(t, exp);
    expect(
      (await t.execute(LogParam, { input: { runId: run, key: 'k'.repeat(250), value: '1' } }))
        .logParam.__typename,
    ).toBe('BatchAck');
    for (const key of ['k'.repeat(251), 'a//b', '/abs', '../up', 'a/./b', 'semi;colon', '']) {
      const res = await t.execute(LogParam, { input: { runId: run, key, value: '1' } });
      expect(res.logParam, key).toMatchObject({
        __typename: 'ValidationError',
        field: 'params[0].key',
      });
    }
  });

  it('rejects negative timestamps and mismatched list lengths', async () => {
    const run = await seedRun(t, exp);
    const neg = await t.execute(LogBatch, {
      input: { runId: run, metrics: [{ key: 'm', values: [1], timestamps: [-1] }] },
    });
    expect(neg.logBatch).toMatchObject({
      __typename: 'ValidationError',
      field: 'metrics[0].timestamps[0]',
    });
    const mismatch = await t.execute(LogBatch, {
      input: { runId: run, metrics: [{ key: 'm', values: [1, 2], steps: [1] }] },
    });
    expect(mismatch.logBatch).toMatchObject({
      __typename: 'ValidationError',
      field: 'metrics[0].steps',
    });
  });
});

describe('atomicity', () => {
  it('writes nothing when one param conflicts, though metrics and tags were valid', async () => {
    const run = await seedRun(t, exp);
    await t.execute(LogParam, { input: { runId: run, key: 'p', value: 'a' } });
    const res = await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [{ key: 'm', values: [1, 2, 3] }],
        tags: [{ key: 'new', value: 'tag' }],
        params: [
          { key: 'q', value: '1' },
          { key: 'p', value: 'changed' },
        ],
      },
    });
    expect(res.logBatch.__typename).toBe('ValidationError');
    const got = (await t.execute(GetRun, { runId: run })).run!;
    expect(got.params).toEqual([{ key: 'p', value: 'a' }]);
    expect(got.tags.map((x) => x.key)).not.toContain('new');
    expect(got.latestMetrics).toEqual([]);
    expect(got.lastSeq).toBe(1);
    expect(await history(run, 'm')).toEqual([]);
  });

  it('writes nothing when one metric key is invalid', async () => {
    const run = await seedRun(t, exp);
    const res = await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [
          { key: 'ok', values: [1] },
          { key: 'bad//key', values: [1] },
        ],
        params: [{ key: 'p', value: '1' }],
      },
    });
    expect(res.logBatch).toMatchObject({ __typename: 'ValidationError', field: 'metrics[1].key' });
    expect((await t.execute(GetRun, { runId: run })).run).toMatchObject({
      params: [],
      latestMetrics: [],
    });
  });
});

describe('metric values and steps', () => {
  it('round-trips NaN, +Infinity and -Infinity faithfully', async () => {
    const run = await seedRun(t, exp);
    await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [{ key: 'v', values: ['NaN', 'Infinity', '-Infinity', 1.5], steps: [0, 1, 2, 3] }],
      },
    });
    expect((await history(run, 'v')).map((p) => p.value)).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
      1.5,
    ]);
    const got = (await t.execute(GetRun, { runId: run })).run!;
    expect(got.metricSummaries[0]).toMatchObject({ min: '-Infinity', max: 'Infinity', count: 4 });
  });

  it('keeps min and max null when every value is NaN', async () => {
    const run = await seedRun(t, exp);
    await t.execute(LogMetric, { input: { runId: run, key: 'n', value: 'NaN' } });
    const s = (await t.execute(GetRun, { runId: run })).run!.metricSummaries[0]!;
    expect(s).toMatchObject({ min: null, max: null, last: { value: 'NaN' } });
  });

  it('rejects values that are not numbers or the three special strings', async () => {
    const run = await seedRun(t, exp);
    const res = await t.executeRaw(LogBatch, {
      input: { runId: run, metrics: [{ key: 'v', values: ['nan'] }] },
    });
    expect(res.errors?.[0]?.message).toMatch(/MetricValue/);
  });

  it('orders history by step for negative, out-of-order and huge steps', async () => {
    const run = await seedRun(t, exp);
    const huge = 2 ** 40;
    const beyond = 2 ** 53 - 1;
    await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [{ key: 's', values: [1, 2, 3], steps: [5, -3, huge], timestamps: [1, 2, 3] }],
      },
    });
    await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [{ key: 's', values: [4, 5], steps: [0, beyond], timestamps: [4, 5] }],
      },
    });
    expect((await history(run, 's')).map((p) => p.step)).toEqual([-3, 0, 5, huge, beyond]);
    const big = await t.executeRaw(LogBatch, {
      input: { runId: run, metrics: [{ key: 's', values: [1], steps: [2 ** 53] }] },
    });
    expect(big.errors?.[0]?.message).toMatch(/Step must be an integer/);
  });

  it("applies MLflow's latest rule: highest step, then latest timestamp, then largest value", async () => {
    const run = await seedRun(t, exp);
    const log = (values: number[], steps: number[], timestamps: number[]) =>
      t.execute(LogBatch, {
        input: { runId: run, metrics: [{ key: 'l', values, steps, timestamps }] },
      });
    await log([10], [5], [100]);
    await log([20], [3], [999]);
    const latest = async () => (await t.execute(GetRun, { runId: run })).run!.latestMetrics[0];
    expect(await latest()).toMatchObject({ value: 10, step: 5 });
    await log([30], [5], [101]);
    expect(await latest()).toMatchObject({ value: 30, timestamp: 101 });
    await log([25, 40], [5, 5], [101, 101]);
    expect(await latest()).toMatchObject({ value: 40 });
    await log([1], [5], [101]);
    expect(await latest()).toMatchObject({ value: 40 });
  });

  it('pages through a history by cursor and filters by step range', async () => {
    const run = await seedRun(t, exp);
    const n = 250;
    await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [
          {
            key: 'h',
            values: Array.from({ length: n }, (_, i) => i / 10),
            steps: Array.from({ length: n }, (_, i) => n - i),
          },
        ],
      },
    });
    const steps: number[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = (await t.execute(MetricHistory, { runId: run, key: 'h', first: 100, after }))
        .run!.metricHistory;
      steps.push(...page.edges.map((e) => e.node.step as number));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(steps).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const range = (
      await t.execute(MetricHistory, { runId: run, key: 'h', minStep: 10, maxStep: 12 })
    ).run!.metricHistory;
    expect(range.edges.map((e) => e.node.step)).toEqual([10, 11, 12]);
  });
});

describe('idempotency', () => {
  it('a retried batch with the same key writes nothing and returns the original seq', async () => {
    const run = await seedRun(t, exp);
    const input = {
      runId: run,
      idempotencyKey: 'batch-1',
      metrics: [{ key: 'r', values: [1, 2], steps: [1, 2] }],
    };
    const a = await t.execute(LogBatch, { input });
    const b = await t.execute(LogBatch, { input });
    expect(a.logBatch).toMatchObject({ seq: 1, replayed: false, metricsWritten: 2 });
    expect(b.logBatch).toMatchObject({ seq: 1, replayed: true, metricsWritten: 0 });
    expect(await history(run, 'r')).toHaveLength(2);
    const c = await t.execute(LogBatch, { input: { ...input, idempotencyKey: 'batch-2' } });
    expect(c.logBatch).toMatchObject({ seq: 2, replayed: false });
  });

  it('concurrent retries of one batch still write it once', async () => {
    const run = await seedRun(t, exp);
    const input = {
      runId: run,
      idempotencyKey: 'race',
      metrics: [{ key: 'c', values: [1, 2, 3] }],
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.execute(LogBatch, { input })),
    );
    expect(
      results.filter((r) => r.logBatch.__typename === 'BatchAck' && !r.logBatch.replayed),
    ).toHaveLength(1);
    expect(await history(run, 'c')).toHaveLength(3);
  });

  it('an operator deleting a run row also removes its metric rows', async () => {
    const run = await seedRun(t, exp);
    const other = await seedRun(t, exp);
    for (const id of [run, other]) {
      await t.execute(LogBatch, {
        input: { runId: id, metrics: [{ key: 'x', values: [1, 2, 3], steps: [0, 64, 500] }] },
      });
    }
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      const count = async (id: string) => {
        const { rows } = await client.query<{ n: string }>(
          `select (select count(*) from metric_segments where run_id = $1)
             + (select count(*) from metric_summaries where run_id = $1) as n`,
          [id],
        );
        return Number(rows[0]!.n);
      };
      expect(await count(run)).toBeGreaterThan(0);
      await client.query('delete from runs where id = $1', [run]);
      expect(await count(run)).toBe(0);
      expect(await count(other)).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
