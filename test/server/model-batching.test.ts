import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { LogModelInputs, LogOutputs } from '../helpers/model-documents.ts';
import { seedExperiment, seedModel, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const ModelsPage = graphql(`
  query ModelsPage($experimentIds: [String!]!, $first: Int) {
    searchLoggedModels(experimentIds: $experimentIds, first: $first, orderBy: [{ fieldName: "name" }]) {
      edges {
        node {
          name
          experiment { experimentId }
          sourceRun { runId outputs { modelId step } modelInputs { modelId model { name } } }
          params { key value }
          tags { key value }
          metrics { key value run { runId } dataset { name } }
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

async function seedModels(n: number): Promise<string> {
  const exp = await seedExperiment(t);
  for (let i = 0; i < n; i++) {
    const run = await seedRun(t, exp);
    const id = await seedModel(t, exp, {
      name: `m${String(i).padStart(2, '0')}`,
      sourceRunId: run,
      params: [{ key: 'i', value: `${i}` }],
      tags: [{ key: 't', value: 'v' }],
    });
    await t.execute(LogOutputs, { input: { runId: run, models: [{ modelId: id, step: i }] } });
    await t.execute(LogModelInputs, { input: { runId: run, models: [{ modelId: id }] } });
    await t.execute(LogBatch, {
      input: {
        runId: run,
        metrics: [
          { key: 'acc', values: [i / 100], modelId: id, datasetName: 'd', datasetDigest: 'x' },
        ],
      },
    });
  }
  return exp;
}

describe('model batching', () => {
  it('reads a page of models with their runs, links, params, tags and metrics in a constant number of statements', async () => {
    const small = await seedModels(2);
    const large = await seedModels(20);
    t.sql.length = 0;
    await t.execute(ModelsPage, { experimentIds: [small], first: 20 });
    const forSmall = t.sql.length;
    t.sql.length = 0;
    const res = await t.execute(ModelsPage, { experimentIds: [large], first: 20 });
    const statements = [...t.sql];
    const edges = res.searchLoggedModels.edges;
    expect(edges).toHaveLength(20);
    const m7 = edges[7]!.node;
    expect(m7).toMatchObject({
      name: 'm07',
      params: [{ key: 'i', value: '7' }],
      tags: [{ key: 't', value: 'v' }],
      metrics: [{ key: 'acc', value: 0.07, dataset: { name: 'd' } }],
      sourceRun: { outputs: [{ step: 7 }], modelInputs: [{ model: { name: 'm07' } }] },
    });
    expect(m7.metrics[0]?.run?.runId).toBe(m7.sourceRun?.runId);
    expect(statements.length, statements.join('\n')).toBe(forSmall);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(10);
  });
});
