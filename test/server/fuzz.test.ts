import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** Cases per property: a small, seed-stable set in the suite; `FUZZ_RUNS=100000` for a long run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
/** Every case must run (no silent cut-off): the time allowed grows with the count. */
const TIMEOUT_MS = Math.max(120_000, RUNS * 100);

/** Codes a refusal may carry: anything else (or a masked "Unexpected error.") is a server fault. */
const EXPECTED = new Set([
  'INVALID_PARAMETER_VALUE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'RESOURCE_DOES_NOT_EXIST',
]);

/** Pieces of MLflow's filter grammar, recombined at random with noise. */
const token = fc.oneof(
  fc.constantFrom(
    'metrics.acc',
    'params.lr',
    'tags.team',
    'attributes.status',
    'attribute.start_time',
    'run_name',
    'datasets.name',
    'tags.`a b`',
    '`x`',
    'metric.',
    'params.',
    '=',
    '!=',
    '<',
    '<=',
    '>',
    '>=',
    'LIKE',
    'ILIKE',
    'IN',
    'NOT IN',
    'IS NULL',
    'IS NOT NULL',
    'AND',
    'and',
    'OR',
    '(',
    ')',
    ',',
    "'0.01'",
    "'%a_'",
    '"dq"',
    '0.5',
    '-1e309',
    'NaN',
    "'",
    '"',
    '`',
    '\\',
    "''",
    '%',
    '_',
  ),
  fc.string({ maxLength: 6 }),
  fc.integer().map(String),
);
const filterArb = fc.array(token, { maxLength: 14 }).map((parts) => parts.join(' '));

const documentArb = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        '{',
        '}',
        '(',
        ')',
        'query',
        'mutation',
        'subscription',
        'run',
        'experiment',
        'runId:',
        'experimentByName',
        'name:',
        '"x"',
        '$v',
        ':',
        '...',
        'on',
        'Run',
        '@skip(if: true)',
        'searchRuns',
        'experimentIds:',
        '[',
        ']',
        'edges',
        'node',
        'runId',
        'a:',
        '__typename',
        'fragment',
        'F',
        '#',
        '"""',
        '\\u0000',
        '1e999',
        'null',
      ),
      { maxLength: 25 },
    )
    .map((parts) => parts.join(' ')),
);

describe('fuzz: no input makes the server fail or hang', () => {
  let t: TestApp;
  let experimentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    experimentId = await seedExperiment(t);
    await seedRun(t, experimentId);
  });
  afterAll(() => t.close());

  async function post(body: unknown) {
    const res = await t.app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    return { status: res.status, json };
  }

  function assertNoFault(r: Awaited<ReturnType<typeof post>>, input: string) {
    expect(r.status, input).toBeLessThan(500);
    for (const e of r.json.errors ?? []) {
      expect(e.message, input).not.toBe('Unexpected error.');
      if (e.extensions?.code)
        expect(EXPECTED.has(e.extensions.code), `${input}: ${e.extensions.code}`).toBe(true);
    }
  }

  it(
    `searchRuns filters (${RUNS} seed-stable cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(filterArb, async (filter) => {
          const r = await post({
            query:
              'query($e: [String!]!, $f: String) { searchRuns(experimentIds: $e, filter: $f) { edges { node { runId } } } }',
            variables: { e: [experimentId], f: filter },
          });
          assertNoFault(r, filter);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT_MS,
  );

  it(
    `random GraphQL documents and arguments (${RUNS} seed-stable cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(documentArb, fc.jsonValue({ maxDepth: 3 }), async (query, v) => {
          assertNoFault(await post({ query, variables: { v } }), query);
          const r = await post({
            query:
              'query($v: String!) { experimentByName(name: $v) { name } run(runId: $v) { runId } }',
            variables: { v },
          });
          assertNoFault(r, JSON.stringify(v));
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT_MS,
  );
});
