import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { CreateExperiment, GetExperiment } from '../helpers/documents.ts';
import { seedExperiment, seedRun, uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const Rename = graphql(`
  mutation RenameExperiment($input: RenameExperimentInput!) {
    renameExperiment(input: $input) {
      __typename
      ... on RenameExperimentSuccess { experiment { name lastUpdateTime } }
      ...ErrorFields
    }
  }
`);
const Delete = graphql(`
  mutation DeleteExperiment($input: DeleteExperimentInput!) {
    deleteExperiment(input: $input) {
      __typename
      ... on DeleteExperimentSuccess { experiment { lifecycleStage } }
      ...ErrorFields
    }
  }
`);
const Restore = graphql(`
  mutation RestoreExperiment($input: RestoreExperimentInput!) {
    restoreExperiment(input: $input) {
      __typename
      ... on RestoreExperimentSuccess { experiment { lifecycleStage } }
      ...ErrorFields
    }
  }
`);
const SetTag = graphql(`
  mutation SetExperimentTag($input: SetExperimentTagInput!) {
    setExperimentTag(input: $input) {
      __typename
      ... on SetExperimentTagSuccess { experiment { tags { key value } } }
      ...ErrorFields
    }
  }
`);
const DeleteTag = graphql(`
  mutation DeleteExperimentTag($input: DeleteExperimentTagInput!) {
    deleteExperimentTag(input: $input) {
      __typename
      ... on DeleteExperimentTagSuccess { experiment { tags { key } } }
      ...ErrorFields
    }
  }
`);
const ByName = graphql(`
  query ExperimentByName($name: String!) {
    experimentByName(name: $name) { experimentId name }
  }
`);
const List = graphql(`
  query ListExperiments($first: Int, $after: String, $viewType: ViewType) {
    experiments(first: $first, after: $after, viewType: $viewType) {
      edges { node { experimentId name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('createExperiment', () => {
  it('creates an experiment with tags and a default artifact location', async () => {
    const name = uniqueName();
    const res = await t.execute(CreateExperiment, {
      input: { name, tags: [{ key: 'team', value: 'vision' }] },
    });
    expect(res.createExperiment.__typename).toBe('CreateExperimentSuccess');
    if (res.createExperiment.__typename !== 'CreateExperimentSuccess') return;
    const exp = res.createExperiment.experiment;
    expect(exp.name).toBe(name);
    expect(exp.experimentId).toMatch(/^[1-9]\d*$/);
    expect(exp.artifactLocation).toBe(`/tmp/trackql-test-artifacts/${exp.experimentId}`);
    expect(exp.lifecycleStage).toBe('ACTIVE');
    expect(exp.tags).toEqual([{ key: 'team', value: 'vision' }]);
    expect(exp.creationTime).toBeGreaterThan(1.7e12);
  });

  it('returns AlreadyExistsError for a taken name, even when that experiment is deleted', async () => {
    const name = uniqueName();
    const id = await seedExperiment(t, name);
    const again = await t.execute(CreateExperiment, { input: { name } });
    expect(again.createExperiment).toMatchObject({
      __typename: 'AlreadyExistsError',
      code: 'RESOURCE_ALREADY_EXISTS',
    });
    await t.execute(Delete, { input: { experimentId: id } });
    const afterDelete = await t.execute(CreateExperiment, { input: { name } });
    expect(afterDelete.createExperiment.__typename).toBe('AlreadyExistsError');
  });

  it('returns ValidationError for an empty or over-long name, and writes nothing', async () => {
    const empty = await t.execute(CreateExperiment, { input: { name: '' } });
    expect(empty.createExperiment).toMatchObject({
      __typename: 'ValidationError',
      code: 'INVALID_PARAMETER_VALUE',
      field: 'name',
    });
    const longName = 'x'.repeat(501);
    const long = await t.execute(CreateExperiment, { input: { name: longName } });
    expect(long.createExperiment.__typename).toBe('ValidationError');
    expect((await t.execute(ByName, { name: longName })).experimentByName).toBeNull();
    const okName = 'y'.repeat(500);
    expect(
      (await t.execute(CreateExperiment, { input: { name: okName } })).createExperiment.__typename,
    ).toBe('CreateExperimentSuccess');
  });

  it('rejects an over-long tag value with ValidationError', async () => {
    const res = await t.execute(CreateExperiment, {
      input: { name: uniqueName(), tags: [{ key: 'k', value: 'v'.repeat(5001) }] },
    });
    expect(res.createExperiment).toMatchObject({
      __typename: 'ValidationError',
      field: 'tags[0].value',
    });
  });
});

describe('experiment lookups', () => {
  it('has the Default experiment "0" from the first start', async () => {
    const res = await t.execute(GetExperiment, { experimentId: '0' });
    expect(res.experiment).toMatchObject({
      experimentId: '0',
      name: 'Default',
      lifecycleStage: 'ACTIVE',
    });
  });

  it('returns null for unknown or malformed ids and names', async () => {
    expect((await t.execute(GetExperiment, { experimentId: '999999' })).experiment).toBeNull();
    expect((await t.execute(GetExperiment, { experimentId: 'abc' })).experiment).toBeNull();
    expect((await t.execute(ByName, { name: uniqueName() })).experimentByName).toBeNull();
  });

  it('finds an experiment by name', async () => {
    const name = uniqueName();
    const id = await seedExperiment(t, name);
    expect((await t.execute(ByName, { name })).experimentByName).toEqual({
      experimentId: id,
      name,
    });
  });

  it('pages through experiments without gaps or repeats', async () => {
    for (let i = 0; i < 5; i++) await seedExperiment(t);
    const seen: string[] = [];
    let after: string | null | undefined;
    for (;;) {
      const page = await t.execute(List, { first: 2, after });
      seen.push(...page.experiments.edges.map((e) => e.node.experimentId));
      if (!page.experiments.pageInfo.hasNextPage) break;
      after = page.experiments.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
  });

  it('rejects a page size over the maximum', async () => {
    const res = await t.executeRaw(List, { first: 5000 });
    expect(res.errors?.[0]?.message).toBeDefined();
  });
});

describe('renameExperiment', () => {
  it('renames and bumps lastUpdateTime', async () => {
    const id = await seedExperiment(t);
    const newName = uniqueName('renamed');
    const res = await t.execute(Rename, { input: { experimentId: id, newName } });
    expect(res.renameExperiment).toMatchObject({
      __typename: 'RenameExperimentSuccess',
      experiment: { name: newName },
    });
  });

  it('returns AlreadyExistsError, NotFoundError and InvalidStateError where they apply', async () => {
    const a = await seedExperiment(t);
    const bName = uniqueName();
    await seedExperiment(t, bName);
    expect(
      (await t.execute(Rename, { input: { experimentId: a, newName: bName } })).renameExperiment
        .__typename,
    ).toBe('AlreadyExistsError');
    expect(
      (await t.execute(Rename, { input: { experimentId: '987654', newName: 'x' } }))
        .renameExperiment,
    ).toMatchObject({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
    });
    await t.execute(Delete, { input: { experimentId: a } });
    expect(
      (await t.execute(Rename, { input: { experimentId: a, newName: uniqueName() } }))
        .renameExperiment,
    ).toMatchObject({
      __typename: 'InvalidStateError',
      code: 'INVALID_STATE',
    });
  });
});

describe('deleteExperiment and restoreExperiment', () => {
  it('deleting marks every run deleted; restoring restores them all', async () => {
    const id = await seedExperiment(t);
    const r1 = await seedRun(t, id);
    const r2 = await seedRun(t, id);
    expect(
      (await t.execute(Delete, { input: { experimentId: id } })).deleteExperiment,
    ).toMatchObject({
      experiment: { lifecycleStage: 'DELETED' },
    });
    const deleted = await t.execute(GetExperiment, { experimentId: id, viewType: 'DELETED_ONLY' });
    expect(deleted.experiment?.runs.edges.map((e) => e.node.runId).sort()).toEqual([r1, r2].sort());
    expect((await t.execute(GetExperiment, { experimentId: id })).experiment?.runs.edges).toEqual(
      [],
    );
    expect(
      (await t.execute(Delete, { input: { experimentId: id } })).deleteExperiment.__typename,
    ).toBe('InvalidStateError');
    expect(
      (await t.execute(Restore, { input: { experimentId: id } })).restoreExperiment.__typename,
    ).toBe('RestoreExperimentSuccess');
    const restored = await t.execute(GetExperiment, { experimentId: id });
    expect(restored.experiment?.lifecycleStage).toBe('ACTIVE');
    expect(restored.experiment?.runs.edges.every((e) => e.node.lifecycleStage === 'ACTIVE')).toBe(
      true,
    );
    expect(restored.experiment?.runs.edges).toHaveLength(2);
  });

  it('restoring an active experiment is InvalidStateError; unknown ids are NotFoundError', async () => {
    const id = await seedExperiment(t);
    expect(
      (await t.execute(Restore, { input: { experimentId: id } })).restoreExperiment.__typename,
    ).toBe('InvalidStateError');
    expect(
      (await t.execute(Delete, { input: { experimentId: '876543' } })).deleteExperiment.__typename,
    ).toBe('NotFoundError');
    expect(
      (await t.execute(Delete, { input: { experimentId: 'x1' } })).deleteExperiment.__typename,
    ).toBe('ValidationError');
  });

  it('deleted experiments are listed only with DELETED_ONLY or ALL', async () => {
    const id = await seedExperiment(t);
    await t.execute(Delete, { input: { experimentId: id } });
    const ids = async (viewType: 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL') =>
      (await t.execute(List, { first: 1000, viewType })).experiments.edges.map(
        (e) => e.node.experimentId,
      );
    expect(await ids('ACTIVE_ONLY')).not.toContain(id);
    expect(await ids('DELETED_ONLY')).toContain(id);
    expect(await ids('ALL')).toContain(id);
  });
});

describe('experiment tags', () => {
  it('sets, overwrites and deletes tags', async () => {
    const id = await seedExperiment(t);
    await t.execute(SetTag, { input: { experimentId: id, key: 'a', value: '1' } });
    const res = await t.execute(SetTag, { input: { experimentId: id, key: 'a', value: '2' } });
    expect(res.setExperimentTag).toMatchObject({
      experiment: { tags: [{ key: 'a', value: '2' }] },
    });
    const del = await t.execute(DeleteTag, { input: { experimentId: id, key: 'a' } });
    expect(del.deleteExperimentTag).toMatchObject({ experiment: { tags: [] } });
  });

  it('deleting a missing tag is NotFoundError; tagging a deleted experiment is InvalidStateError', async () => {
    const id = await seedExperiment(t);
    expect(
      (await t.execute(DeleteTag, { input: { experimentId: id, key: 'nope' } })).deleteExperimentTag
        .__typename,
    ).toBe('NotFoundError');
    await t.execute(Delete, { input: { experimentId: id } });
    expect(
      (await t.execute(SetTag, { input: { experimentId: id, key: 'a', value: '1' } }))
        .setExperimentTag.__typename,
    ).toBe('InvalidStateError');
  });
});
