import type { Client } from '@urql/core';
import type {
  ClientLoggedModelQuery,
  CreateLoggedModelInput,
  LoggedModelDatasetInput,
  LoggedModelFieldsFragment,
  LoggedModelOrderInput,
  LoggedModelStatus,
  LogInputsInput,
} from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { type Page, toPage } from './experiments.ts';
import { type OpResult, send, settle } from './result.ts';

const CreateDoc = graphql(`
  mutation ClientCreateLoggedModel($input: CreateLoggedModelInput!) {
    createLoggedModel(input: $input) {
      __typename
      ... on CreateLoggedModelSuccess { model { ...LoggedModelFields } }
      ...ClientErrorFields
    }
  }
`);

const FinalizeDoc = graphql(`
  mutation ClientFinalizeLoggedModel($input: FinalizeLoggedModelInput!) {
    finalizeLoggedModel(input: $input) {
      __typename
      ... on FinalizeLoggedModelSuccess { model { ...LoggedModelFields } }
      ...ClientErrorFields
    }
  }
`);

const DeleteDoc = graphql(`
  mutation ClientDeleteLoggedModel($input: DeleteLoggedModelInput!) {
    deleteLoggedModel(input: $input) {
      __typename
      ... on DeleteLoggedModelSuccess { model { modelId } }
      ...ClientErrorFields
    }
  }
`);

const SetTagsDoc = graphql(`
  mutation ClientSetLoggedModelTags($input: SetLoggedModelTagsInput!) {
    setLoggedModelTags(input: $input) {
      __typename
      ... on SetLoggedModelTagsSuccess { model { ...LoggedModelFields } }
      ...ClientErrorFields
    }
  }
`);

const DeleteTagDoc = graphql(`
  mutation ClientDeleteLoggedModelTag($input: DeleteLoggedModelTagInput!) {
    deleteLoggedModelTag(input: $input) {
      __typename
      ... on DeleteLoggedModelTagSuccess { model { ...LoggedModelFields } }
      ...ClientErrorFields
    }
  }
`);

const LogParamsDoc = graphql(`
  mutation ClientLogLoggedModelParams($input: LogLoggedModelParamsInput!) {
    logLoggedModelParams(input: $input) {
      __typename
      ... on LogLoggedModelParamsSuccess { model { ...LoggedModelFields } }
      ...ClientErrorFields
    }
  }
`);

const LogOutputsDoc = graphql(`
  mutation ClientLogOutputs($input: LogOutputsInput!) {
    logOutputs(input: $input) {
      __typename
      ... on LogOutputsSuccess { run { runId } }
      ...ClientErrorFields
    }
  }
`);

const LogRunInputsDoc = graphql(`
  mutation ClientLogRunInputs($input: LogInputsInput!) {
    logInputs(input: $input) {
      __typename
      ... on LogInputsSuccess { run { runId } }
      ...ClientErrorFields
    }
  }
`);

const GetDoc = graphql(`
  query ClientLoggedModel($modelId: String!, $allowDeleted: Boolean) {
    loggedModel(modelId: $modelId, allowDeleted: $allowDeleted) {
      ...LoggedModelFields
      metrics {
        key
        value
        step
        timestamp
        runId
        dataset { name digest }
      }
    }
  }
`);

