import { graphql } from '../gql/index.ts';

export const ModelFields = graphql(`
  fragment ModelFields on LoggedModel {
    modelId
    experimentId
    name
    modelType
    sourceRunId
    sourceRun { runId }
    status
    lifecycleStage
    creationTimestamp
    lastUpdatedTimestamp
    artifactUri
    modelUri
    params { key value }
    tags { key value }
  }
`);

export const CreateLoggedModel = graphql(`
  mutation CreateLoggedModel($input: CreateLoggedModelInput!) {
    createLoggedModel(input: $input) {
      __typename
      ... on CreateLoggedModelSuccess { model { ...ModelFields } }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

export const GetLoggedModel = graphql(`
  query GetLoggedModel($modelId: String!, $allowDeleted: Boolean) {
    loggedModel(modelId: $modelId, allowDeleted: $allowDeleted) {
      ...ModelFields
      metrics {
        key
        value
        step
        timestamp
        runId
        run { runId }
        dataset { name digest }
      }
    }
  }
`);

export const FinalizeLoggedModel = graphql(`
  mutation FinalizeLoggedModel($input: FinalizeLoggedModelInput!) {
    finalizeLoggedModel(input: $input) {
      __typename
      ... on FinalizeLoggedModelSuccess { model { ...ModelFields } }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

export const DeleteLoggedModel = graphql(`
  mutation DeleteLoggedModel($input: DeleteLoggedModelInput!) {
    deleteLoggedModel(input: $input) {
      __typename
      ... on DeleteLoggedModelSuccess { model { ...ModelFields } }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

export const SetLoggedModelTags = graphql(`
  mutation SetLoggedModelTags($input: SetLoggedModelTagsInput!) {
    setLoggedModelTags(input: $input) {
      __typename
      ... on SetLoggedModelTagsSuccess { model { ...ModelFields } }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

export const DeleteLoggedModelTag = graphql(`
  mutation DeleteLoggedModelTag($input: DeleteLoggedModelTagInput!) {
    deleteLoggedModelTag(input: $input) {
      __typename
      ... on DeleteLoggedModelTagSuccess { model { ...ModelFields } }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

export const LogLoggedModelParams = graphql(`
  mutation LogLoggedModelParams($input: LogLoggedModelParamsInput!) {
    logLoggedModelParams(input: $input) {
      __typename
      ... on LogLoggedModelParamsSuccess { model { ...ModelFields } }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

export const LogOutputs = graphql(`
  mutation LogOutputs($input: LogOutputsInput!) {
    logOutputs(input: $input) {
      __typename
      ... on LogOutputsSuccess {
        run {
          outputs { modelId step model { name } }
          modelInputs { modelId }
        }
      }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

export const LogModelInputs = graphql(`
  mutation LogModelInputs($input: LogInputsInput!) {
    logInputs(input: $input) {
      __typename
      ... on LogInputsSuccess {
        run {
          inputs { dataset { name digest } }
          modelInputs { modelId model { name } }
        }
      }
      ...ErrorFields
      ... on NotFoundError { entity id }
    }
  }
`);

export const RunLinks = graphql(`
  query RunLinks($runId: String!) {
    run(runId: $runId) {
      outputs { modelId step }
      modelInputs { modelId }
      inputs { dataset { name } }
      latestMetrics { key value step }
    }
  }
`);
