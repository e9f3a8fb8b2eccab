import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExperiment, seedModel, seedRun, uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Every mutation against every error member its result union declares, in one table: each case
 * names the mutation, its input (as GraphQL literal text) and the `__typename` expected back.
 */
let t: TestApp;
let exp: string;
let deletedExp: string;
let run: string;
let deletedRun: string;
const missingRun = 'f'.repeat(32);
const missingModel = `m-${'f'.repeat(32)}`;
let model: string;
let trace: string;
const missingTrace = `tr-${'f'.repeat(32)}`;
const rootSpan = '{ spanId: "0123456789abcdef", name: "r", startTimeNs: "1000" }';

beforeAll(async () => {
  t = await createTestApp();
  exp = await seedExperiment(t);
  deletedExp = await seedExperiment(t);
  run = await seedRun(t, exp);
  deletedRun = await seedRun(t, exp);
  model = await seedModel(t, exp);
  const logged = await t.executeRaw<{ logTrace: { trace: { traceId: string } } }, never>(
    `mutation { logTrace(input: { experimentId: "${exp}" }) { ... on LogTraceSuccess { trace { traceId } } } }`,
  );
  trace = logged.data!.logTrace.trace.traceId;
  await t.executeRaw(`mutation { deleteRun(input: { runId: "${deletedRun}" }) { __typename } }`);
  await t.executeRaw(
    `mutation { deleteExperiment(input: { experimentId: "${deletedExp}" }) { __typename } }`,
  );
});
afterAll(() => t.close());

type Case = [mutation: string, input: () => string, expected: string];

