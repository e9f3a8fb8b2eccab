import { graphql } from '../gql/index.ts';

export const ErrorFields = graphql(`
  fragment ErrorFields on Error {
    __typename
    code
    message
    ... on ValidationError {
      field
    }
  }
`);

export const CreateExperiment = graphql(`
  mutation CreateExperiment($input: CreateExperimentInput!) {
    createExperiment(input: $input) {
      __typename
      ... on CreateExperimentSuccess {
        experiment {
          id
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
      }
      ...ErrorFields
    }
  }
`);

export const GetExperiment = graphql(`
  query GetExperiment($experimentId: String!, $viewType: ViewType) {
    experiment(experimentId: $experimentId) {
      experimentId
      name
      lifecycleStage
      lastUpdateTime
      tags {
        key
        value
      }
      runs(first: 100, viewType: $viewType) {
        edges {
          node {
            runId
            lifecycleStage
          }
        }
      }
    }
  }
`);

export const CreateRun = graphql(`
  mutation CreateRun($input: CreateRunInput!) {
    createRun(input: $input) {
      __typename
      ... on CreateRunSuccess {
        run {
          runId
          experimentId
          name
          status
          startTime
          endTime
          lifecycleStage
          artifactUri
          lastSeq
          tags {
            key
            value
          }
        }
      }
      ...ErrorFields
    }
  }
`);

export const LogBatch = graphql(`
  mutation LogBatch($input: LogBatchInput!) {
    logBatch(input: $input) {
      __typename
      ... on BatchAck {
        runId
        seq
        replayed
        metricsWritten
      }
      ...ErrorFields
    }
  }
`);

export const GetRun = graphql(`
  query GetRun($runId: String!) {
    run(runId: $runId) {
      runId
      name
      status
      endTime
      lifecycleStage
      lastSeq
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
      metricSummaries {
        key
        count
        min
        max
        first {
          step
          value
        }
        last {
          step
          timestamp
          value
        }
      }
    }
  }
`);

export const MetricHistory = graphql(`
  query MetricHistory($runId: String!, $key: String!, $first: Int, $after: String, $minStep: Step, $maxStep: Step) {
    run(runId: $runId) {
      metricHistory(key: $key, first: $first, after: $after, minStep: $minStep, maxStep: $maxStep) {
        edges {
          cursor
          node {
            step
            timestamp
            value
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