const SearchDoc = graphql(`
  query ClientSearchLoggedModels(
    $experimentIds: [String!]!
    $filter: String
    $datasets: [LoggedModelDatasetInput!]
    $orderBy: [LoggedModelOrderInput!]
    $first: Int
    $after: String
  ) {
    searchLoggedModels(
      experimentIds: $experimentIds
      filter: $filter
      datasets: $datasets
      orderBy: $orderBy
      first: $first
      after: $after
    ) {
      edges { node { ...LoggedModelFields } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** A logged model as the client returns it (params and tags as key/value lists). */
export type LoggedModelData = LoggedModelFieldsFragment;

/** Creates a PENDING logged model (MLflow `CreateLoggedModel`). */
export async function createLoggedModel(
  client: Client,
  input: CreateLoggedModelInput,
): Promise<OpResult<LoggedModelData>> {
  const data = await send(client, 'mutation', CreateDoc, { input });
  return settle(data.createLoggedModel, 'CreateLoggedModelSuccess', (r) => r.model);
}

/** Sets a model's final status, READY or UPLOAD_FAILED (MLflow `FinalizeLoggedModel`). */
export async function finalizeLoggedModel(
  client: Client,
  modelId: string,
  status: LoggedModelStatus,
): Promise<OpResult<LoggedModelData>> {
  const data = await send(client, 'mutation', FinalizeDoc, { input: { modelId, status } });
  return settle(data.finalizeLoggedModel, 'FinalizeLoggedModelSuccess', (r) => r.model);
}

/** Soft-deletes a model (MLflow `DeleteLoggedModel`). */
export async function deleteLoggedModel(
  client: Client,
  modelId: string,
): Promise<OpResult<string>> {
  const data = await send(client, 'mutation', DeleteDoc, { input: { modelId } });
  return settle(data.deleteLoggedModel, 'DeleteLoggedModelSuccess', (r) => r.model.modelId);
}

/** Upserts tags of a model (MLflow `SetLoggedModelTags`). */
export async function setLoggedModelTags(
  client: Client,
  modelId: string,
  tags: { key: string; value: string }[],
): Promise<OpResult<LoggedModelData>> {
  const data = await send(client, 'mutation', SetTagsDoc, { input: { modelId, tags } });
  return settle(data.setLoggedModelTags, 'SetLoggedModelTagsSuccess', (r) => r.model);
}

/** Deletes a tag of a model; a missing key is RESOURCE_DOES_NOT_EXIST. */
export async function deleteLoggedModelTag(
  client: Client,
  modelId: string,
  key: string,
): Promise<OpResult<LoggedModelData>> {
  const data = await send(client, 'mutation', DeleteTagDoc, { input: { modelId, key } });
  return settle(data.deleteLoggedModelTag, 'DeleteLoggedModelTagSuccess', (r) => r.model);
}

/** Logs params of a model (immutable: another value for a logged key is rejected). */
export async function logLoggedModelParams(
  client: Client,
  modelId: string,
  params: { key: string; value: string }[],
): Promise<OpResult<LoggedModelData>> {
  const data = await send(client, 'mutation', LogParamsDoc, { input: { modelId, params } });
  return settle(data.logLoggedModelParams, 'LogLoggedModelParamsSuccess', (r) => r.model);
}

/** Records models as outputs of a run, each at a step (MLflow `LogOutputs`). */
export async function logOutputs(
  client: Client,
  runId: string,
  models: { modelId: string; step?: number }[],
): Promise<OpResult<string>> {
  const data = await send(client, 'mutation', LogOutputsDoc, { input: { runId, models } });
  return settle(data.logOutputs, 'LogOutputsSuccess', (r) => r.run.runId);
}

/** Records datasets and models as inputs of a run, all or nothing (MLflow `LogInputs`). */
export async function logRunInputs(
  client: Client,
  input: LogInputsInput,
): Promise<OpResult<string>> {
  const data = await send(client, 'mutation', LogRunInputsDoc, { input });
  return settle(data.logInputs, 'LogInputsSuccess', (r) => r.run.runId);
}

/** A logged model with its linked metric rows. */
export type LoggedModelWithMetrics = NonNullable<ClientLoggedModelQuery['loggedModel']>;

/** Fetches a model with its metrics; `null` when absent (or deleted, unless `allowDeleted`). */
export async function getLoggedModel(
  client: Client,
  modelId: string,
  allowDeleted = false,
): Promise<LoggedModelWithMetrics | null> {
  return (await send(client, 'query', GetDoc, { modelId, allowDeleted })).loggedModel ?? null;
}

/** Arguments of {@link searchLoggedModelsPage}. */
export interface SearchLoggedModelsArgs {
  filter?: string | null;
  datasets?: LoggedModelDatasetInput[] | null;
  orderBy?: LoggedModelOrderInput[] | null;
  first?: number;
  after?: string | null;
}

/** One page of `searchLoggedModels` (MLflow's grammar; keyset cursors). */
export async function searchLoggedModelsPage(
  client: Client,
  experimentIds: string[],
  args: SearchLoggedModelsArgs = {},
): Promise<Page<LoggedModelData>> {
  const data = await send(client, 'query', SearchDoc, { experimentIds, ...args });
  return toPage(data.searchLoggedModels);
}
