import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { staleness } from '../../server/modules/search/table-statistics.ts';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const SEARCH = `query($ids: [String!]!) {
  searchRuns(experimentIds: $ids, filter: "metrics.acc > 0.5 AND params.lr = '0.01'",
    orderBy: ["metrics.acc DESC"], first: 5) {
    edges { node { runId params { key value } latestMetrics { key value } } }
  }
}`;

interface SearchPage {
  searchRuns: {
    edges: {
      node: { runId: string; params: { value: string }[]; latestMetrics: { value: number }[] };
    }[];
  };
}

const TABLES = ['metric_summaries', 'params', 'run_tags', 'runs'];

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Bulk-imports `n` runs with SQL, past the API (as a migration or restore would). */
async function bulkImport(url: string, exp: string, n: number): Promise<void> {
  await withClient(url, async (c) => {
    await c.query(
      `insert into runs (id, experiment_id, name, status, start_time, artifact_uri)
       select md5('bulk-' || i), $1, 'bulk-' || i, 'FINISHED', 1700000000000 + i, '/tmp/a'
       from generate_series(1, $2::int) i`,
      [exp, n],
    );
    await c.query(
      `insert into params (run_id, key, value)
       select md5('bulk-' || i), 'lr', (array['0.1', '0.01'])[1 + i % 2] from generate_series(1, $1::int) i`,
      [n],
    );
    await c.query(
      `insert into metric_summaries (run_id, key, count, min_value, max_value, first_step,
         first_timestamp, first_value, last_step, last_timestamp, last_value, last_seq)
       select md5('bulk-' || i), 'acc', 1, v, v, 0, 0, v, 0, 0, v, 1
       from generate_series(1, $1::int) i, lateral (select (i % 1000) / 1000.0 as v) x`,
      [n],
    );
  });
}

/** Bulk-imports `n` traces with SQL, with a model-id metadata entry each. */
async function bulkImportTraces(url: string, exp: string, n: number): Promise<void> {
  await withClient(url, async (c) => {
    await c.query(
      `insert into trace_info (trace_id, experiment_id, request_time, state)
       select 'tr-' || md5('t-' || i), $1, 1700000000000 + i, 'OK' from generate_series(1, $2::int) i`,
      [exp, n],
    );
    await c.query(
      `insert into trace_metadata (trace_id, key, value)
       select 'tr-' || md5('t-' || i), 'mlflow.modelId', 'm-' || (i % 50) from generate_series(1, $1::int) i`,
      [n],
    );
  });
}

