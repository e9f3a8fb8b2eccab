import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { LogBatch } from '../helpers/documents.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const Search = graphql(`
  query PropertySearch($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $first: Int) {
    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, first: $first) {
      edges { node { runId } }
    }
  }
`);

interface Model {
  id: string;
  name: string;
  start: number;
  metrics: Record<string, number>;
  params: Record<string, string>;
  tags: Record<string, string>;
}

const VALUES = ['a', 'b', 'A', 'a_b', 'ab%', 'x'];
const NUMS = [-1, 0, 0.5, 1, 2, Number.NaN];
let t: TestApp;
let exp: string;
const runs: Model[] = [];

beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
  const rand = fc.sample(
    fc.record({
      m1: fc.option(fc.constantFrom(...NUMS)),
      m2: fc.option(fc.constantFrom(...NUMS)),
      p1: fc.option(fc.constantFrom(...VALUES)),
      p2: fc.option(fc.constantFrom(...VALUES)),
      t1: fc.option(fc.constantFrom(...VALUES)),
      start: fc.integer({ min: 1, max: 5 }),
    }),
    { numRuns: 16, seed: 7 },
  );
  for (const [i, r] of rand.entries()) {
    const name = `r${i}-${VALUES[i % VALUES.length]}`;
    const id = await seedRun(t, exp, { runName: name, startTime: r.start * 1000 });
    const m: Model = { id, name, start: r.start * 1000, metrics: {}, params: {}, tags: {} };
    for (const k of ['m1', 'm2'] as const) if (r[k] !== null) m.metrics[k] = r[k];
    for (const k of ['p1', 'p2'] as const) if (r[k] !== null) m.params[k] = r[k];
    if (r.t1 !== null) m.tags.t1 = r.t1;
    await t.execute(LogBatch, {
      input: {
        runId: id,
        metrics: Object.entries(m.metrics).map(([key, v]) => ({
          key,
          values: [Number.isNaN(v) ? 'NaN' : v],
          steps: [0],
        })),
        params: Object.entries(m.params).map(([key, value]) => ({ key, value })),
        tags: Object.entries(m.tags).map(([key, value]) => ({ key, value })),
      },
    });
    runs.push(m);
  }
});
afterAll(() => t.close());

type Pred = (r: Model) => boolean;
const likeRe = (p: string, flags: string) =>
  new RegExp(
    `^${[...p].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`,
    flags,
  );
const cmp = (op: string, a: number | string, b: number | string) =>
  op === '='
    ? a === b
    : op === '!='
      ? a !== b
      : op === '<'
        ? a < b
        : op === '<='
          ? a <= b
          : op === '>'
            ? a > b
            : a >= b;
const strOp = (op: string, a: string, v: string) =>
  op === 'LIKE' ? likeRe(v, 's').test(a) : op === 'ILIKE' ? likeRe(v, 'si').test(a) : cmp(op, a, v);

const clause: fc.Arbitrary<[string, Pred]> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('m1', 'm2'),
      fc.constantFrom('', 'min', 'max', 'last', 'first'),
      fc.constantFrom('=', '!=', '<', '<=', '>', '>='),
      fc.constantFrom(-1, 0, 0.5, 1, 2),
    )
    .map(([k, fn, op, v]): [string, Pred] => [
      fn ? `${fn}(metrics.${k}) ${op} ${v}` : `metrics.${k} ${op} ${v}`,
      (r) => k in r.metrics && !Number.isNaN(r.metrics[k]!) && cmp(op, r.metrics[k]!, v),
    ]),
  fc
    .tuple(
      fc.constantFrom('params.p1', 'params.p2', 'tags.t1'),
      fc.constantFrom('=', '!=', 'LIKE', 'ILIKE'),
      fc.constantFrom(...VALUES, 'a%', '_', '%b'),
    )
    .map(([id, op, v]): [string, Pred] => {
      const get = (r: Model) => (id.startsWith('tags') ? r.tags.t1 : r.params[id.slice(7)]);
      return [`${id} ${op} '${v}'`, (r) => get(r) !== undefined && strOp(op, get(r)!, v)];
    }),
  fc
    .tuple(fc.constantFrom('params.p1', 'tags.t1'), fc.boolean())
    .map(([id, not]): [string, Pred] => {
      const get = (r: Model) => (id.startsWith('tags') ? r.tags.t1 : r.params.p1);
      return [`${id} IS ${not ? 'NOT ' : ''}NULL`, (r) => (get(r) !== undefined) === not];
    }),
  fc
    .tuple(fc.constantFrom('=', '!=', '<', '>='), fc.integer({ min: 0, max: 6 }))
    .map(([op, s]): [string, Pred] => [
      `attributes.start_time ${op} ${s * 1000}`,
      (r) => cmp(op, r.start, s * 1000),
    ]),
  fc
    .tuple(
      fc.constantFrom('=', 'LIKE', 'ILIKE', '!='),
      fc.constantFrom('r1-b', 'r%', '%A', '%a%', 'R_-%'),
    )
    .map(([op, v]): [string, Pred] => [`run_name ${op} "${v}"`, (r) => strOp(op, r.name, v)]),
  fc
    .tuple(fc.boolean(), fc.subarray([0, 3, 5, 9]))
    .filter(([, idx]) => idx.length > 0)
    .map(([not, idx]): [string, Pred] => {
      const ids = idx.map((i) => runs[i]!.id);
      return [
        `run_id ${not ? 'NOT ' : ''}IN (${ids.map((x) => `'${x}'`).join(', ')})`,
        (r) => ids.includes(r.id) !== not,
      ];
    }),
);

/** MLflow order for one metric key: values (in direction), then NaN, then missing; ties by start desc, id. */
function order(key: string, desc: boolean) {
  const rank = (r: Model) => (!(key in r.metrics) ? 2 : Number.isNaN(r.metrics[key]!) ? 1 : 0);
  return (a: Model, b: Model) =>
    rank(a) - rank(b) ||
    (rank(a) === 0 ? (desc ? -1 : 1) * (a.metrics[key]! - b.metrics[key]!) : 0) ||
    b.start - a.start ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

describe('searchRuns property', () => {
  it('returns exactly the runs an in-memory evaluation matches, in MLflow order, without SQL errors', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(clause, { minLength: 0, maxLength: 3 }),
        fc.constantFrom('m1', 'm2'),
        fc.boolean(),
        async (clauses, key, desc) => {
          const filter = clauses.map(([s]) => s).join(' AND ');
          const res = await t.execute(Search, {
            experimentIds: [exp],
            filter,
            orderBy: [`metrics.${key} ${desc ? 'DESC' : 'ASC'}`],
            first: 100,
          });
          const expected = runs
            .filter((r) => clauses.every(([, p]) => p(r)))
            .sort(order(key, desc))
            .map((r) => r.id);
          expect(
            res.searchRuns.edges.map((e) => e.node.runId),
            filter,
          ).toEqual(expected);
        },
      ),
      { numRuns: 120, seed: 11 },
    );
  });
});
