import { graphql } from '../gql/index.ts';

/** The last committed batch of a run: the baseline of a watch that starts "from now". */
export const WatchRunHeadDocument = graphql(`
  query WatchRunHead($runId: String!) {
    run(runId: $runId) {
      lastSeq
    }
  }
`);

/** Points of each committed batch of a run, replayed after `afterSeq` first. */
export const WatchMetricsDocument = graphql(`
  subscription WatchMetrics($runId: String!, $keys: [String!], $afterSeq: SafeInt) {
    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {
      runId
      seq
      fromSeq
      committedAt
      replayed
      metrics {
        key
        steps
        timestamps
        values
      }
    }
  }
`);

/** Changes of one run, starting with a snapshot of its current state. */
export const WatchRunDocument = graphql(`
  subscription WatchRun($runId: String!) {
    runEvents(runId: $runId) {
      kind
      runId
      experimentId
      seq
      committedAt
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