/** Last ANALYZE per search table (null: never), once PostgreSQL has counted the import. */
async function lastAnalyze(
  url: string,
  minModified = 0,
  tables = TABLES,
  watched = 'runs',
): Promise<Record<string, string | null>> {
  return withClient(url, async (c) => {
    for (let i = 0; i < 50; i++) {
      const { rows } = await c.query<{ t: string; at: string | null; modified: string }>(
        `select relname as t, last_analyze::text as at, n_mod_since_analyze::text as modified
         from pg_stat_user_tables where relname = any($1) order by relname`,
        [tables],
      );
      const runs = rows.find((r) => r.t === watched);
      if (Number(runs?.modified ?? 0) >= minModified || runs?.at) {
        return Object.fromEntries(rows.map((r) => [r.t, r.at]));
      }
      // counters reach the shared statistics within about a second of the writer going idle
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('PostgreSQL never counted the import');
  });
}

describe('staleness', () => {
  it('follows autovacuum: fresh up to 50 rows + 10 % changed, then stale', () => {
    expect(
      staleness({ table: 't', reltuples: 1000, liveRows: 1100, modifiedSinceAnalyze: 150 }),
    ).toBe('fresh');
    expect(
      staleness({ table: 't', reltuples: 1000, liveRows: 1200, modifiedSinceAnalyze: 200 }),
    ).toBe('stale');
  });

  it('calls statistics missing when never analyzed or outgrown, unless the table is tiny', () => {
    expect(
      staleness({ table: 't', reltuples: -1, liveRows: 5000, modifiedSinceAnalyze: 5000 }),
    ).toBe('missing');
    expect(
      staleness({ table: 't', reltuples: 1000, liveRows: 9000, modifiedSinceAnalyze: 8000 }),
    ).toBe('missing');
    expect(staleness({ table: 't', reltuples: -1, liveRows: 200, modifiedSinceAnalyze: 200 })).toBe(
      'stale',
    );
    expect(staleness({ table: 't', reltuples: -1, liveRows: 10, modifiedSinceAnalyze: 10 })).toBe(
      'fresh',
    );
  });
});

// each case clones a database and bulk-imports runs: slow on a busy machine
describe('planner statistics of the search tables', { timeout: 90_000 }, () => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('analyzes the tables of a bulk import before the first search over them', async () => {
    t = await createTestApp({ config: { autoAnalyzeMs: 0 } });
    const exp = await seedExperiment(t);
    await bulkImport(t.databaseUrl, exp, 3000);
    const before = await lastAnalyze(t.databaseUrl, 3000);
    expect(before.runs).toBeNull();
    expect(before.params).toBeNull();

    const page = await t.executeRaw<SearchPage, { ids: string[] }>(SEARCH, { ids: [exp] });
    expect(page.errors).toBeUndefined();
    const edges = page.data?.searchRuns.edges ?? [];
    expect(edges).toHaveLength(5);
    for (const e of edges) {
      expect(e.node.params[0]?.value).toBe('0.01');
      expect(e.node.latestMetrics[0]?.value).toBeGreaterThanOrEqual(0.997);
    }

    const after = await lastAnalyze(t.databaseUrl);
    expect(after.runs).not.toBeNull();
    expect(after.params).not.toBeNull();
    expect(after.metric_summaries).not.toBeNull();
    const reltuples = await withClient(t.databaseUrl, (c) =>
      c.query<{ n: number }>(`select reltuples::float8 as n from pg_class where relname = 'runs'`),
    );
    expect(reltuples.rows[0]?.n).toBeGreaterThanOrEqual(3000);
  });

  it('analyzes trace tables before a trace search, even right after a run search', async () => {
    t = await createTestApp({ config: { autoAnalyzeMs: 60_000 } });
    const exp = await seedExperiment(t);
    // a run search first: its check must not hold back the trace tables' own check
    await t.executeRaw<SearchPage, { ids: string[] }>(SEARCH, { ids: [exp] });
    await bulkImportTraces(t.databaseUrl, exp, 3000);
    const traceTables = ['trace_info', 'trace_metadata'];
    const before = await lastAnalyze(t.databaseUrl, 3000, traceTables, 'trace_info');
    expect(before.trace_info).toBeNull();

    const page = await t.executeRaw<
      { searchTraces: { edges: { node: { traceId: string } }[] } },
      { ids: string[] }
    >(
      `query($ids: [String!]!) { searchTraces(experimentIds: $ids,
        filter: "metadata.mlflow.modelId = 'm-7'", first: 10) { edges { node { traceId } } } }`,
      { ids: [exp] },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data?.searchTraces.edges).toHaveLength(10);
    const after = await lastAnalyze(t.databaseUrl, 0, traceTables, 'trace_info');
    expect(after.trace_info).not.toBeNull();
    expect(after.trace_metadata).not.toBeNull();
  });

  it('leaves statistics alone when switched off (autoAnalyzeMs -1)', async () => {
    t = await createTestApp({ config: { autoAnalyzeMs: -1 } });
    const exp = await seedExperiment(t);
    await bulkImport(t.databaseUrl, exp, 3000);
    await lastAnalyze(t.databaseUrl, 3000);
    const page = await t.executeRaw<SearchPage, { ids: string[] }>(SEARCH, { ids: [exp] });
    expect(page.data?.searchRuns.edges).toHaveLength(5);
    const after = await lastAnalyze(t.databaseUrl);
    expect(after.runs).toBeNull();
    expect(after.params).toBeNull();
  });
});
