import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricHistoryQuery } from '../gql/graphql.ts';
import { GetRun, LogBatch, MetricHistory } from '../helpers/documents.ts';
import { GetLoggedModel } from '../helpers/model-documents.ts';
import { seedExperiment, seedModel, seedRun } from '../helpers/seed.ts';
import { sseSubscribe } from '../helpers/streams.ts';
import { MetricsLogged } from '../helpers/subscription-documents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** int64 steps beyond ±(2^53-1) through GraphQL: ingest, storage, history, summaries, search, live. */

const MAX = '9223372036854775807'; // 2^63-1
const MIN = '-9223372036854775807'; // -(2^63-1)
const ABOVE = '9007199254740993'; // 2^53+1: its double is 2^53
const BELOW = '-9007199254740993';
const TOO_BIG = '9223372036854775808'; // 2^63

/** The steps as the server orders them (safe ones come back as numbers). */
const ORDERED: (number | string)[] = [MIN, BELOW, -1, 0, 5, ABOVE, '9007199254740994', MAX];

let t: TestApp;
let exp: string;

beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

async function logSteps(runId: string, key: string, steps: (number | string)[]) {
  const res = await t.execute(LogBatch, {
    input: {
      runId,
      metrics: [{ key, steps, values: steps.map((_, i) => i), timestamps: steps.map(() => 1000) }],
    },
  });
  expect(res.logBatch.__typename).toBe('BatchAck');
}

async function errorsOf(query: string, variables: Record<string, unknown>) {
  const res = await t.executeRaw<unknown, unknown>(query, variables);
  return res.errors ?? [];
}

