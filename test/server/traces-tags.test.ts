import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExperiment } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  DeleteTraces,
  DeleteTraceTag,
  GetTrace,
  LogTrace,
  newTraceId,
  SetTraceTag,
} from '../helpers/trace-documents.ts';

// setTraceTag / deleteTraceTag on an existing, a missing and a deleted trace: the codes and
// messages MLflow gives, and nothing written by a refused call.

let t: TestApp;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

async function loggedTrace(): Promise<string> {
  const traceId = newTraceId();
  const res = await t.execute(LogTrace, { input: { experimentId: exp, traceId } });
  expect(res.logTrace.__typename).toBe('LogTraceSuccess');
  return traceId;
}

/** The trace's tags but the server's (`mlflow.*`), as [key, value] pairs by key. */
const userTags = async (traceId: string) =>
  ((await t.execute(GetTrace, { traceId })).trace?.tags ?? [])
    .filter((g) => !g.key.startsWith('mlflow.'))
    .map((g) => [g.key, g.value])
    .sort();

const notFound = (id: string) => ({
  __typename: 'NotFoundError',
  code: 'RESOURCE_DOES_NOT_EXIST',
  message: `Trace with ID '${id}' not found.`,
});

describe('trace tag writes through GraphQL', () => {
  it('set replaces a value and delete removes only its key, on an existing trace', async () => {
    const traceId = await loggedTrace();
    for (const [key, value] of [
      ['k1', 'a'],
      ['k2', 'b'],
      ['k1', 'c'],
    ] as const) {
      const set = await t.execute(SetTraceTag, { input: { traceId, key, value } });
      expect(set.setTraceTag.__typename).toBe('SetTraceTagSuccess');
    }
    expect(await userTags(traceId)).toEqual([
      ['k1', 'c'],
      ['k2', 'b'],
    ]);
    const del = await t.execute(DeleteTraceTag, { input: { traceId, key: 'k1' } });
    if (del.deleteTraceTag.__typename !== 'DeleteTraceTagSuccess') throw new Error('failed');
    expect(del.deleteTraceTag.trace.tags.filter((g) => !g.key.startsWith('mlflow.'))).toEqual([
      { key: 'k2', value: 'b' },
    ]);
    const again = await t.execute(DeleteTraceTag, { input: { traceId, key: 'k1' } });
    expect(again.deleteTraceTag).toEqual({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: `No tag with key 'k1' found for trace with ID '${traceId}'.`,
      entity: 'TraceTag',
      id: 'k1',
    });
  });

  it('refuses a missing trace with RESOURCE_DOES_NOT_EXIST and writes nothing', async () => {
    const traceId = newTraceId();
    const set = await t.execute(SetTraceTag, { input: { traceId, key: 'k', value: 'v' } });
    expect(set.setTraceTag).toEqual(notFound(traceId));
    const del = await t.execute(DeleteTraceTag, { input: { traceId, key: 'k' } });
    expect(del.deleteTraceTag).toMatchObject(notFound(traceId));
    expect((await t.execute(GetTrace, { traceId })).trace).toBeNull();
  });

  it('refuses a deleted trace as a missing one', async () => {
    const traceId = await loggedTrace();
    await t.execute(SetTraceTag, { input: { traceId, key: 'k', value: 'v' } });
    const gone = await t.execute(DeleteTraces, {
      input: { experimentId: exp, traceIds: [traceId] },
    });
    expect(gone.deleteTraces).toEqual({ __typename: 'DeleteTracesSuccess', tracesDeleted: 1 });
    const set = await t.execute(SetTraceTag, { input: { traceId, key: 'k', value: 'w' } });
    expect(set.setTraceTag).toEqual(notFound(traceId));
    const del = await t.execute(DeleteTraceTag, { input: { traceId, key: 'k' } });
    expect(del.deleteTraceTag).toMatchObject(notFound(traceId));
    expect((await t.execute(GetTrace, { traceId })).trace).toBeNull();
  });
});
