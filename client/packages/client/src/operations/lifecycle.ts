import type { Client } from '@urql/core';
import { graphql } from '../gql/index.ts';
import type { Experiment } from './experiments.ts';
import { type OpResult, send, settle } from './result.ts';
import type { RunInfo } from './runs.ts';

const RenameExperimentDoc = graphql(`
  mutation ClientRenameExperiment($input: RenameExperimentInput!) {
    renameExperiment(input: $input) {
      __typename
      ... on RenameExperimentSuccess {
        experiment {
          ...ExperimentFields
        }
      }
      ...ClientErrorFields
    }
  }
`);

const DeleteExperimentDoc = graphql(`
  mutation ClientDeleteExperiment($input: DeleteExperimentInput!) {
    deleteExperiment(input: $input) {
      __typename
      ... on DeleteExperimentSuccess {
        experiment {
          ...ExperimentFields
        }
      }
      ...ClientErrorFields
    }
  }
`);

const RestoreExperimentDoc = graphql(`
  mutation ClientRestoreExperiment($input: RestoreExperimentInput!) {
    restoreExperiment(input: $input) {
      __typename
      ... on RestoreExperimentSuccess {
        experiment {
          ...ExperimentFields
        }
      }
      ...ClientErrorFields
    }
  }
`);

const SetExperimentTagDoc = graphql(`
  mutation ClientSetExperimentTag($input: SetExperimentTagInput!) {
    setExperimentTag(input: $input) {
      __typename
      ... on SetExperimentTagSuccess {
        experiment {
          ...ExperimentFields
        }
      }
      ...ClientErrorFields
    }
  }
`);

const DeleteExperimentTagDoc = graphql(`
  mutation ClientDeleteExperimentTag($input: DeleteExperimentTagInput!) {
    deleteExperimentTag(input: $input) {
      __typename
      ... on DeleteExperimentTagSuccess {
        experiment {
          ...ExperimentFields
        }
      }
      ...ClientErrorFields
    }
  }
`);

const DeleteRunDoc = graphql(`
  mutation ClientDeleteRun($input: DeleteRunInput!) {
    deleteRun(input: $input) {
      __typename
      ... on DeleteRunSuccess {
        run {
          ...RunInfoFields
        }
      }
      ...ClientErrorFields
    }
  }
`);

const RestoreRunDoc = graphql(`
  mutation ClientRestoreRun($input: RestoreRunInput!) {
    restoreRun(input: $input) {
      __typename
      ... on RestoreRunSuccess {
        run {
          ...RunInfoFields
        }
      }
      ...ClientErrorFields
    }
  }
`);

/** Renames an active experiment; a taken name is `AlreadyExistsError`. */
export async function renameExperiment(
  client: Client,
  experimentId: string,
  newName: string,
): Promise<OpResult<Experiment>> {
  const data = await send(client, 'mutation', RenameExperimentDoc, {
    input: { experimentId, newName },
  });
  return settle(data.renameExperiment, 'RenameExperimentSuccess', (r) => r.experiment);
}

/** Marks an experiment (and its runs) deleted; the Default experiment "0" cannot be deleted. */
export async function deleteExperiment(
  client: Client,
  experimentId: string,
): Promise<OpResult<Experiment>> {
  const data = await send(client, 'mutation', DeleteExperimentDoc, { input: { experimentId } });
  return settle(data.deleteExperiment, 'DeleteExperimentSuccess', (r) => r.experiment);
}

/** Restores a deleted experiment and the runs its deletion marked. */
export async function restoreExperiment(
  client: Client,
  experimentId: string,
): Promise<OpResult<Experiment>> {
  const data = await send(client, 'mutation', RestoreExperimentDoc, { input: { experimentId } });
  return settle(data.restoreExperiment, 'RestoreExperimentSuccess', (r) => r.experiment);
}

/** Sets (upserts) one tag of an active experiment. */
export async function setExperimentTag(
  client: Client,
  experimentId: string,
  key: string,
  value: string,
): Promise<OpResult<Experiment>> {
  const data = await send(client, 'mutation', SetExperimentTagDoc, {
    input: { experimentId, key, value },
  });
  return settle(data.setExperimentTag, 'SetExperimentTagSuccess', (r) => r.experiment);
}

/** Deletes one tag of an active experiment; a missing key is `NotFoundError`. */
export async function deleteExperimentTag(
  client: Client,
  experimentId: string,
  key: string,
): Promise<OpResult<Experiment>> {
  const data = await send(client, 'mutation', DeleteExperimentTagDoc, {
    input: { experimentId, key },
  });
  return settle(data.deleteExperimentTag, 'DeleteExperimentTagSuccess', (r) => r.experiment);
}

/** Marks a run deleted (MLflow `delete_run`). */
export async function deleteRun(client: Client, runId: string): Promise<OpResult<RunInfo>> {
  const data = await send(client, 'mutation', DeleteRunDoc, { input: { runId } });
  return settle(data.deleteRun, 'DeleteRunSuccess', (r) => r.run);
}

/** Restores a deleted run (MLflow `restore_run`). */
export async function restoreRun(client: Client, runId: string): Promise<OpResult<RunInfo>> {
  const data = await send(client, 'mutation', RestoreRunDoc, { input: { runId } });
  return settle(data.restoreRun, 'RestoreRunSuccess', (r) => r.run);
}
