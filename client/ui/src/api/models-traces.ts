import { graphql } from '../gql/index.ts';

export const SearchModels = graphql(`
  query UiSearchModels($experimentIds: [String!]!, $filter: String, $after: String) {
    searchLoggedModels(experimentIds: $experimentIds, filter: $filter, first: 50, after: $after) {
      edges {
        node {
          modelId
          name
          status
          modelType
          creationTimestamp
          sourceRunId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const GetModel = graphql(`
  query UiModel($modelId: String!) {
    loggedModel(modelId: $modelId) {
      modelId
      name
      status
      modelType
      modelUri
      artifactUri
      experimentId
      creationTimestamp
      sourceRun {
        runId
        name
      }
      params {
        key
        value
      }
      tags {
        key
        value
      }
      metrics {
        key
        value
        step
        runId
        dataset {
          name
          digest
        }
      }
      traces(first: 50) {
        edges {
          node {
            traceId
            state
            requestTime
            executionDuration
          }
        }
      }
    }
  }
`);

export const SearchTraces = graphql(`
  query UiSearchTraces($experimentIds: [String!]!, $filter: String, $after: String) {
    searchTraces(experimentIds: $experimentIds, filter: $filter, first: 50, after: $after) {
      edges {
        node {
          traceId
          state
          requestTime
          executionDuration
          requestPreview
          responsePreview
          tags {
            key
            value
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const GetTrace = graphql(`
  query UiTrace($traceId: String!) {
    trace(traceId: $traceId) {
      traceId
      experimentId
      state
      requestTime
      executionDuration
      metadata {
        key
        value
      }
      tags {
        key
        value
      }
      spans {
        spanId
        parentSpanId
        name
        spanType
        startTimeNs
        endTimeNs
        statusCode
        statusMessage
        inputs
        outputs
        attributes {
          key
          value
        }
        events {
          name
          timeNs
          attributes {
            key
            value
          }
        }
      }
    }
  }
`);
