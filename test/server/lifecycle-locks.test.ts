import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.ts';
import { DeleteLoggedModel, FinalizeLoggedModel } from '../helpers/model-documents.ts';
import { seedExperiment, seedModel, seedRun } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  DeleteTraceTag,
  GetTrace,
  LogTrace,
  newTraceId,
  SetTraceTag,
} from '../helpers/trace-documents.ts';

// Lifecycle writes lock the row they change (`em.findOne(..., { lockMode: PESSIMISTIC_WRITE })`)
// and decide on the values they read under that lock. Each test holds the row in a transaction of
// its own, starts the API write, waits until PostgreSQL shows the write waiting for that lock,
// changes the row and commits: the write must see the committed change.

const UpdateRun = graphql(`
  mutation LockedUpdateRun($input: UpdateRunInput!) {
    updateRun(input: $input) {
      __typename
      ... on UpdateRunSuccess { run { status lifecycleStage } }
      ...ErrorFields
    }
  }
`);
const DeleteRun = graphql(`
  mutation LockedDeleteRun($input: DeleteRunInput!) {
    deleteRun(input: $input) {
      __typename
      ... on DeleteRunSuccess { run { status lifecycleStage } }
      ...ErrorFields
    }
  }
`);
const LogInputs = graphql(`
  mutation LockedLogInputs($input: LogInputsInput!) {
    logInputs(input: $input) {
      __typename
      ... on LogInputsSuccess { run { inputs { dataset { name digest source } } } }
      ...ErrorFields
    }
  }
`);
const RunState = graphql(`
  query LockedRunState($runId: String!) { run(runId: $runId) { status lifecycleStage } }
`);

let t: TestApp;
let exp: string;
beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
});
afterAll(() => t.close());

/** A transaction of the test's own on the app's database, holding what `lock` locks. */
async function holdRow(lock: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  await client.query('begin');
  await client.query(lock, values);
  return {
    async commitAfter(change: string, changeValues: unknown[]) {
      await client.query(change, changeValues);
      await client.query('commit');
      await client.end();
    },
  };
}

/** Resolves once some statement of the app's database waits for a row lock. */
async function lockWaiter(): Promise<void> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (rows[0]!.n > 0) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    await client.end();
  }
}

describe('run lifecycle under the row lock', () => {
  it('updateRun waiting on a concurrent delete sees it: INVALID_STATE, nothing changed', async () => {
    const runId = await seedRun(t, exp);
    const deleter = await holdRow('select id from runs where id = $1 for update', [runId]);
    const update = t.execute(UpdateRun, { input: { runId, status: 'FINISHED' } });
    await lockWaiter();
    await deleter.commitAfter(
      `update runs set lifecycle_stage = 'deleted', deleted_time = 1 where id = $1`,
      [runId],
    );
    const res = (await update).updateRun;
    expect(res).toMatchObject({ __typename: 'InvalidStateError', code: 'INVALID_STATE' });
    expect((await t.execute(RunState, { runId })).run).toEqual({
      status: 'RUNNING',
      lifecycleStage: 'DELETED',
    });
  });

  it('deleteRun waiting on a concurrent update returns the run as committed, then deleted', async () => {
    const runId = await seedRun(t, exp);
    const updater = await holdRow('select id from runs where id = $1 for update', [runId]);
    const del = t.execute(DeleteRun, { input: { runId } });
    await lockWaiter();
    await updater.commitAfter(`update runs set status = 'KILLED' where id = $1`, [runId]);
    expect((await del).deleteRun).toEqual({
      __typename: 'DeleteRunSuccess',
      run: { status: 'KILLED', lifecycleStage: 'DELETED' },
    });
  });
});

