import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/http.ts';
import { sseSubscribe } from '../helpers/streams.ts';
import { buildWorld, codeOf, ROLES, type Role, type World } from './permissions-world.ts';

// Refusals of the accesses the other permission files leave out: liveSeries, logInputs/logOutputs,
// deleteTraces, logged-model artifacts and assessments (GraphQL and MLflow REST). A refused write
// changes nothing, which each test checks as the admin.

let w: World;
let base: string;
beforeAll(async () => {
  w = await buildWorld();
  base = (await w.t.listen()).replace(/\/graphql$/, '');
});
afterAll(() => w.close());

/** What an EDIT operation answers for each role through GraphQL: success, or the error code. */
const EDIT: Record<Role, string> = {
  none: 'RESOURCE_DOES_NOT_EXIST',
  reader: 'PERMISSION_DENIED',
  editor: 'ok',
  manager: 'ok',
  dflt: 'PERMISSION_DENIED',
  admin: 'ok',
};
/** The same through REST: the HTTP status. */
const EDIT_STATUS: Record<Role, number> = {
  none: 404,
  reader: 403,
  editor: 200,
  manager: 200,
  dflt: 403,
  admin: 200,
};
const READ_STATUS: Record<Role, number> = { ...EDIT_STATUS, reader: 200, dflt: 200 };

const outcome = (res: Parameters<typeof codeOf>[0], field: string) => {
  const member = res.data?.[field] as { __typename?: string } | undefined;
  return member?.__typename?.endsWith('Success') && !res.errors ? 'ok' : codeOf(res, field);
};
const send = (role: Role, method: string, path: string, body?: string) =>
  rawRequest(base, method, path, body, {
    authorization: w.auth[role],
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
  });

describe('liveSeries', () => {
  const LIVE = parse(
    `subscription($r: [String!]!) { liveSeries(runIds: $r, key: "acc", buckets: 4) { __typename } }`,
  );
  it.each(ROLES)(
    '%s: subscribing to an unreadable run is refused as a missing run',
    async (role) => {
      const fetchAs = (url: string, init: RequestInit) =>
        w.t.app.yoga.fetch(url, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), authorization: w.auth[role] },
        });
      const s = sseSubscribe<{ liveSeries: { __typename: string } }, unknown>(
        fetchAs,
        'http://yoga/graphql',
        LIVE,
        { r: [w.run] },
      );
      const first = await s.next();
      if (role === 'none') {
        expect(first.errors?.[0]?.extensions?.code).toBe('RESOURCE_DOES_NOT_EXIST');
      } else {
        expect(first.errors).toBeUndefined();
        expect(first.data?.liveSeries.__typename).toBeTruthy();
      }
      await s.close();
    },
  );
});

describe('run inputs and outputs', () => {
  const inputsOf = async () => {
    const res = await w.as<{ run: { inputs: { modelInputs: unknown[] }; outputs: unknown[] } }>(
      'admin',
      `query($r: String!) { run(runId: $r) { inputs { modelInputs { modelId } } outputs { modelId } } }`,
      { r: w.run },
    );
    return res;
  };

  it.each(ROLES)('%s: logInputs and logOutputs need EDIT on the run', async (role) => {
    const before = JSON.stringify((await inputsOf()).data);
    const inputs = await w.as(
      role,
      `mutation($r: String!, $m: String!) { logInputs(input: { runId: $r, models: [{ modelId: $m }] }) { __typename ... on Error { code } } }`,
      { r: w.run, m: w.model },
    );
    expect(outcome(inputs, 'logInputs')).toBe(EDIT[role]);
    const outputs = await w.as(
      role,
      `mutation($r: String!, $m: String!) { logOutputs(input: { runId: $r, models: [{ modelId: $m, step: 1 }] }) { __typename ... on Error { code } } }`,
      { r: w.run, m: w.model },
    );
    expect(outcome(outputs, 'logOutputs')).toBe(EDIT[role]);
    if (EDIT[role] !== 'ok') expect(JSON.stringify((await inputsOf()).data)).toBe(before);
  });
});

describe('deleteTraces', () => {
  it.each(ROLES)('%s: deleting traces of the experiment needs EDIT', async (role) => {
    // a trace of its own per role, so a permitted delete leaves the world's trace alone
    const logged = await w.as<{ logTrace: { trace: { traceId: string } } }>(
      'admin',
      `mutation($e: String!) { logTrace(input: { experimentId: $e }) { ... on LogTraceSuccess { trace { traceId } } } }`,
      { e: w.exp },
    );
    const traceId = logged.data!.logTrace.trace.traceId;
    const res = await w.as<{ deleteTraces: { tracesDeleted?: number } }>(
      role,
      `mutation($e: String!, $t: String!) { deleteTraces(input: { experimentId: $e, traceIds: [$t] }) { __typename ... on DeleteTracesSuccess { tracesDeleted } ... on Error { code } } }`,
      { e: w.exp, t: traceId },
    );
    expect(outcome(res, 'deleteTraces')).toBe(EDIT[role]);
    const left = await w.as<{ trace: { traceId: string } | null }>(
      'admin',
      `query($t: String!) { trace(traceId: $t) { traceId } }`,
      { t: traceId },
    );
    expect(left.data?.trace?.traceId ?? null).toBe(EDIT[role] === 'ok' ? null : traceId);
  });
});

