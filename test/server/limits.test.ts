import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('request limits', () => {
  it('rejects a query nested deeper than the limit', async () => {
    let inner = 'runId';
    for (let i = 0; i < 12; i++) inner = `parent { ${inner} }`;
    const res = await t.executeRaw(`{ run(runId: "x") { ${inner} } }`);
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('rejects a query whose estimated cost is over the limit', async () => {
    const res = await t.executeRaw(
      '{ experiments(first: 1000) { edges { node { runs(first: 1000) { edges { node { params { key } tags { key } latestMetrics { key } } } } } } } }',
    );
    expect(res.errors?.[0]?.message).toMatch(/complexity/i);
  });

  it('reports domain errors outside a result union with their MLflow code', async () => {
    const res = await t.executeRaw(
      '{ experiments(first: 10, after: "not-a-cursor") { edges { node { name } } } }',
    );
    expect(res.errors?.[0]?.message).toMatch(/Invalid cursor/);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      field: 'after',
    });
  });

  it('rejects a forged experiments cursor as INVALID_PARAMETER_VALUE', async () => {
    const forged = Buffer.from(JSON.stringify('not-a-number')).toString('base64url');
    const res = await t.executeRaw(`{ experiments(after: "${forged}") { edges { cursor } } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      field: 'after',
    });
  });

  it('masks unexpected errors (here: the database pool is gone) instead of leaking internals', async () => {
    const broken = await createTestApp();
    try {
      await broken.app.orm.close(true);
      const res = await broken.executeRaw('{ experiment(experimentId: "0") { name } }');
      expect(res.errors?.[0]?.message).toBe('Unexpected error.');
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    } finally {
      await broken.close();
    }
  });

  it('rejects a forged run cursor as INVALID_PARAMETER_VALUE before it reaches SQL', async () => {
    const forged = Buffer.from(JSON.stringify(['not-a-number', 'x'])).toString('base64url');
    const res = await t.executeRaw(
      `{ experiment(experimentId: "0") { runs(after: "${forged}") { edges { cursor } } } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
  });
});
