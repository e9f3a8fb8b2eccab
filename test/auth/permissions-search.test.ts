import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from '../helpers/seed.ts';
import type { GraphQLResponse } from '../helpers/test-app.ts';
import { buildWorld, ROLES, type Role, type World } from './permissions-world.ts';

// Searches never return what the caller cannot read, and never reveal it through pages, cursors
// or hasNextPage: the filter is inside each search's SQL.

interface Page {
  edges: { cursor: string; node: Record<string, string> }[];
  pageInfo: { hasNextPage: boolean };
}

let w: World;
const hiddenRuns: string[] = [];
const openRuns: string[] = [];
beforeAll(async () => {
  w = await buildWorld();
  hiddenRuns.push(w.run);
  openRuns.push(w.openRun);
  for (let i = 0; i < 3; i++) {
    hiddenRuns.push(await seedRun(w.t, w.exp));
    openRuns.push(await seedRun(w.t, w.open));
  }
});
afterAll(() => w.close());

/** Every node of a search, one row per page, as `role`; checks the last page says so. */
async function pageThrough(
  role: Role,
  field: string,
  query: string,
  vars: Record<string, unknown>,
) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const res: GraphQLResponse<Record<string, Page>> = await w.as<Record<string, Page>>(
      role,
      query,
      { ...vars, after },
    );
    expect(res.errors).toBeUndefined();
    const page: Page = res.data![field]!;
    ids.push(...page.edges.map((e) => Object.values(e.node)[0]!));
    if (!page.pageInfo.hasNextPage) {
      return ids;
    }
    after = page.edges.at(-1)!.cursor;
  }
  throw new Error('too many pages');
}

const SEARCH_RUNS = `query($ids: [String!]!, $after: String) {
  searchRuns(experimentIds: $ids, first: 1, after: $after) { edges { cursor node { runId } } pageInfo { hasNextPage } }
}`;

describe('searchRuns', () => {
  it.each(ROLES)(
    '%s: pages one run at a time over both experiments and sees only readable runs',
    async (role) => {
      const ids = await pageThrough(role, 'searchRuns', SEARCH_RUNS, { ids: [w.exp, w.open] });
      const expected = role === 'none' ? openRuns : [...hiddenRuns, ...openRuns];
      expect(ids.sort()).toEqual([...expected].sort());
    },
  );

  it('an unreadable experiment alone gives an empty page with no next page', async () => {
    const res = await w.as<{ searchRuns: Page }>('none', SEARCH_RUNS, {
      ids: [w.exp],
      after: null,
    });
    expect(res.data?.searchRuns).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
  });
});

describe('experiments, logged models, traces', () => {
  const EXPS = `query($after: String) { searchExperiments(first: 1, after: $after) { edges { cursor node { experimentId } } pageInfo { hasNextPage } } }`;
  const LIST = `query($after: String) { experiments(first: 1, after: $after) { edges { cursor node { experimentId } } pageInfo { hasNextPage } } }`;

  it.each(ROLES)(
    '%s: searchExperiments and experiments leave out unreadable experiments',
    async (role) => {
      for (const [field, q] of [
        ['searchExperiments', EXPS],
        ['experiments', LIST],
      ] as const) {
        const ids = await pageThrough(role, field, q, {});
        expect(ids.includes(w.exp)).toBe(role !== 'none');
        expect(ids).toContain(w.open);
        expect(ids).toContain('0');
      }
    },
  );

  it.each(ROLES)('%s: searchLoggedModels and searchTraces follow the experiment', async (role) => {
    const res = await w.as<{ searchLoggedModels: Page; searchTraces: Page }>(
      role,
      `query($e: String!) {
        searchLoggedModels(experimentIds: [$e]) { edges { cursor node { modelId } } pageInfo { hasNextPage } }
        searchTraces(experimentIds: [$e]) { edges { cursor node { traceId } } pageInfo { hasNextPage } }
      }`,
      { e: w.exp },
    );
    const n = role === 'none' ? 0 : 1;
    expect(res.data?.searchLoggedModels.edges).toHaveLength(n);
    expect(res.data?.searchTraces.edges).toHaveLength(n);
  });

  it('a logged model grant wins over its experiment in searchLoggedModels', async () => {
    const grant = (username: string, permission: string) =>
      w.as(
        'admin',
        `mutation($m: String!, $u: String!, $p: Permission!) { setLoggedModelPermission(input: { modelId: $m, username: $u, permission: $p }) { __typename } }`,
        { m: w.model, u: username, p: permission },
      );
    await grant('none', 'READ');
    await grant('reader', 'NO_PERMISSIONS');
    const q = `query($e: String!) { searchLoggedModels(experimentIds: [$e]) { edges { node { modelId } } } }`;
    const none = await w.as<{ searchLoggedModels: Page }>('none', q, { e: w.exp });
    const reader = await w.as<{ searchLoggedModels: Page }>('reader', q, { e: w.exp });
    expect(none.data?.searchLoggedModels.edges).toHaveLength(1);
    expect(reader.data?.searchLoggedModels.edges).toHaveLength(0);
  });
});

