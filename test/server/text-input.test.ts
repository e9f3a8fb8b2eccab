import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, rawRequest } from '../helpers/http.ts';
import { seedExperiment, seedRun, uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface GqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

const CREATE = `mutation($input: CreateExperimentInput!) {
  createExperiment(input: $input) { __typename ... on ValidationError { code field message } }
}`;
const BY_NAME = 'query($n: String!) { experimentByName(name: $n) { name } }';

describe('NUL characters and invalid UTF-8 in string input', () => {
  let t: TestApp;
  let base: string;
  let experimentId: string;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    base = (await t.listen()).replace('/graphql', '');
    experimentId = await seedExperiment(t);
    runId = await seedRun(t, experimentId);
  });
  afterAll(() => t.close());

  async function gql(body: Buffer | string): Promise<GqlAnswer> {
    const res = await rawRequest(base, 'POST', '/graphql', body, {
      'content-type': 'application/json',
    });
    return json<GqlAnswer>(res);
  }

  function refused(a: GqlAnswer, field: string, message: RegExp) {
    expect(a.errors?.[0]?.extensions?.code).toBe('INVALID_PARAMETER_VALUE');
    expect(a.errors?.[0]?.extensions?.field).toBe(field);
    expect(a.errors?.[0]?.message).toMatch(message);
  }

  async function exists(name: string): Promise<boolean> {
    const res = await t.executeRaw<{ experimentByName: unknown }, { n: string }>(BY_NAME, {
      n: name,
    });
    return res.data?.experimentByName != null;
  }

  it('GraphQL: a NUL in a mutation input is its ValidationError naming the field; nothing is written', async () => {
    const name = uniqueName();
    const a = await gql(
      JSON.stringify({
        query: CREATE,
        variables: { input: { name, tags: [{ key: 'k', value: 'a\u0000b' }] } },
      }),
    );
    expect(a.data?.createExperiment).toMatchObject({
      __typename: 'ValidationError',
      code: 'INVALID_PARAMETER_VALUE',
      field: 'tags[0].value',
    });
    expect(await exists(name)).toBe(false);
  });

  it('GraphQL: an unpaired surrogate in a logBatch param is refused naming it', async () => {
    const a = await gql(
      JSON.stringify({
        query: `mutation($input: LogBatchInput!) { logBatch(input: $input) { __typename ... on ValidationError { field message } } }`,
        variables: { input: { runId, params: [{ key: 'p', value: 'x\ud800y' }] } },
      }),
    );
    expect(a.data?.logBatch).toMatchObject({
      __typename: 'ValidationError',
      field: 'params[0].value',
    });
    expect((a.data?.logBatch as { message?: string } | undefined)?.message).toMatch(
      /unpaired surrogate/,
    );
  });

  it('GraphQL: a NUL in a query argument variable is INVALID_PARAMETER_VALUE naming it', async () => {
    refused(
      await gql(JSON.stringify({ query: BY_NAME, variables: { n: 'a\u0000' } })),
      'name',
      /NUL/,
    );
  });

  it('GraphQL: a NUL in a document literal (names, filters) is refused naming the argument', async () => {
    const a = await gql(
      JSON.stringify({ query: '{ experimentByName(name: "a\\u0000b") { name } }' }),
    );
    refused(a, 'name', /NUL character/);
    const b = await gql(
      JSON.stringify({
        query: `{ searchRuns(experimentIds: ["${experimentId}"], filter: "params.a = '\\u0000'") { edges { node { runId } } } }`,
      }),
    );
    refused(b, 'filter', /NUL character/);
  });

  it('GraphQL: a body that is not UTF-8 is refused, not read as U+FFFD', async () => {
    const name = uniqueName();
    const text = JSON.stringify({ query: CREATE, variables: { input: { name: `${name}-X` } } });
    const bytes = Buffer.from(text, 'utf8');
    bytes[bytes.indexOf('-X') + 1] = 0xff;
    refused(await gql(bytes), 'body', /not valid UTF-8/);
    expect(await exists(`${name}-\ufffd`)).toBe(false);
  });

  it('REST: NUL and unpaired surrogates in JSON bodies are refused naming the field', async () => {
    const name = uniqueName();
    const a = await rawRequest(
      base,
      'POST',
      '/api/2.0/mlflow/experiments/create',
      JSON.stringify({ name: `${name}\u0000` }),
      { 'content-type': 'application/json' },
    );
    expect(a.status).toBe(400);
    expect(json(a)).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
    expect(json<{ message: string }>(a).message).toMatch(/'name' contains a NUL/);
    const b = await rawRequest(
      base,
      'POST',
      '/api/2.0/mlflow/runs/log-batch',
      JSON.stringify({ run_id: runId, tags: [{ key: 't', value: '\udc00' }] }),
      { 'content-type': 'application/json' },
    );
    expect(b.status).toBe(400);
    expect(json<{ message: string }>(b).message).toMatch(/'tags\[0\]\.value' is not valid Unicode/);
    expect(await exists(name)).toBe(false);
  });

  it('REST: a body or a query string that is not UTF-8 is refused', async () => {
    const body = Buffer.from(JSON.stringify({ name: 'bad-XX' }), 'utf8');
    body[body.indexOf('XX')] = 0xc3;
    body[body.indexOf('XX') + 1] = 0x28;
    const a = await rawRequest(base, 'POST', '/api/2.0/mlflow/experiments/create', body, {
      'content-type': 'application/json',
    });
    expect(a.status).toBe(400);
    expect(json<{ message: string }>(a).message).toMatch(/not valid UTF-8/);
    const b = await rawRequest(
      base,
      'GET',
      '/api/2.0/mlflow/experiments/get-by-name?experiment_name=a%FFb',
    );
    expect(b.status).toBe(400);
    expect(json<{ message: string }>(b).message).toMatch(/'experiment_name' is not valid UTF-8/);
    const c = await rawRequest(
      base,
      'GET',
      '/api/2.0/mlflow/experiments/get-by-name?experiment_name=a%00b',
    );
    expect(c.status).toBe(400);
    expect(json<{ message: string }>(c).message).toMatch(/'experiment_name' contains a NUL/);
  });
});