describe('logged model lifecycle under the row lock', () => {
  it('finalize waiting on a concurrent delete sees it: RESOURCE_DOES_NOT_EXIST', async () => {
    const modelId = await seedModel(t, exp);
    const deleter = await holdRow('select id from logged_models where id = $1 for update', [
      modelId,
    ]);
    const finalize = t.execute(FinalizeLoggedModel, { input: { modelId, status: 'READY' } });
    await lockWaiter();
    await deleter.commitAfter(
      `update logged_models set lifecycle_stage = 'deleted' where id = $1`,
      [modelId],
    );
    expect((await finalize).finalizeLoggedModel).toMatchObject({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
    });
  });

  it('delete waiting on a concurrent finalize returns the model as finalized, then deleted', async () => {
    const modelId = await seedModel(t, exp);
    const finalizer = await holdRow('select id from logged_models where id = $1 for update', [
      modelId,
    ]);
    const del = t.execute(DeleteLoggedModel, { input: { modelId } });
    await lockWaiter();
    await finalizer.commitAfter(`update logged_models set status = 'READY' where id = $1`, [
      modelId,
    ]);
    const res = (await del).deleteLoggedModel;
    if (res.__typename !== 'DeleteLoggedModelSuccess') throw new Error(res.__typename);
    expect(res.model).toMatchObject({ status: 'READY', lifecycleStage: 'DELETED' });
  });
});

describe('datasets shared by the runs of an experiment', () => {
  it('logInputs racing another call creating the same dataset links the one that call created', async () => {
    const runId = await seedRun(t, exp);
    const other = await holdRow(
      `insert into datasets (id, experiment_id, name, digest, source_type, source, created_time)
       values ('d0000000000000000000000000000001', $1, 'shared', 'dg', 'local', 'theirs', 1)`,
      [exp],
    );
    const log = t.execute(LogInputs, {
      input: {
        runId,
        datasets: [
          { dataset: { name: 'shared', digest: 'dg', sourceType: 'local', source: 'mine' } },
        ],
      },
    });
    // the insert of the same (experiment, name, digest) waits for the other transaction
    await lockWaiter();
    await other.commitAfter('select 1', []);
    expect((await log).logInputs).toEqual({
      __typename: 'LogInputsSuccess',
      run: { inputs: [{ dataset: { name: 'shared', digest: 'dg', source: 'theirs' } }] },
    });
  });
});

describe('trace tags under the trace row lock', () => {
  async function taggedTrace(): Promise<string> {
    const traceId = newTraceId();
    await t.execute(LogTrace, { input: { experimentId: exp, traceId } });
    await t.execute(SetTraceTag, { input: { traceId, key: 'k', value: 'v' } });
    return traceId;
  }

  // without the lock (a plain select of the trace) both writes find the trace before the delete
  // commits: setTraceTag then fails on the foreign key (an internal error), deleteTraceTag reports
  // the tag missing instead of the trace
  it('setTraceTag waiting on a concurrent trace delete sees it: RESOURCE_DOES_NOT_EXIST', async () => {
    const traceId = await taggedTrace();
    const deleter = await holdRow('delete from trace_info where trace_id = $1', [traceId]);
    const set = t.execute(SetTraceTag, { input: { traceId, key: 'k2', value: 'w' } });
    await lockWaiter();
    await deleter.commitAfter('select 1', []);
    expect((await set).setTraceTag).toMatchObject({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: `Trace with ID '${traceId}' not found.`,
    });
    expect((await t.execute(GetTrace, { traceId })).trace).toBeNull();
  });

  it('deleteTraceTag waiting on a concurrent trace delete sees it: RESOURCE_DOES_NOT_EXIST', async () => {
    const traceId = await taggedTrace();
    const deleter = await holdRow('delete from trace_info where trace_id = $1', [traceId]);
    const del = t.execute(DeleteTraceTag, { input: { traceId, key: 'k' } });
    await lockWaiter();
    await deleter.commitAfter('select 1', []);
    expect((await del).deleteTraceTag).toMatchObject({
      __typename: 'NotFoundError',
      code: 'RESOURCE_DOES_NOT_EXIST',
      message: `Trace with ID '${traceId}' not found.`,
    });
  });
});
