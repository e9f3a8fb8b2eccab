import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryPageQuery } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { rng } from '../helpers/rng.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const Page = graphql(`
  query HistoryPage(
    $runId: String!
    $first: Int
    $after: String
    $last: Int
    $before: String
    $minStep: Step
    $maxStep: Step
  ) {
    run(runId: $runId) {
      metricHistory(
        key: "k"
        first: $first
        after: $after
        last: $last
        before: $before
        minStep: $minStep
        maxStep: $maxStep
      ) {
        edges { node { step timestamp value } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

type Point = { step: number; timestamp: number; value: number; seq: number; ord: number };

let t: TestApp;
let run: string;
const points: Point[] = [];

beforeAll(async () => {
  t = await createTestApp();
  run = await seedRun(t, await seedExperiment(t));
  const rand = rng(7);
  // 40 batches: most log a sorted run of steps (the usual training loop), some scatter steps over
  // the whole span or repeat steps already logged, so segments overlap and ties need the timestamp,
  // then the batch, then the position to order them
  for (let b = 0; b < 40; b++) {
    const kind = b % 5;
    const n = 5 + Math.floor(rand() * 20);
    const steps = Array.from({ length: n }, (_, i) =>
      kind === 3 ? Math.floor(rand() * 400) : kind === 4 ? b * 10 : b * 10 + i,
    );
    const timestamps = steps.map(() => 1000 + Math.floor(rand() * 5));
    const values = steps.map((_, i) => b * 1000 + i);
    await t.execute(LogBatch, {
      input: { runId: run, metrics: [{ key: 'k', steps, timestamps, values }] },
    });
    for (const [i, step] of steps.entries()) {
      points.push({ step, timestamp: timestamps[i]!, value: values[i]!, seq: b + 1, ord: i });
    }
  }
  points.sort(
    (a, b) => a.step - b.step || a.timestamp - b.timestamp || a.seq - b.seq || a.ord - b.ord,
  );
});
afterAll(() => t.close());

const view = (p: { step: number | string; timestamp: number; value: number | string }) => [
  p.step,
  p.timestamp,
  p.value,
];

describe('metricHistory paging over many overlapping segments', () => {
  for (const size of [1, 7, 64, 500]) {
    for (const range of [{}, { minStep: 35, maxStep: 260 }]) {
      const expected = () =>
        points
          .filter((p) => p.step >= (range.minStep ?? -1e15) && p.step <= (range.maxStep ?? 1e15))
          .map(view);

      it(`forward in pages of ${size}${range.minStep ? ' within a step range' : ''}`, async () => {
        const got: unknown[] = [];
        for (let after: string | null = null; ; ) {
          const res: HistoryPageQuery = await t.execute(Page, {
            runId: run,
            first: size,
            after,
            ...range,
          });
          const h = res.run!.metricHistory;
          got.push(...h.edges.map((e) => view(e.node)));
          if (!h.pageInfo.hasNextPage) break;
          after = h.pageInfo.endCursor!;
        }
        expect(got).toEqual(expected());
      });

      it(`backward in pages of ${size}${range.minStep ? ' within a step range' : ''}`, async () => {
        const got: unknown[][] = [];
        for (let before: string | null = null; ; ) {
          const res: HistoryPageQuery = await t.execute(Page, {
            runId: run,
            last: size,
            before,
            ...range,
          });
          const h = res.run!.metricHistory;
          got.unshift(...h.edges.map((e) => view(e.node)));
          if (!h.pageInfo.hasPreviousPage) break;
          before = h.pageInfo.startCursor!;
        }
        expect(got).toEqual(expected());
      });
    }
  }
});
