import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DatasetClause,
  datasetFilterSql,
} from '../../server/modules/datasets/dataset-filter.ts';
import { Db } from '../../server/shared/db.ts';
import { ValidationError } from '../../server/shared/errors.ts';
import { graphql } from '../gql/index.ts';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const LogInputs = graphql(`
  mutation LogInputsForFilter($input: LogInputsInput!) {
    logInputs(input: $input) { __typename }
  }
`);

let t: TestApp;
let exp: string;
const runs: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
  const ds = (name: string, digest: string, context?: string) => ({
    dataset: { name, digest, sourceType: 'local', source: '{}' },
    tags: context ? [{ key: 'mlflow.data.context', value: context }] : [],
  });
  const plan: Record<string, ReturnType<typeof ds>[]> = {
    a: [ds('Train_Set', 'aaaa', 'training'), ds('holdout', 'bbbb', 'eval')],
    b: [ds('train_set', 'cccc', 'training')],
    c: [ds('other', 'dddd')],
    none: [],
  };
  for (const [key, inputs] of Object.entries(plan)) {
    runs[key] = await seedRun(t, exp);
    if (inputs.length)
      await t.execute(LogInputs, { input: { runId: runs[key]!, datasets: inputs } });
  }
});
afterAll(() => t.close());

/** Runs of the seeded experiment matching one clause, as their plan keys. */
async function matching(clause: DatasetClause): Promise<string[]> {
  const db = new Db(t.app.orm.em.fork());
  const f = datasetFilterSql(clause, { runAlias: 'r', paramOffset: 1 });
  const rows = await db.query<{ id: string }>(
    `select r.id from runs r where r.experiment_id = $1 and ${f.sql}`,
    [Number(exp), ...f.params],
  );
  const byId = Object.fromEntries(Object.entries(runs).map(([k, v]) => [v, k]));
  return rows.map((r) => byId[r.id]!).sort();
}

describe('datasetFilterSql', () => {
  it('matches runs with any dataset input satisfying name, digest or context', async () => {
    expect(await matching({ field: 'name', comparator: '=', value: 'holdout' })).toEqual(['a']);
    expect(await matching({ field: 'name', comparator: '!=', value: 'holdout' })).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(await matching({ field: 'name', comparator: 'LIKE', value: 'train%' })).toEqual(['b']);
    expect(await matching({ field: 'name', comparator: 'ilike', value: 'train%' })).toEqual([
      'a',
      'b',
    ]);
    expect(await matching({ field: 'digest', comparator: 'IN', value: ['aaaa', 'dddd'] })).toEqual([
      'a',
      'c',
    ]);
    expect(
      await matching({ field: 'digest', comparator: 'not  in', value: ['aaaa', 'bbbb'] }),
    ).toEqual(['b', 'c']);
  });

  it('reads context from the mlflow.data.context tag; inputs without it never match', async () => {
    expect(await matching({ field: 'context', comparator: '=', value: 'training' })).toEqual([
      'a',
      'b',
    ]);
    expect(await matching({ field: 'context', comparator: '!=', value: 'training' })).toEqual([
      'a',
    ]);
    expect(await matching({ field: 'context', comparator: 'NOT IN', value: ['eval'] })).toEqual([
      'a',
      'b',
    ]);
    expect(await matching({ field: 'context', comparator: 'IN', value: ['EVAL'] })).toEqual([]);
  });

  it('numbers its placeholder after the caller’s and binds values, never inlining them', () => {
    const f = datasetFilterSql(
      { field: 'name', comparator: '=', value: "x'; drop table runs; --" },
      { runAlias: 'runs', paramOffset: 4 },
    );
    expect(f.sql).toBe(
      'exists (select 1 from dataset_inputs ds_in join datasets ds on ds.id = ds_in.dataset_id where ds_in.run_id = runs.id and ds.name = $5)',
    );
    expect(f.params).toEqual(["x'; drop table runs; --"]);
  });

  it('refuses bad comparators, value shapes and aliases', () => {
    expect(() => datasetFilterSql({ field: 'name', comparator: '<', value: 'x' })).toThrow(
      ValidationError,
    );
    expect(() => datasetFilterSql({ field: 'name', comparator: 'IN', value: 'x' })).toThrow(/list/);
    expect(() => datasetFilterSql({ field: 'name', comparator: 'IN', value: [] })).toThrow(
      /non-empty/,
    );
    expect(() => datasetFilterSql({ field: 'name', comparator: '=', value: ['x'] })).toThrow(
      /quoted string/,
    );
    expect(() =>
      datasetFilterSql({ field: 'name', comparator: '=', value: 'x' }, { runAlias: 'r; drop' }),
    ).toThrow();
  });
});
