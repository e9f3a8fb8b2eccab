import type { Client } from '@urql/core';
import type {
  CreateRunInput,
  RunFieldsFragment,
  RunInfoFieldsFragment,
  UpdateRunInput,
} from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { type OpResult, send, settle } from './result.ts';

const CreateRunDoc = graphql(`
  mutation ClientCreateRun($input: CreateRunInput!) {
    createRun(input: $input) {
      __typename
      ... on CreateRunSuccess {
        run {
          ...RunInfoFields
        }
      }
      ...ClientErrorFields
    }
  }
`);

const UpdateRunDoc = graphql(`
  mutation ClientUpdateRun($input: UpdateRunInput!) {
    updateRun(input: $input) {
      __typename
      ... on UpdateRunSuccess {
        run {
          ...RunInfoFields
        }
      }
      ...ClientErrorFields
    }
  }
`);

const DeleteRunTagDoc = graphql(`
  mutation ClientDeleteRunTag($input: DeleteRunTagInput!) {
    deleteRunTag(input: $input) {
      __typename
      ... on DeleteRunTagSuccess {
        run {
          runId
        }
      }
      ...ClientErrorFields
    }
  }
`);

const RunDoc = graphql(`
  query ClientRun($runId: String!) {
    run(runId: $runId) {
      ...RunFields
    }
  }
`);

/** A run's info without its data. */
export type RunInfo = RunInfoFieldsFragment;
/** A run with params, tags and latest metrics. */
export type RunData = RunFieldsFragment;

/**
 * Creates a RUNNING run.
 *
 * @remarks The experiment defaults to "0"; system tags (`mlflow.user`, `mlflow.parentRunId`...) are
 * the caller's to pass in `tags`.
 */
export async function createRun(client: Client, input: CreateRunInput): Promise<OpResult<RunInfo>> {
  const data = await send(client, 'mutation', CreateRunDoc, { input });
  return settle(data.createRun, 'CreateRunSuccess', (r) => r.run);
}

/** Updates status, end time and/or name of an active run. */
export async function updateRun(client: Client, input: UpdateRunInput): Promise<OpResult<RunInfo>> {
  const data = await send(client, 'mutation', UpdateRunDoc, { input });
  return settle(data.updateRun, 'UpdateRunSuccess', (r) => r.run);
}

/** Deletes one tag of an active run. */
export async function deleteRunTag(
  client: Client,
  runId: string,
  key: string,
): Promise<OpResult<string>> {
  const data = await send(client, 'mutation', DeleteRunTagDoc, { input: { runId, key } });
  return settle(data.deleteRunTag, 'DeleteRunTagSuccess', (r) => r.run.runId);
}

/** Fetches a run with its params, tags and latest metrics; `null` when there is none. */
export async function getRun(client: Client, runId: string): Promise<RunData | null> {
  return (await send(client, 'query', RunDoc, { runId })).run ?? null;
}
