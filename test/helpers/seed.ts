import { randomBytes } from 'node:crypto';
import type { CreateLoggedModelInput } from '../gql/graphql.ts';
import { CreateExperiment, CreateRun } from './documents.ts';
import { CreateLoggedModel } from './model-documents.ts';
import type { TestApp } from './test-app.ts';

/** A unique name so tests sharing a database never collide. */
export function uniqueName(prefix = 'exp'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** Creates an experiment through the API and returns its id. */
export async function seedExperiment(t: TestApp, name = uniqueName()): Promise<string> {
  const res = await t.execute(CreateExperiment, { input: { name } });
  if (res.createExperiment.__typename !== 'CreateExperimentSuccess') {
    throw new Error(`seedExperiment failed: ${JSON.stringify(res.createExperiment)}`);
  }
  return res.createExperiment.experiment.experimentId;
}

/** Creates a run through the API and returns its id. */
export async function seedRun(
  t: TestApp,
  experimentId: string,
  extra: { runName?: string; startTime?: number; tags?: { key: string; value: string }[] } = {},
): Promise<string> {
  const res = await t.execute(CreateRun, { input: { experimentId, ...extra } });
  if (res.createRun.__typename !== 'CreateRunSuccess') {
    throw new Error(`seedRun failed: ${JSON.stringify(res.createRun)}`);
  }
  return res.createRun.run.runId;
}

/** Creates a logged model through the API and returns its id. */
export async function seedModel(
  t: TestApp,
  experimentId: string,
  extra: Omit<CreateLoggedModelInput, 'experimentId'> = {},
): Promise<string> {
  const res = await t.execute(CreateLoggedModel, { input: { experimentId, ...extra } });
  if (res.createLoggedModel.__typename !== 'CreateLoggedModelSuccess') {
    throw new Error(`seedModel failed: ${JSON.stringify(res.createLoggedModel)}`);
  }
  return res.createLoggedModel.model.modelId;
}