describe('logged-model artifacts', () => {
  const root = () => `/api/2.0/mlflow-artifacts/artifacts/${w.exp}/models/${w.model}/artifacts`;
  beforeAll(async () => {
    expect((await send('admin', 'PUT', `${root()}/model.txt`, 'weights')).status).toBe(200);
  });

  it.each(ROLES)('%s: GET needs READ, PUT needs EDIT', async (role) => {
    const get = await send(role, 'GET', `${root()}/model.txt`);
    expect(get.status).toBe(READ_STATUS[role]);
    if (get.status === 200) expect(get.body.toString()).toBe('weights');
    const list = await send(
      role,
      'GET',
      `/api/2.0/mlflow/logged-models/${w.model}/artifacts/directories`,
    );
    expect(list.status).toBe(READ_STATUS[role]);
    const put = await send(role, 'PUT', `${root()}/by-${role}.txt`, 'x');
    expect(put.status).toBe(EDIT_STATUS[role]);
    const after = await send('admin', 'GET', `${root()}/by-${role}.txt`);
    expect(after.status).toBe(EDIT_STATUS[role] === 200 ? 200 : 404);
  });
});

describe('assessments', () => {
  /** Creates an assessment on the world's trace as the admin; returns its id. */
  async function adminAssessment(): Promise<string> {
    const res = await w.as<{ createAssessment: { assessment: { assessmentId: string } } }>(
      'admin',
      `mutation($t: String!) { createAssessment(input: { traceId: $t, name: "seed", kind: FEEDBACK, valueJson: "1" }) { ... on CreateAssessmentSuccess { assessment { assessmentId } } } }`,
      { t: w.trace },
    );
    return res.data!.createAssessment.assessment.assessmentId;
  }
  const namesOnTrace = async () => {
    const res = await w.as<{ trace: { assessments: { name: string; valid: boolean }[] } }>(
      'admin',
      `query($t: String!) { trace(traceId: $t) { assessments { assessmentId name valid } } }`,
      { t: w.trace },
    );
    return JSON.stringify(res.data?.trace.assessments);
  };

  it.each(ROLES)('%s: GraphQL create, update and delete need EDIT', async (role) => {
    const id = await adminAssessment();
    const before = await namesOnTrace();
    const create = await w.as(
      role,
      `mutation($t: String!, $n: String!) { createAssessment(input: { traceId: $t, name: $n, kind: FEEDBACK, valueJson: "2" }) { __typename ... on Error { code } } }`,
      { t: w.trace, n: `gql-${role}` },
    );
    expect(outcome(create, 'createAssessment')).toBe(EDIT[role]);
    const update = await w.as(
      role,
      `mutation($t: String!, $a: String!) { updateAssessment(input: { traceId: $t, assessmentId: $a, rationale: "changed" }) { __typename ... on Error { code } } }`,
      { t: w.trace, a: id },
    );
    expect(outcome(update, 'updateAssessment')).toBe(EDIT[role]);
    const del = await w.as(
      role,
      `mutation($t: String!, $a: String!) { deleteAssessment(input: { traceId: $t, assessmentId: $a }) { __typename ... on Error { code } } }`,
      { t: w.trace, a: id },
    );
    expect(outcome(del, 'deleteAssessment')).toBe(EDIT[role]);
    if (EDIT[role] !== 'ok') expect(await namesOnTrace()).toBe(before);
  });

  it.each(ROLES)('%s: REST create, update and delete need EDIT (get needs READ)', async (role) => {
    const id = await adminAssessment();
    const before = await namesOnTrace();
    const one = `/api/3.0/mlflow/traces/${w.trace}/assessments/${id}`;
    expect((await send(role, 'GET', one)).status).toBe(READ_STATUS[role]);
    const create = await send(
      role,
      'POST',
      `/api/3.0/mlflow/traces/${w.trace}/assessments`,
      JSON.stringify({
        assessment: {
          assessment_name: `rest-${role}`,
          feedback: { value: 1 },
          source: { source_type: 'HUMAN', source_id: role },
        },
      }),
    );
    expect(create.status).toBe(EDIT_STATUS[role]);
    const update = await send(
      role,
      'PATCH',
      one,
      JSON.stringify({ assessment: { rationale: 'changed' }, update_mask: 'rationale' }),
    );
    expect(update.status).toBe(EDIT_STATUS[role]);
    if (EDIT_STATUS[role] !== 200) {
      expect(JSON.parse(update.body.toString()).error_code).toBe(
        role === 'none' ? 'RESOURCE_DOES_NOT_EXIST' : 'PERMISSION_DENIED',
      );
    }
    const del = await send(role, 'DELETE', one);
    expect(del.status).toBe(EDIT_STATUS[role]);
    if (EDIT_STATUS[role] !== 200) expect(await namesOnTrace()).toBe(before);
  });
});
