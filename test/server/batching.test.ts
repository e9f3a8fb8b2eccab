import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const LogInputs = graphql(`
  mutation LogInputsForBatching($input: LogInputsInput!) {
    logInputs(input: $input) { __typename }
  }
`);

const Page = graphql(`
  query RunsPage($experimentId: String!, $first: Int) {
    experiment(experimentId: $experimentId) {
      name
      tags { key }
      runs(first: $first) {
        edges {
          node {
            runId
            params { key value }
            tags { key value }
            latestMetrics { key value step }
            metricSummaries { key count }
            children { runId }
            parent { runId }
            experiment { experimentId }
            inputs { context dataset { name digest } tags { key value } }
          }
        }
      }
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function seedPage(runs: number): Promise<string> {
  const exp = await seedExperiment(t);
  for (let i = 0; i < runs; i++) {
    const run = await seedRun(t, exp, { startTime: 1_000 + i });
    await t.execute(LogBatch, {
      input: {
        runId: run,
        params: [
          { key: 'a', value: `${i}` },
          { key: 'b', value: 'x' },
          { key: 'c', value: 'y' },
        ],
        tags: [
          { key: 't1', value: 'v' },
          { key: 't2', value: 'v' },
        ],
        metrics: [
          { key: 'acc', values: [i / 100], steps: [1] },
          { key: 'loss', values: [1 - i / 100], steps: [1] },
        ],
      },
    });
    await t.execute(LogInputs, {
      input: {
        runId: run,
        datasets: [
          {
            dataset: { name: 'train', digest: `d${i}`, sourceType: 'local', source: '{}' },
            tags: [{ key: 'mlflow.data.context', value: 'training' }],
          },
        ],
      },
    });
  }
  return exp;
}

describe('batching', () => {
  it('reads a page of runs with params, tags and metrics in a constant number of statements', async () => {
    const small = await seedPage(3);
    const large = await seedPage(25);
    t.sql.length = 0;
    await t.execute(Page, { experimentId: small, first: 25 });
    const forSmall = t.sql.length;
    t.sql.length = 0;
    const res = await t.execute(Page, { experimentId: large, first: 25 });
    const statements = [...t.sql];
    const edges = res.experiment!.runs.edges;
    expect(edges).toHaveLength(25);
    const newest = edges[0]!.node;
    expect(newest.params).toEqual([
      { key: 'a', value: '24' },
      { key: 'b', value: 'x' },
      { key: 'c', value: 'y' },
    ]);
    expect(newest.latestMetrics).toEqual([
      { key: 'acc', value: 0.24, step: 1 },
      { key: 'loss', value: 0.76, step: 1 },
    ]);
    expect(newest.tags.map((x) => x.key)).toEqual(['mlflow.runName', 't1', 't2']);
    expect(newest.inputs).toEqual([
      {
        context: 'training',
        dataset: { name: 'train', digest: 'd24' },
        tags: [{ key: 'mlflow.data.context', value: 'training' }],
      },
    ]);
    expect(statements.length, statements.join('\n')).toBe(forSmall);
    // one statement per loadable list: the inputs list added the tenth
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(10);
  });
});
