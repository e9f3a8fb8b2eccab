import { graphql } from '../gql/index.ts';

export const MetricsLogged = graphql(`
  subscription MetricsLogged($runId: String!, $keys: [String!], $afterSeq: SafeInt) {
    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {
      runId
      seq
      fromSeq
      replayed
      committedAt
      metrics {
        key
        steps
        timestamps
        values
      }
    }
  }
`);

export const RunEvents = graphql(`
  subscription RunEvents($experimentId: String, $runId: String) {
    runEvents(experimentId: $experimentId, runId: $runId) {
      kind
      runId
      experimentId
      seq
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
      tagKey
    }
  }
`);

export const LiveSeriesSub = graphql(`
  subscription LiveSeries(
    $runIds: [String!]!
    $key: String!
    $buckets: Int!
    $range: LiveSeriesRangeInput
    $axis: SeriesAxis
  ) {
    liveSeries(runIds: $runIds, key: $key, buckets: $buckets, range: $range, axis: $axis) {
      full
      axis
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
          xStart
          xEnd
          count
          minStep
          maxStep
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

export const UpdateRun = graphql(`
  mutation UpdateRunForEvents($input: UpdateRunInput!) {
    updateRun(input: $input) {
      __typename
    }
  }
`);

export const DeleteRun = graphql(`
  mutation DeleteRunForEvents($input: DeleteRunInput!) {
    deleteRun(input: $input) {
      __typename
    }
  }
`);

export const DeleteExperiment = graphql(`
  mutation DeleteExperimentForEvents($input: DeleteExperimentInput!) {
    deleteExperiment(input: $input) {
      __typename
    }
  }
`);

export const RestoreExperiment = graphql(`
  mutation RestoreExperimentForEvents($input: RestoreExperimentInput!) {
    restoreExperiment(input: $input) {
      __typename
    }
  }
`);
