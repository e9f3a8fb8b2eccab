import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogTraceInput, SpanInput } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { seedExperiment, seedModel, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { LogTrace, newTraceId, span } from '../helpers/trace-documents.ts';

const Search = graphql(`
  query SearchTraceIds($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $first: Int, $after: String) {
    searchTraces(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      edges { node { traceId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const Links = graphql(`
  query TraceLinks($experimentId: String!, $modelId: String!, $runId: String!) {
    experiment(experimentId: $experimentId) { traces(first: 50, filter: "status = 'ERROR'") { edges { node { traceId } } } }
    loggedModel(modelId: $modelId) { traces { edges { node { traceId experimentId } } } }
    run(runId: $runId) { traces { edges { node { traceId } } } }
  }
`);

let t: TestApp;
let exp: string;
/** name → trace id. */
const ids: Record<string, string> = {};
const T0 = 1_730_000_000_000;

async function log(
  name: string,
  offsetMs: number,
  { rootExtra, ...extra }: Partial<LogTraceInput> & { rootExtra?: Partial<SpanInput> } = {},
) {
  const traceId = newTraceId();
  const res = await t.execute(LogTrace, {
    input: {
      experimentId: exp,
      traceId,
      ...extra,
      spans: [span(name, T0 + offsetMs, offsetMs * 10 + 5, rootExtra)],
    },
  });
  if (res.logTrace.__typename !== 'LogTraceSuccess') throw new Error(JSON.stringify(res.logTrace));
  ids[name] = traceId;
}

beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
  // durations: a 5, b 15, c 25, d 35
  await log('a', 0, {
    tags: [{ key: 'team', value: 'red' }],
    metadata: [{ key: 'env', value: 'prod' }],
    clientRequestId: 'req-a',
  });
  await log('b', 1, {
    tags: [{ key: 'team', value: 'blue' }],
    metadata: [{ key: 'env', value: 'dev' }],
  });
  await log('c', 2, {
    tags: [{ key: 'mlflow.x', value: 'v' }],
    rootExtra: {
      statusCode: 'ERROR',
      spanType: 'LLM',
      attributes: [{ key: 'model', value: '"gpt-4o"' }],
      inputs: '"find the needle"',
    },
  });
  await log('d', 3, { rootExtra: { spanType: 'TOOL' } });
});
afterAll(() => t.close());

async function names(filter: string | null, orderBy: string[] | null = null): Promise<string[]> {
  const res = await t.execute(Search, { experimentIds: [exp], filter, orderBy, first: 50 });
  const byId = Object.fromEntries(Object.entries(ids).map(([n, id]) => [id, n]));
  return res.searchTraces.edges.map((e) => byId[e.node.traceId] ?? e.node.traceId);
}

describe('searchTraces filter grammar', () => {
  it('compares numeric attributes and their aliases', async () => {
    expect(await names(null)).toEqual(['d', 'c', 'b', 'a']);
    expect(await names(`timestamp_ms > ${T0}`)).toEqual(['d', 'c', 'b']);
    expect(await names(`attributes.timestamp >= ${T0 + 2}`)).toEqual(['d', 'c']);
    expect(await names('execution_time_ms < 15')).toEqual(['a']);
    expect(await names('trace.execution_time <= 15')).toEqual(['b', 'a']);
    expect(await names('execution_time_ms != 25')).toEqual(['d', 'b', 'a']);
    expect(await names('execution_time_ms = 25')).toEqual(['c']);
    expect(await names(`end_time_ms > ${T0 + 20}`)).toEqual(['d', 'c']);
  });

  it('matches string attributes with = != IN NOT IN LIKE ILIKE RLIKE', async () => {
    expect(await names(`status = 'ERROR'`)).toEqual(['c']);
    expect(await names(`status != 'ERROR'`)).toEqual(['d', 'b', 'a']);
    expect(await names(`status IN ('ERROR', 'IN_PROGRESS')`)).toEqual(['c']);
    expect(await names(`name NOT IN ('a', 'b')`)).toEqual(['d', 'c']);
    expect(await names(`name LIKE 'a%'`)).toEqual(['a']);
    expect(await names(`name ILIKE 'B'`)).toEqual(['b']);
    expect(await names(`name RLIKE '^[cd]$'`)).toEqual(['d', 'c']);
    expect(await names(`request_id = '${ids.b}'`)).toEqual(['b']);
    expect(await names(`client_request_id = 'req-a'`)).toEqual(['a']);
  });

  it('filters on tags and metadata, backquoted keys and IS NULL included', async () => {
    expect(await names(`tags.team = 'red'`)).toEqual(['a']);
    expect(await names(`tag.team != 'red'`)).toEqual(['b']);
    expect(await names('tags.team IS NULL')).toEqual(['d', 'c']);
    expect(await names('tags.team IS NOT NULL')).toEqual(['b', 'a']);
    expect(await names("tags.`mlflow.x` = 'v'")).toEqual(['c']);
    expect(await names("tags.`mlflow.traceName` RLIKE '^d'")).toEqual(['d']);
    expect(await names(`metadata.env = 'prod'`)).toEqual(['a']);
    expect(await names(`request_metadata.env LIKE '%e%'`)).toEqual(['b']);
    expect(await names(`metadata.env ILIKE 'PROD' AND tags.team = 'red'`)).toEqual(['a']);
    expect(await names(`metadata.env = 'prod' AND tags.team = 'blue'`)).toEqual([]);
  });

  it('keeps a trace when any of its spans matches a span clause', async () => {
    expect(await names(`span.type = 'LLM'`)).toEqual(['c']);
    expect(await names(`span.type IN ('TOOL', 'LLM')`)).toEqual(['d', 'c']);
    expect(await names(`span.status = 'STATUS_CODE_ERROR'`)).toEqual(['c']);
    expect(await names(`span.name LIKE 'd%'`)).toEqual(['d']);
    expect(await names(`span.attributes.model = 'gpt-4o'`)).toEqual(['c']);
    expect(await names("span.attributes.`model` RLIKE 'gpt'")).toEqual(['c']);
    expect(await names(`span.content ILIKE '%NEEDLE%'`)).toEqual(['c']);
    expect(await names(`text LIKE '%needle%'`)).toEqual(['c']);
  });

  it('rejects bad filters and orders with INVALID_PARAMETER_VALUE and names the reason', async () => {
    const bad = [
      [`status > 'OK'`, null],
      [`tags.team IN ('a')`, null],
      [`span.foo = 'x'`, null],
      [`unknown.x = 'y'`, null],
      [`execution_time_ms = 'slow'`, null],
      [`name RLIKE '('`, null],
      [`experiment_id = 1`, null],
      [null, ['span.name']],
      [null, ['timestamp_ms', 'timestamp DESC']],
      [`status = 'OK' OR status = 'ERROR'`, null],
    ] as const;
    for (const [filter, orderBy] of bad) {
      const res = await t.executeRaw(Search, {
        experimentIds: [exp],
        filter,
        orderBy: orderBy ? [...orderBy] : null,
      });
      expect(res.errors?.[0]?.extensions?.code, `${filter} ${orderBy}`).toBe(
        'INVALID_PARAMETER_VALUE',
      );
    }
  });
});

describe('searchTraces order and paging', () => {
  it('orders by attributes, tags and metadata with missing values last', async () => {
    expect(await names(null, ['execution_time_ms ASC'])).toEqual(['a', 'b', 'c', 'd']);
    expect(await names(null, ['attributes.timestamp_ms'])).toEqual(['a', 'b', 'c', 'd']);
    expect(await names(null, ['tags.team'])).toEqual(['b', 'a', 'd', 'c']);
    expect(await names(null, ['tags.team DESC'])).toEqual(['a', 'b', 'd', 'c']);
    expect(await names(null, ['metadata.env DESC', 'name'])).toEqual(['a', 'b', 'c', 'd']);
    expect(await names(null, ['name DESC'])).toEqual(['d', 'c', 'b', 'a']);
  });

  it('pages stay exact while newer traces are added', async () => {
    const e = await seedExperiment(t);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const traceId = newTraceId();
      made.unshift(traceId);
      await t.execute(LogTrace, { input: { experimentId: e, traceId, requestTime: T0 + i } });
    }
    const p1 = await t.execute(Search, { experimentIds: [e], first: 2 });
    expect(p1.searchTraces.edges.map((x) => x.node.traceId)).toEqual(made.slice(0, 2));
    expect(p1.searchTraces.pageInfo.hasNextPage).toBe(true);
    await t.execute(LogTrace, { input: { experimentId: e, requestTime: T0 + 100 } });
    const p2 = await t.execute(Search, {
      experimentIds: [e],
      first: 2,
      after: p1.searchTraces.pageInfo.endCursor,
    });
    expect(p2.searchTraces.edges.map((x) => x.node.traceId)).toEqual(made.slice(2, 4));
    const p3 = await t.execute(Search, {
      experimentIds: [e],
      first: 2,
      after: p2.searchTraces.pageInfo.endCursor,
    });
    expect(p3.searchTraces.edges.map((x) => x.node.traceId)).toEqual(made.slice(4));
    expect(p3.searchTraces.pageInfo.hasNextPage).toBe(false);
    const big = await t.executeRaw(Search, { experimentIds: [e], first: 501 });
    expect(big.errors?.[0]?.extensions?.code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('trace links', () => {
  it('lists an experiment’s traces, a model’s traces (mlflow.modelId) and a run’s traces (mlflow.sourceRun)', async () => {
    const other = await seedExperiment(t);
    const model = await seedModel(t, exp);
    const run = await seedRun(t, exp);
    const linked = newTraceId();
    const elsewhere = newTraceId();
    await t.execute(LogTrace, {
      input: {
        experimentId: exp,
        traceId: linked,
        metadata: [
          { key: 'mlflow.modelId', value: model },
          { key: 'mlflow.sourceRun', value: run },
        ],
      },
    });
    await t.execute(LogTrace, {
      input: {
        experimentId: other,
        traceId: elsewhere,
        metadata: [{ key: 'mlflow.modelId', value: model }],
      },
    });
    const res = await t.execute(Links, { experimentId: exp, modelId: model, runId: run });
    expect(res.experiment?.traces.edges.map((e) => e.node.traceId)).toEqual([ids.c]);
    expect(res.loggedModel?.traces.edges.map((e) => e.node.traceId)).toEqual([elsewhere, linked]);
    expect(res.run?.traces.edges.map((e) => e.node.traceId)).toEqual([linked]);
    expect(await names(`run_id = '${run}'`)).toEqual([linked]);
  });
});
