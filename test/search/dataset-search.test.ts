import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExperiment, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let exp: string;
let a: string;
let b: string;
let none: string;

async function logInput(runId: string, name: string, digest: string, context: string) {
  const res = await t.executeRaw<{ logInputs: { __typename: string } }, undefined>(
    `mutation { logInputs(input: { runId: "${runId}", datasets: [{
      dataset: { name: "${name}", digest: "${digest}", sourceType: "local", source: "{}" },
      tags: [{ key: "mlflow.data.context", value: "${context}" }] }] }) { __typename } }`,
  );
  expect(res.data?.logInputs.__typename).toBe('LogInputsSuccess');
}

async function search(filter: string): Promise<{ ids?: string[]; error?: string; code?: unknown }> {
  const res = await t.executeRaw<
    { searchRuns: { edges: { node: { runId: string } }[] } },
    undefined
  >(
    `{ searchRuns(experimentIds: ["${exp}"], filter: ${JSON.stringify(filter)}, first: 100) { edges { node { runId } } } }`,
  );
  if (res.errors) return { error: res.errors[0]?.message, code: res.errors[0]?.extensions?.code };
  return { ids: res.data!.searchRuns.edges.map((e) => e.node.runId).sort() };
}

beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
  a = await seedRun(t, exp);
  b = await seedRun(t, exp);
  none = await seedRun(t, exp);
  await logInput(a, 'mnist', 'abc123', 'training');
  await logInput(b, 'mnist', 'def456', 'eval');
  await logInput(b, 'cifar', 'abc999', 'training');
});
afterAll(() => t.close());

describe('datasets.* filters in searchRuns', () => {
  it('matches runs where any dataset input satisfies the clause', async () => {
    expect((await search("datasets.name = 'cifar'")).ids).toEqual([b]);
    expect((await search("datasets.name = 'mnist'")).ids).toEqual([a, b].sort());
    expect((await search("datasets.digest LIKE 'abc%'")).ids).toEqual([a, b].sort());
    expect((await search("datasets.context IN ('eval')")).ids).toEqual([b]);
    // each clause is its own EXISTS, as in MLflow: b has an mnist input and a training input
    expect((await search("datasets.context = 'training' AND datasets.name = 'mnist'")).ids).toEqual(
      [a, b].sort(),
    );
    expect((await search("datasets.context = 'eval' AND datasets.name = 'cifar'")).ids).toEqual([
      b,
    ]);
    expect((await search("dataset.name ILIKE 'MNIST'")).ids).toEqual([a, b].sort());
  });

  it('!= and NOT IN need an input that differs, so runs without inputs never match', async () => {
    expect((await search("datasets.name != 'mnist'")).ids).toEqual([b]);
    expect((await search("datasets.context NOT IN ('training')")).ids).toEqual([b]);
    expect((await search("datasets.name != 'mnist'")).ids).not.toContain(none);
  });

  it('rejects comparators datasets do not allow', async () => {
    const res = await search("datasets.name > 'a'");
    expect(res.code).toBe('INVALID_PARAMETER_VALUE');
  });
});