const cases: Case[] = [
  ['renameExperiment', () => `{ experimentId: "${exp}", newName: "" }`, 'ValidationError'],
  [
    'renameExperiment',
    () => `{ experimentId: "${deletedExp}", newName: "${uniqueName()}" }`,
    'InvalidStateError',
  ],
  [
    'renameExperiment',
    () => `{ experimentId: "99999", newName: "${uniqueName()}" }`,
    'NotFoundError',
  ],
  ['restoreExperiment', () => `{ experimentId: "99999" }`, 'NotFoundError'],
  ['restoreExperiment', () => `{ experimentId: "-1" }`, 'ValidationError'],
  ['setExperimentTag', () => `{ experimentId: "99999", key: "k", value: "v" }`, 'NotFoundError'],
  [
    'setExperimentTag',
    () => `{ experimentId: "${deletedExp}", key: "k", value: "v" }`,
    'InvalidStateError',
  ],
  [
    'setExperimentTag',
    () => `{ experimentId: "${exp}", key: "${'k'.repeat(251)}", value: "v" }`,
    'ValidationError',
  ],
  ['deleteExperimentTag', () => `{ experimentId: "99999", key: "k" }`, 'NotFoundError'],
  ['deleteExperimentTag', () => `{ experimentId: "${deletedExp}", key: "k" }`, 'InvalidStateError'],
  ['deleteExperimentTag', () => `{ experimentId: "x", key: "k" }`, 'ValidationError'],
  ['updateRun', () => `{ runId: "${run}", endTime: -5 }`, 'ValidationError'],
  ['deleteRunTag', () => `{ runId: "${deletedRun}", key: "k" }`, 'InvalidStateError'],
  ['deleteRunTag', () => `{ runId: "${missingRun}", key: "k" }`, 'NotFoundError'],
  ['logMetric', () => `{ runId: "${missingRun}", key: "m", value: 1 }`, 'NotFoundError'],
  ['logMetric', () => `{ runId: "${deletedRun}", key: "m", value: 1 }`, 'InvalidStateError'],
  ['logMetric', () => `{ runId: "${run}", key: "bad//key", value: 1 }`, 'ValidationError'],
  ['logParam', () => `{ runId: "${missingRun}", key: "p", value: "1" }`, 'NotFoundError'],
  ['logParam', () => `{ runId: "${deletedRun}", key: "p", value: "1" }`, 'InvalidStateError'],
  ['setRunTag', () => `{ runId: "${missingRun}", key: "t", value: "1" }`, 'NotFoundError'],
  ['setRunTag', () => `{ runId: "${deletedRun}", key: "t", value: "1" }`, 'InvalidStateError'],
  ['setRunTag', () => `{ runId: "${run}", key: "", value: "1" }`, 'ValidationError'],
  ['createLoggedModel', () => `{ experimentId: "99999" }`, 'NotFoundError'],
  ['createLoggedModel', () => `{ experimentId: "${deletedExp}" }`, 'ValidationError'],
  ['finalizeLoggedModel', () => `{ modelId: "${missingModel}", status: READY }`, 'NotFoundError'],
  ['finalizeLoggedModel', () => `{ modelId: "${model}", status: PENDING }`, 'ValidationError'],
  ['deleteLoggedModel', () => `{ modelId: "${missingModel}" }`, 'NotFoundError'],
  [
    'setLoggedModelTags',
    () => `{ modelId: "${missingModel}", tags: [{ key: "k", value: "v" }] }`,
    'NotFoundError',
  ],
  [
    'setLoggedModelTags',
    () => `{ modelId: "${model}", tags: [{ key: "", value: "v" }] }`,
    'ValidationError',
  ],
  ['deleteLoggedModelTag', () => `{ modelId: "${model}", key: "absent" }`, 'NotFoundError'],
  [
    'logLoggedModelParams',
    () => `{ modelId: "${missingModel}", params: [{ key: "k", value: "v" }] }`,
    'NotFoundError',
  ],
  [
    'logLoggedModelParams',
    () => `{ modelId: "${model}", params: [{ key: "a//b", value: "v" }] }`,
    'ValidationError',
  ],
  [
    'logOutputs',
    () => `{ runId: "${run}", models: [{ modelId: "${missingModel}" }] }`,
    'NotFoundError',
  ],
  [
    'logOutputs',
    () => `{ runId: "${deletedRun}", models: [{ modelId: "${model}" }] }`,
    'InvalidStateError',
  ],
  ['logOutputs', () => `{ runId: "bad id", models: [] }`, 'ValidationError'],
  ['logTrace', () => `{ experimentId: "99999" }`, 'NotFoundError'],
  ['logTrace', () => `{ experimentId: "${deletedExp}" }`, 'InvalidStateError'],
  ['logTrace', () => `{ experimentId: "${exp}", state: IN_PROGRESS }`, 'ValidationError'],
  ['logTrace', () => `{ experimentId: "${exp}", traceId: "${trace}" }`, 'AlreadyExistsError'],
  ['logSpans', () => `{ traceId: "${missingTrace}", spans: [${rootSpan}] }`, 'NotFoundError'],
  [
    'logSpans',
    () => `{ traceId: "${missingTrace}", experimentId: "${deletedExp}", spans: [${rootSpan}] }`,
    'InvalidStateError',
  ],
  ['logSpans', () => `{ traceId: "${trace}", spans: [] }`, 'ValidationError'],
  ['setTraceTag', () => `{ traceId: "${missingTrace}", key: "k", value: "v" }`, 'NotFoundError'],
  ['setTraceTag', () => `{ traceId: "${trace}", key: "", value: "v" }`, 'ValidationError'],
  ['deleteTraceTag', () => `{ traceId: "${trace}", key: "absent" }`, 'NotFoundError'],
  ['deleteTraces', () => `{ experimentId: "${exp}" }`, 'ValidationError'],
];

describe('mutation error members', () => {
  it.each(cases)('%s returns the expected error member (%#)', async (mutation, input, expected) => {
    const res = await t.executeRaw<
      Record<string, { __typename: string; code?: string }>,
      undefined
    >(`mutation { ${mutation}(input: ${input()}) { __typename ... on Error { code message } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.[mutation]?.__typename).toBe(expected);
    expect(res.data?.[mutation]?.code).toMatch(/^[A-Z_]+$/);
  });
});
