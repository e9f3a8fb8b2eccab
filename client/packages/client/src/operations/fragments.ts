import { graphql } from '../gql/index.ts';

/** Fields of every domain error member; spread into each mutation's result union. */
export const ClientErrorFields = graphql(`
  fragment ClientErrorFields on Error {
    __typename
    code
    message
    ... on ValidationError {
      field
    }
  }
`);

/** A run's info (MLflow `RunInfo`), without its logged data. */
export const RunInfoFields = graphql(`
  fragment RunInfoFields on Run {
    runId
    name
    experimentId
    userId
    status
    startTime
    endTime
    lifecycleStage
    artifactUri
    lastSeq
  }
`);

/** A run with its params, tags and latest metrics (MLflow `Run` = info + data). */
export const RunFields = graphql(`
  fragment RunFields on Run {
    ...RunInfoFields
    params {
      key
      value
    }
    tags {
      key
      value
    }
    latestMetrics {
      key
      value
      step
      timestamp
    }
  }
`);

/** An experiment with its tags. */
export const ExperimentFields = graphql(`
  fragment ExperimentFields on Experiment {
    experimentId
    name
    artifactLocation
    lifecycleStage
    creationTime
    lastUpdateTime
    tags {
      key
      value
    }
  }
`);

/** A logged model with its params and tags (MLflow `LoggedModel` without metrics). */
export const LoggedModelFields = graphql(`
  fragment LoggedModelFields on LoggedModel {
    modelId
    experimentId
    name
    modelType
    sourceRunId
    status
    lifecycleStage
    creationTimestamp
    lastUpdatedTimestamp
    artifactUri
    modelUri
    params {
      key
      value
    }
    tags {
      key
      value
    }
  }
`);