describe('cost', () => {
  it("reads the viewer's grants at most once per request, whatever the request reads", async () => {
    // cold: grants not cached (revocation.test.ts checks that warm requests read none)
    w.t.app.authGate.access.invalidate(null);
    w.t.sql.length = 0;
    const res = await w.as<Record<string, unknown>>(
      'reader',
      `query($e: String!, $o: String!, $r: String!, $t: String!) {
        searchRuns(experimentIds: [$e, $o]) { edges { node { runId experiment { experimentId } } } }
        run(runId: $r) { runId }
        trace(traceId: $t) { traceId }
        experiments(first: 5) { edges { node { experimentId } } }
        searchExperiments { edges { node { experimentId } } }
      }`,
      { e: w.exp, o: w.open, r: w.run, t: w.trace },
    );
    expect(res.errors).toBeUndefined();
    expect(w.t.sql.filter((q) => q.includes('experiment_permissions'))).toHaveLength(1);
  });
});

describe('metricBuckets', () => {
  it('gives an unreadable run no buckets, as an unknown run', async () => {
    const q = `query($ids: [String!]!) { metricBuckets(runIds: $ids, key: "acc", buckets: 4) { runs { runId count } } }`;
    const none = await w.as<{ metricBuckets: { runs: { runId: string; count: number[] }[] } }>(
      'none',
      q,
      { ids: [w.run] },
    );
    const reader = await w.as<{ metricBuckets: { runs: { runId: string; count: number[] }[] } }>(
      'reader',
      q,
      { ids: [w.run] },
    );
    const unknown = await w.as<{ metricBuckets: { runs: { runId: string; count: number[] }[] } }>(
      'reader',
      q,
      { ids: ['f'.repeat(32)] },
    );
    expect(none.data?.metricBuckets.runs[0]?.count).toEqual(
      unknown.data?.metricBuckets.runs[0]?.count,
    );
    expect(reader.data?.metricBuckets.runs[0]?.count.reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('default permission NO_PERMISSIONS', () => {
  let z: World;
  beforeAll(async () => {
    z = await buildWorld({ TRACKQL_DEFAULT_PERMISSION: 'NO_PERMISSIONS' });
  });
  afterAll(() => z.close());

  it('searches show only experiments granted READ or more', async () => {
    const q = `query($ids: [String!]!) {
      searchRuns(experimentIds: $ids) { edges { node { runId } } }
      searchExperiments { edges { node { experimentId } } }
      experiments(first: 100) { edges { node { experimentId } } }
    }`;
    const expect_ = async (role: Role, runs: string[], exps: string[]) => {
      const res = await z.as<{ searchRuns: Page; searchExperiments: Page; experiments: Page }>(
        role,
        q,
        {
          ids: [z.exp, z.open],
        },
      );
      expect(res.data?.searchRuns.edges.map((e) => e.node.runId).sort()).toEqual(runs.sort());
      expect(res.data?.searchExperiments.edges.map((e) => e.node.experimentId).sort()).toEqual(
        exps.sort(),
      );
      expect(res.data?.experiments.edges.map((e) => e.node.experimentId).sort()).toEqual(
        exps.sort(),
      );
    };
    await expect_('dflt', [], []);
    await expect_('none', [], []);
    await expect_('reader', [z.run], [z.exp]);
    await expect_('admin', [z.run, z.openRun], [z.exp, z.open, '0']);
  });
});
