import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * A genuinely slow request, no test hook: PostgreSQL's planner takes tens of seconds over a
 * logged-model search whose filter ANDs 200 clauses (each an EXISTS on the params table).
 */
const SLOW_FILTER = Array.from({ length: 200 }, (_, i) => `params.p${i} = 'v'`).join(' AND ');
const SEARCH = `query Slow($e: [String!]!, $f: String) {
  searchLoggedModels(experimentIds: $e, filter: $f) { edges { node { modelId } } }
}`;

/** Statements of `url`'s database running right now that touch logged_models (but this one). */
async function runningSearches(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and state = 'active' and pid <> pg_backend_pid()
         and query like '%logged_models%'`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function waitForCount(url: string, want: (n: number) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  let n = await runningSearches(url);
  while (!want(n) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    n = await runningSearches(url);
  }
  return n;
}

describe('statement timeout (TRACKQL_STATEMENT_TIMEOUT_MS)', () => {
  let t: TestApp;
  let url: string;
  let experimentId: string;
  beforeAll(async () => {
    t = await createTestApp({ config: { statementTimeoutMs: 500 } });
    url = await t.listen();
    experimentId = await seedExperiment(t);
  });
  afterAll(() => t.close());

  it('cuts a slow GraphQL search with DEADLINE_EXCEEDED and HTTP 504, not a masked error', async () => {
    const started = Date.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SEARCH, variables: { e: [experimentId], f: SLOW_FILTER } }),
    });
    const body = (await res.json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(res.status).toBe(504);
    expect(body.errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(body.errors?.[0]?.message).toMatch(/statement timeout/);
  });

  it('cuts the same search over MLflow REST with 504 DEADLINE_EXCEEDED', async () => {
    const rest = url.replace('/graphql', '/api/2.0/mlflow/logged-models/search');
    const res = await fetch(rest, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ experiment_ids: [experimentId], filter: SLOW_FILTER }),
    });
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error_code: 'DEADLINE_EXCEEDED' });
  });

  it('leaves the pool usable: the next request answers', async () => {
    const res = await t.executeRaw(SEARCH, { e: [experimentId], f: "params.p0 = 'v'" });
    expect(res.errors).toBeUndefined();
  });
});

describe('a client that disconnects', () => {
  let t: TestApp;
  let url: string;
  let experimentId: string;
  beforeAll(async () => {
    // the default timeout (30 s): only the cancel can stop the statement early
    t = await createTestApp();
    url = await t.listen();
    experimentId = await seedExperiment(t);
  });
  afterAll(() => t.close());

  it('cancels its running statement: nothing is left in pg_stat_activity', async () => {
    const controller = new AbortController();
    const request = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SEARCH, variables: { e: [experimentId], f: SLOW_FILTER } }),
      signal: controller.signal,
    }).catch((err: unknown) => err);
    expect(await waitForCount(t.databaseUrl, (n) => n > 0, 10_000)).toBeGreaterThan(0);
    controller.abort();
    await request;
    expect(await waitForCount(t.databaseUrl, (n) => n === 0, 5_000)).toBe(0);
    // the connection went back to the pool in a usable state
    const res = await t.executeRaw(SEARCH, { e: [experimentId], f: "params.p0 = 'v'" });
    expect(res.errors).toBeUndefined();
  });
});
