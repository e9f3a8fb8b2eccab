import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { LogTrace, newSpanId, newTraceId, span } from '../helpers/trace-documents.ts';

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

const TracesPage = graphql(`
  query TracesPage($experimentId: String!, $first: Int, $filter: String) {
    searchTraces(experimentIds: [$experimentId], first: $first, filter: $filter) {
      edges {
        node {
          traceId
          state
          metadata { key value }
          tags { key value }
          spans { spanId parentSpanId name attributes { key value } }
          rootSpan { spanId name inputs }
          experiment { experimentId name }
        }
      }
    }
    experiment(experimentId: $experimentId) {
      traces(first: $first) {
        edges { node { traceId metadata { key } tags { key } spans { spanId } rootSpan { name } } }
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

async function seedTraces(traces: number): Promise<string> {
  const exp = await seedExperiment(t);
  for (let i = 0; i < traces; i++) {
    const rootId = newSpanId();
    const res = await t.execute(LogTrace, {
      input: {
        experimentId: exp,
        traceId: newTraceId(),
        metadata: [{ key: 'mlflow.modelId', value: `m-${i % 3}` }],
        tags: [{ key: 'team', value: 'search' }],
        spans: [
          span(`root-${i}`, 1_000 + i, 50, { spanId: rootId, inputs: `{"q": ${i}}` }),
          span('retrieve', 1_010 + i, 10, { parentSpanId: rootId }),
          span('llm', 1_020 + i, 20, { parentSpanId: rootId }),
        ],
      },
    });
    if (res.logTrace.__typename !== 'LogTraceSuccess') throw new Error(res.logTrace.__typename);
  }
  return exp;
}

describe('trace batching', () => {
  it('reads a page of traces with metadata, tags, spans and root spans in a constant number of statements', async () => {
    const small = await seedTraces(2);
    const large = await seedTraces(20);
    t.sql.length = 0;
    await t.execute(TracesPage, { experimentId: small, first: 20 });
    const forSmall = t.sql.length;
    t.sql.length = 0;
    const res = await t.execute(TracesPage, { experimentId: large, first: 20 });
    const statements = [...t.sql];
    const edges = res.searchTraces.edges;
    expect(edges).toHaveLength(20);
    const newest = edges[0]!.node;
    expect(newest.metadata).toEqual([
      { key: 'mlflow.modelId', value: 'm-1' },
      { key: 'mlflow.trace.infoFinalized', value: 'true' },
    ]);
    expect(newest.tags.map((x) => x.key)).toContain('team');
    expect(newest.spans.map((s) => s.name)).toEqual(['root-19', 'retrieve', 'llm']);
    expect(newest.rootSpan).toMatchObject({ name: 'root-19', inputs: '{"q":19}' });
    expect(newest.experiment.experimentId).toBe(large);
    expect(res.experiment!.traces.edges).toHaveLength(20);
    expect(res.experiment!.traces.edges[19]!.node.rootSpan!.name).toBe('root-0');
    expect(statements.length, statements.join('\n')).toBe(forSmall);
    // the experiment and both pages (infos come with them), then one statement per loader:
    // metadata, tags, spans, root spans and the traces' experiment
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(8);
    const filtered = await t.execute(TracesPage, {
      experimentId: large,
      first: 20,
      filter: "metadata.mlflow.modelId = 'm-1'",
    });
    expect(filtered.searchTraces.edges).toHaveLength(7);
  });
});
