import { graphql } from '../gql/index.ts';

export const ErrorFields = graphql(`
  fragment UiErrorFields on Error {
    __typename
    code
    message
  }
`);

export const SearchExperiments = graphql(`
  query UiSearchExperiments($filter: String, $viewType: ViewType, $after: String) {
    searchExperiments(filter: $filter, viewType: $viewType, first: 50, after: $after, orderBy: ["name ASC"]) {
      edges {
        node {
          experimentId
          name
          lifecycleStage
          creationTime
          lastUpdateTime
          artifactLocation
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const GetExperimentHeader = graphql(`
  query UiExperimentHeader($experimentId: String!) {
    experiment(experimentId: $experimentId) {
      experimentId
      name
      lifecycleStage
      artifactLocation
    }
  }
`);

export const CreateExperiment = graphql(`
  mutation UiCreateExperiment($name: String!) {
    createExperiment(input: { name: $name }) {
      __typename
      ... on CreateExperimentSuccess {
        experiment {
          experimentId
        }
      }
      ...UiErrorFields
    }
  }
`);

export const RenameExperiment = graphql(`
  mutation UiRenameExperiment($experimentId: String!, $newName: String!) {
    renameExperiment(input: { experimentId: $experimentId, newName: $newName }) {
      __typename
      ...UiErrorFields
    }
  }
`);

export const DeleteExperiment = graphql(`
  mutation UiDeleteExperiment($experimentId: String!) {
    deleteExperiment(input: { experimentId: $experimentId }) {
      __typename
      ...UiErrorFields
    }
  }
`);

export const RestoreExperiment = graphql(`
  mutation UiRestoreExperiment($experimentId: String!) {
    restoreExperiment(input: { experimentId: $experimentId }) {
      __typename
      ...UiErrorFields
    }
  }
`);

export const CreateToken = graphql(`
  mutation UiCreateToken($name: String!) {
    createApiToken(input: { name: $name }) {
      __typename
      ... on CreateApiTokenSuccess {
        created {
          secret
        }
      }
      ...UiErrorFields
    }
  }
`);
