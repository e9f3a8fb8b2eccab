import { graphql } from '../gql/index.ts';

export const RunRow = graphql(`
  fragment UiRunRow on Run {
    runId
    name
    status
    startTime
    endTime
    userId
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
    metricSummaries {
      key
      min
      max
      last {
        value
        step
      }
    }
  }
`);

export const SearchRunsPage = graphql(`
  query UiSearchRuns(
    $experimentIds: [String!]!
    $filter: String
    $orderBy: [String!]
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    searchRuns(
      experimentIds: $experimentIds
      filter: $filter
      orderBy: $orderBy
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      edges {
        node {
          ...UiRunRow
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

export const ExperimentRunEvents = graphql(`
  subscription UiExperimentRunEvents($experimentId: String!) {
    runEvents(experimentId: $experimentId) {
      kind
      runId
      status
      endTime
      name
      lifecycleStage
      params {
        key
        value
      }
      tags {
        key
        value
      }
    }
  }
`);

export const GetRun = graphql(`
  query UiRun($runId: String!) {
    run(runId: $runId) {
      ...UiRunRow
      experimentId
      artifactUri
      experiment {
        name
      }
      parent {
        runId
        name
      }
      children {
        runId
        name
        status
      }
      inputs {
        context
        dataset {
          name
          digest
          source
          sourceType
        }
      }
      outputs {
        modelId
        step
        model {
          name
        }
      }
      modelInputs {
        modelId
        model {
          name
        }
      }
    }
  }
`);

export const RunStatusEvents = graphql(`
  subscription UiRunEvents($runId: String!) {
    runEvents(runId: $runId) {
      kind
      status
      endTime
      name
      seq
    }
  }
`);

export const RunArtifacts = graphql(`
  query UiRunArtifacts($runId: String!, $path: String!, $after: String) {
    run(runId: $runId) {
      artifacts(path: $path, first: 200, after: $after) {
        edges {
          node {
            name
            path
            isDir
            fileSize
            totalSize
            lastModified
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

export const LiveSeries = graphql(`
  subscription UiLiveSeries(
    $runIds: [String!]!
    $key: String!
    $buckets: Int!
    $axis: SeriesAxis
    $range: LiveSeriesRangeInput
  ) {
    liveSeries(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, range: $range) {
      full
      bucketCount
      range {
        start
        end
      }
      runs {
        runId
        seq
        buckets {
          index
          count
          min
          max
          last {
            step
            timestamp
            value
          }
        }
      }
    }
  }
`);

export const CompareBuckets = graphql(`
  query UiCompareBuckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis) {
    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis) {
      bucketCount
      start
      end
      runs {
        runId
        index
        lastValue
        min
        max
      }
    }
  }
`);