describe('int64 steps through GraphQL', () => {
  it('logBatch stores wide steps exactly; history, series and summaries return them as strings', async () => {
    const run = await seedRun(t, exp);
    // logging order differs from step order: the read sorts exactly, 2^53+1 before 2^53+2
    await logSteps(run, 'k', [MAX, 5, '9007199254740994', ABOVE, -1, BELOW, 0, MIN]);

    const h = await t.execute(MetricHistory, { runId: run, key: 'k', first: 100 });
    expect(h.run!.metricHistory.edges.map((e) => e.node.step)).toEqual(ORDERED);

    const series = await t.executeRaw<{ run: { metricSeries: { steps: unknown[] } } }, unknown>(
      `query ($runId: String!) { run(runId: $runId) { metricSeries(key: "k") { steps values } } }`,
      { runId: run },
    );
    expect(series.errors).toBeUndefined();
    expect(series.data!.run.metricSeries.steps).toEqual(ORDERED);

    const got = await t.execute(GetRun, { runId: run });
    expect(got.run!.latestMetrics).toEqual([{ key: 'k', value: 0, step: MAX, timestamp: 1000 }]);
    expect(got.run!.metricSummaries[0]!.first.step).toBe(MIN);
    expect(got.run!.metricSummaries[0]!.last.step).toBe(MAX);
  });

  it('pages a history across wide steps and filters it by wide bounds', async () => {
    const run = await seedRun(t, exp);
    await logSteps(run, 'p', [MAX, 5, '9007199254740994', ABOVE, -1, BELOW, 0, MIN]);
    const pages: (number | string)[] = [];
    let after: string | null = null;
    for (;;) {
      const res: MetricHistoryQuery = await t.execute(MetricHistory, {
        runId: run,
        key: 'p',
        first: 3,
        after,
      });
      const c = res.run!.metricHistory;
      pages.push(...c.edges.map((e) => e.node.step));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor ?? null;
    }
    expect(pages).toEqual(ORDERED);

    const range = await t.execute(MetricHistory, {
      runId: run,
      key: 'p',
      first: 100,
      minStep: ABOVE,
      maxStep: '9223372036854775806',
    });
    expect(range.run!.metricHistory.edges.map((e) => e.node.step)).toEqual([
      ABOVE,
      '9007199254740994',
    ]);
    const low = await t.execute(MetricHistory, {
      runId: run,
      key: 'p',
      first: 100,
      maxStep: BELOW,
    });
    expect(low.run!.metricHistory.edges.map((e) => e.node.step)).toEqual([MIN, BELOW]);
  });

  it('logMetric takes a wide step; the latest metric in searchRuns is exact', async () => {
    const run = await seedRun(t, exp);
    const res = await t.executeRaw<{ logMetric: { __typename: string } }, unknown>(
      `mutation ($input: LogMetricInput!) { logMetric(input: $input) { __typename } }`,
      { input: { runId: run, key: 'm', value: 1, step: BELOW } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.logMetric.__typename).toBe('BatchAck');
    await logSteps(run, 'm', [ABOVE]);
    const found = await t.executeRaw<
      { searchRuns: { edges: { node: { runId: string; latestMetrics: { step: unknown }[] } }[] } },
      unknown
    >(
      `query ($exp: String!) { searchRuns(experimentIds: [$exp], filter: "metrics.m >= 0", first: 100) {
        edges { node { runId latestMetrics { key step } } } } }`,
      { exp },
    );
    expect(found.errors).toBeUndefined();
    const node = found.data!.searchRuns.edges.find((e) => e.node.runId === run)!.node;
    expect(node.latestMetrics).toEqual([{ key: 'm', step: ABOVE }]);
  });

  it('refuses steps outside int64, fractions and inexact numbers with INVALID_PARAMETER_VALUE', async () => {
    const run = await seedRun(t, exp);
    const mutation = `mutation ($input: LogBatchInput!) { logBatch(input: $input) { __typename } }`;
    for (const bad of [TOO_BIG, '-9223372036854775809', '1.5', 'abc', 2 ** 53, 0.5]) {
      const errors = await errorsOf(mutation, {
        input: { runId: run, metrics: [{ key: 'x', values: [1], steps: [bad] }] },
      });
      expect(errors, String(bad)).toHaveLength(1);
      expect(errors[0]!.extensions?.code, String(bad)).toBe('INVALID_PARAMETER_VALUE');
      expect(errors[0]!.message).toMatch(/Step must be an integer/);
    }
    // the int64 bounds themselves are accepted; nothing of the refused batches was written
    await logSteps(run, 'x', ['-9223372036854775808', MAX]);
    const h = await t.execute(MetricHistory, { runId: run, key: 'x', first: 10 });
    expect(h.run!.metricHistory.edges.map((e) => e.node.step)).toEqual([
      '-9223372036854775808',
      MAX,
    ]);
  });

  it('metrics linked to a logged model keep wide steps exactly (its metrics read them as strings)', async () => {
    const run = await seedRun(t, exp);
    const modelId = await seedModel(t, exp);
    const res = await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [{ key: 'linked', values: [1, 2, 3, 4], steps: [MAX, 1, ABOVE, MIN], modelId }],
      },
    });
    expect(res.logBatch.__typename).toBe('BatchAck');
    const got = await t.execute(GetLoggedModel, { modelId });
    // by key, then step: exact order and exact digits (a double would give 2^53 for 2^53+1)
    expect(got.loggedModel!.metrics.map((m) => [m.step, m.value])).toEqual([
      [MIN, 4],
      [1, 2],
      [ABOVE, 3],
      [MAX, 1],
    ]);
    const h = await t.execute(MetricHistory, { runId: run, key: 'linked', first: 10 });
    expect(h.run!.metricHistory.edges.map((e) => e.node.step)).toEqual([MIN, 1, ABOVE, MAX]);
  });

  it('metricBuckets buckets wide steps exactly (BigInt edges), also beside a run of ordinary steps', async () => {
    const wide = await seedRun(t, exp);
    const plain = await seedRun(t, exp);
    const logged = [MAX, 5, '9007199254740994', ABOVE, -1, BELOW, 0, MIN];
    await logSteps(wide, 'b', logged);
    await logSteps(plain, 'b', [0, 1, 2, 3]);
    const query = `query ($ids: [String!]!, $n: Int!, $start: Step, $end: Step, $axis: SeriesAxis) {
      metricBuckets(runIds: $ids, key: "b", buckets: $n, start: $start, end: $end, axis: $axis) {
        start end runs { runId index xStart xEnd count minStep maxStep lastStep lastValue } } }`;
    type Res = { metricBuckets: { start: unknown; end: unknown; runs: Record<string, unknown>[] } };
    const ask = async (vars: Record<string, unknown>) => {
      const res = await t.executeRaw<Res, unknown>(query, { ids: [wide, plain], ...vars });
      expect(res.errors).toBeUndefined();
      return res.data!.metricBuckets;
    };
    // the reference: bucketize with BigInt (bucket i holds floor((x - start) * n / width) = i)
    const canon = (v: bigint) =>
      v >= -(2n ** 53n - 1n) && v <= 2n ** 53n - 1n ? Number(v) : String(v);
    const reference = (steps: (number | string)[], start: bigint, end: bigint, n: number) => {
      const width = end - start + 1n;
      const ceil = (a: bigint) => (a + BigInt(n) - 1n) / BigInt(n);
      const rows = new Map<number, { steps: bigint[]; last: [bigint, number] }>();
      steps.forEach((raw, value) => {
        const x = BigInt(raw);
        if (x < start || x > end) return;
        const i = Math.min(n - 1, Number(((x - start) * BigInt(n)) / width));
        const row = rows.get(i) ?? { steps: [], last: [x, value] };
        row.steps.push(x);
        if (x > row.last[0]) row.last = [x, value];
        rows.set(i, row);
      });
      const index = [...rows.keys()].sort((a, b) => a - b);
      const col = (f: (i: number, r: { steps: bigint[]; last: [bigint, number] }) => unknown) =>
        index.map((i) => f(i, rows.get(i)!));
      const ordered = (xs: bigint[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const min = (xs: bigint[]) => ordered(xs)[0]!;
      const max = (xs: bigint[]) => ordered(xs).at(-1)!;
      return {
        index,
        xStart: col((i) => canon(start + ceil(BigInt(i) * width))),
        xEnd: col((i) => canon(start + ceil(BigInt(i + 1) * width) - 1n)),
        count: col((_, r) => r.steps.length),
        minStep: col((_, r) => canon(min(r.steps))),
        maxStep: col((_, r) => canon(max(r.steps))),
        lastStep: col((_, r) => canon(r.last[0])),
        lastValue: col((_, r) => r.last[1]),
      };
    };
    // default range: the extent over both runs, [MIN, MAX]
    for (const n of [1, 3, 7, 1000]) {
      const set = await ask({ n });
      expect([set.start, set.end]).toEqual([MIN, MAX]);
      const [lo, hi] = [BigInt(MIN), BigInt(MAX)];
      expect(set.runs[0], `n=${n}`).toMatchObject(reference(logged, lo, hi, n));
      expect(set.runs[1], `n=${n}`).toMatchObject(reference([0, 1, 2, 3], lo, hi, n));
    }
    // a range between 2^53 and 2^63-1, and one cut by wide bounds on both sides
    for (const [start, end, n] of [
      [ABOVE, MAX, 2],
      [BELOW, '9007199254740994', 5],
      ['-9223372036854775808', MAX, 2],
    ] as const) {
      const set = await ask({ n, start, end });
      expect(set.runs[0], `${start}..${end}`).toMatchObject(
        reference(logged, BigInt(start), BigInt(end), n),
      );
    }
    // by time, a wide series still reports exact steps (its blocks hold rounded ones)
    const byTime = await ask({ n: 10, axis: 'WALL_TIME' });
    expect(byTime.runs[0]).toMatchObject({
      count: [8],
      minStep: [MIN],
      maxStep: [MAX],
      lastStep: [MAX],
    });
  });

  it('a live metricsLogged stream carries wide steps exactly, live and replayed', async () => {
    const run = await seedRun(t, exp);
    await logSteps(run, 'l', [MAX, 1]);
    const s = sseSubscribe(t.app.yoga.fetch, 'http://yoga/graphql', MetricsLogged, {
      runId: run,
      afterSeq: 0,
    });
    try {
      const replayed = await s.next();
      expect(replayed.errors).toBeUndefined();
      expect(replayed.data!.metricsLogged.metrics[0]!.steps).toEqual([MAX, 1]);
      await logSteps(run, 'l', [MIN, ABOVE, 2]);
      const live = await s.next();
      expect(live.errors).toBeUndefined();
      expect(live.data!.metricsLogged.metrics[0]!.steps).toEqual([MIN, ABOVE, 2]);
    } finally {
      await s.close();
    }
  });
});
