/* eslint-disable */

import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
import * as types from './graphql';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  fragment UiErrorFields on Error {\n    __typename\n    code\n    message\n  }\n': typeof types.UiErrorFieldsFragmentDoc;
  '\n  query UiSearchExperiments($filter: String, $viewType: ViewType, $after: String) {\n    searchExperiments(filter: $filter, viewType: $viewType, first: 50, after: $after, orderBy: ["name ASC"]) {\n      edges {\n        node {\n          experimentId\n          name\n          lifecycleStage\n          creationTime\n          lastUpdateTime\n          artifactLocation\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.UiSearchExperimentsDocument;
  '\n  query UiExperimentHeader($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      experimentId\n      name\n      lifecycleStage\n      artifactLocation\n    }\n  }\n': typeof types.UiExperimentHeaderDocument;
  '\n  mutation UiCreateExperiment($name: String!) {\n    createExperiment(input: { name: $name }) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          experimentId\n        }\n      }\n      ...UiErrorFields\n    }\n  }\n': typeof types.UiCreateExperimentDocument;
  '\n  mutation UiRenameExperiment($experimentId: String!, $newName: String!) {\n    renameExperiment(input: { experimentId: $experimentId, newName: $newName }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n': typeof types.UiRenameExperimentDocument;
  '\n  mutation UiDeleteExperiment($experimentId: String!) {\n    deleteExperiment(input: { experimentId: $experimentId }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n': typeof types.UiDeleteExperimentDocument;
  '\n  mutation UiRestoreExperiment($experimentId: String!) {\n    restoreExperiment(input: { experimentId: $experimentId }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n': typeof types.UiRestoreExperimentDocument;
  '\n  mutation UiCreateToken($name: String!) {\n    createApiToken(input: { name: $name }) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        created {\n          secret\n        }\n      }\n      ...UiErrorFields\n    }\n  }\n': typeof types.UiCreateTokenDocument;
  '\n  query UiSearchModels($experimentIds: [String!]!, $filter: String, $after: String) {\n    searchLoggedModels(experimentIds: $experimentIds, filter: $filter, first: 50, after: $after) {\n      edges {\n        node {\n          modelId\n          name\n          status\n          modelType\n          creationTimestamp\n          sourceRunId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.UiSearchModelsDocument;
  '\n  query UiModel($modelId: String!) {\n    loggedModel(modelId: $modelId) {\n      modelId\n      name\n      status\n      modelType\n      modelUri\n      artifactUri\n      experimentId\n      creationTimestamp\n      sourceRun {\n        runId\n        name\n      }\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      metrics {\n        key\n        value\n        step\n        runId\n        dataset {\n          name\n          digest\n        }\n      }\n      traces(first: 50) {\n        edges {\n          node {\n            traceId\n            state\n            requestTime\n            executionDuration\n          }\n        }\n      }\n    }\n  }\n': typeof types.UiModelDocument;
  '\n  query UiSearchTraces($experimentIds: [String!]!, $filter: String, $after: String) {\n    searchTraces(experimentIds: $experimentIds, filter: $filter, first: 50, after: $after) {\n      edges {\n        node {\n          traceId\n          state\n          requestTime\n          executionDuration\n          requestPreview\n          responsePreview\n          tags {\n            key\n            value\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.UiSearchTracesDocument;
  '\n  query UiTrace($traceId: String!) {\n    trace(traceId: $traceId) {\n      traceId\n      experimentId\n      state\n      requestTime\n      executionDuration\n      metadata {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      spans {\n        spanId\n        parentSpanId\n        name\n        spanType\n        startTimeNs\n        endTimeNs\n        statusCode\n        statusMessage\n        inputs\n        outputs\n        attributes {\n          key\n          value\n        }\n        events {\n          name\n          timeNs\n          attributes {\n            key\n            value\n          }\n        }\n      }\n    }\n  }\n': typeof types.UiTraceDocument;
  '\n  fragment UiRunRow on Run {\n    runId\n    name\n    status\n    startTime\n    endTime\n    userId\n    lifecycleStage\n    lastSeq\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n    metricSummaries {\n      key\n      min\n      max\n      last {\n        value\n        step\n      }\n    }\n  }\n': typeof types.UiRunRowFragmentDoc;
  '\n  query UiSearchRuns(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    searchRuns(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      edges {\n        node {\n          ...UiRunRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n': typeof types.UiSearchRunsDocument;
  '\n  subscription UiExperimentRunEvents($experimentId: String!) {\n    runEvents(experimentId: $experimentId) {\n      kind\n      runId\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n    }\n  }\n': typeof types.UiExperimentRunEventsDocument;
  '\n  query UiRun($runId: String!) {\n    run(runId: $runId) {\n      ...UiRunRow\n      experimentId\n      artifactUri\n      experiment {\n        name\n      }\n      parent {\n        runId\n        name\n      }\n      children {\n        runId\n        name\n        status\n      }\n      inputs {\n        context\n        dataset {\n          name\n          digest\n          source\n          sourceType\n        }\n      }\n      outputs {\n        modelId\n        step\n        model {\n          name\n        }\n      }\n      modelInputs {\n        modelId\n        model {\n          name\n        }\n      }\n    }\n  }\n': typeof types.UiRunDocument;
  '\n  subscription UiRunEvents($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      status\n      endTime\n      name\n      seq\n    }\n  }\n': typeof types.UiRunEventsDocument;
  '\n  query UiRunArtifacts($runId: String!, $path: String!, $after: String) {\n    run(runId: $runId) {\n      artifacts(path: $path, first: 200, after: $after) {\n        edges {\n          node {\n            name\n            path\n            isDir\n            fileSize\n            totalSize\n            lastModified\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n': typeof types.UiRunArtifactsDocument;
  '\n  subscription UiLiveSeries(\n    $runIds: [String!]!\n    $key: String!\n    $buckets: Int!\n    $axis: SeriesAxis\n    $range: LiveSeriesRangeInput\n  ) {\n    liveSeries(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, range: $range) {\n      full\n      bucketCount\n      range {\n        start\n        end\n      }\n      runs {\n        runId\n        seq\n        buckets {\n          index\n          count\n          min\n          max\n          last {\n            step\n            timestamp\n            value\n          }\n        }\n      }\n    }\n  }\n': typeof types.UiLiveSeriesDocument;
  '\n  query UiCompareBuckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis) {\n    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis) {\n      bucketCount\n      start\n      end\n      runs {\n        runId\n        index\n        lastValue\n        min\n        max\n      }\n    }\n  }\n': typeof types.UiCompareBucketsDocument;
};
const documents: Documents = {
  '\n  fragment UiErrorFields on Error {\n    __typename\n    code\n    message\n  }\n':
    types.UiErrorFieldsFragmentDoc,
  '\n  query UiSearchExperiments($filter: String, $viewType: ViewType, $after: String) {\n    searchExperiments(filter: $filter, viewType: $viewType, first: 50, after: $after, orderBy: ["name ASC"]) {\n      edges {\n        node {\n          experimentId\n          name\n          lifecycleStage\n          creationTime\n          lastUpdateTime\n          artifactLocation\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.UiSearchExperimentsDocument,
  '\n  query UiExperimentHeader($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      experimentId\n      name\n      lifecycleStage\n      artifactLocation\n    }\n  }\n':
    types.UiExperimentHeaderDocument,
  '\n  mutation UiCreateExperiment($name: String!) {\n    createExperiment(input: { name: $name }) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          experimentId\n        }\n      }\n      ...UiErrorFields\n    }\n  }\n':
    types.UiCreateExperimentDocument,
  '\n  mutation UiRenameExperiment($experimentId: String!, $newName: String!) {\n    renameExperiment(input: { experimentId: $experimentId, newName: $newName }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n':
    types.UiRenameExperimentDocument,
  '\n  mutation UiDeleteExperiment($experimentId: String!) {\n    deleteExperiment(input: { experimentId: $experimentId }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n':
    types.UiDeleteExperimentDocument,
  '\n  mutation UiRestoreExperiment($experimentId: String!) {\n    restoreExperiment(input: { experimentId: $experimentId }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n':
    types.UiRestoreExperimentDocument,
  '\n  mutation UiCreateToken($name: String!) {\n    createApiToken(input: { name: $name }) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        created {\n          secret\n        }\n      }\n      ...UiErrorFields\n    }\n  }\n':
    types.UiCreateTokenDocument,
  '\n  query UiSearchModels($experimentIds: [String!]!, $filter: String, $after: String) {\n    searchLoggedModels(experimentIds: $experimentIds, filter: $filter, first: 50, after: $after) {\n      edges {\n        node {\n          modelId\n          name\n          status\n          modelType\n          creationTimestamp\n          sourceRunId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.UiSearchModelsDocument,
  '\n  query UiModel($modelId: String!) {\n    loggedModel(modelId: $modelId) {\n      modelId\n      name\n      status\n      modelType\n      modelUri\n      artifactUri\n      experimentId\n      creationTimestamp\n      sourceRun {\n        runId\n        name\n      }\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      metrics {\n        key\n        value\n        step\n        runId\n        dataset {\n          name\n          digest\n        }\n      }\n      traces(first: 50) {\n        edges {\n          node {\n            traceId\n            state\n            requestTime\n            executionDuration\n          }\n        }\n      }\n    }\n  }\n':
    types.UiModelDocument,
  '\n  query UiSearchTraces($experimentIds: [String!]!, $filter: String, $after: String) {\n    searchTraces(experimentIds: $experimentIds, filter: $filter, first: 50, after: $after) {\n      edges {\n        node {\n          traceId\n          state\n          requestTime\n          executionDuration\n          requestPreview\n          responsePreview\n          tags {\n            key\n            value\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.UiSearchTracesDocument,
  '\n  query UiTrace($traceId: String!) {\n    trace(traceId: $traceId) {\n      traceId\n      experimentId\n      state\n      requestTime\n      executionDuration\n      metadata {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      spans {\n        spanId\n        parentSpanId\n        name\n        spanType\n        startTimeNs\n        endTimeNs\n        statusCode\n        statusMessage\n        inputs\n        outputs\n        attributes {\n          key\n          value\n        }\n        events {\n          name\n          timeNs\n          attributes {\n            key\n            value\n          }\n        }\n      }\n    }\n  }\n':
    types.UiTraceDocument,
  '\n  fragment UiRunRow on Run {\n    runId\n    name\n    status\n    startTime\n    endTime\n    userId\n    lifecycleStage\n    lastSeq\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n    metricSummaries {\n      key\n      min\n      max\n      last {\n        value\n        step\n      }\n    }\n  }\n':
    types.UiRunRowFragmentDoc,
  '\n  query UiSearchRuns(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    searchRuns(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      edges {\n        node {\n          ...UiRunRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n':
    types.UiSearchRunsDocument,
  '\n  subscription UiExperimentRunEvents($experimentId: String!) {\n    runEvents(experimentId: $experimentId) {\n      kind\n      runId\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n    }\n  }\n':
    types.UiExperimentRunEventsDocument,
  '\n  query UiRun($runId: String!) {\n    run(runId: $runId) {\n      ...UiRunRow\n      experimentId\n      artifactUri\n      experiment {\n        name\n      }\n      parent {\n        runId\n        name\n      }\n      children {\n        runId\n        name\n        status\n      }\n      inputs {\n        context\n        dataset {\n          name\n          digest\n          source\n          sourceType\n        }\n      }\n      outputs {\n        modelId\n        step\n        model {\n          name\n        }\n      }\n      modelInputs {\n        modelId\n        model {\n          name\n        }\n      }\n    }\n  }\n':
    types.UiRunDocument,
  '\n  subscription UiRunEvents($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      status\n      endTime\n      name\n      seq\n    }\n  }\n':
    types.UiRunEventsDocument,
  '\n  query UiRunArtifacts($runId: String!, $path: String!, $after: String) {\n    run(runId: $runId) {\n      artifacts(path: $path, first: 200, after: $after) {\n        edges {\n          node {\n            name\n            path\n            isDir\n            fileSize\n            totalSize\n            lastModified\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n':
    types.UiRunArtifactsDocument,
  '\n  subscription UiLiveSeries(\n    $runIds: [String!]!\n    $key: String!\n    $buckets: Int!\n    $axis: SeriesAxis\n    $range: LiveSeriesRangeInput\n  ) {\n    liveSeries(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, range: $range) {\n      full\n      bucketCount\n      range {\n        start\n        end\n      }\n      runs {\n        runId\n        seq\n        buckets {\n          index\n          count\n          min\n          max\n          last {\n            step\n            timestamp\n            value\n          }\n        }\n      }\n    }\n  }\n':
    types.UiLiveSeriesDocument,
  '\n  query UiCompareBuckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis) {\n    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis) {\n      bucketCount\n      start\n      end\n      runs {\n        runId\n        index\n        lastValue\n        min\n        max\n      }\n    }\n  }\n':
    types.UiCompareBucketsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment UiErrorFields on Error {\n    __typename\n    code\n    message\n  }\n',
): (typeof documents)['\n  fragment UiErrorFields on Error {\n    __typename\n    code\n    message\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UiSearchExperiments($filter: String, $viewType: ViewType, $after: String) {\n    searchExperiments(filter: $filter, viewType: $viewType, first: 50, after: $after, orderBy: ["name ASC"]) {\n      edges {\n        node {\n          experimentId\n          name\n          lifecycleStage\n          creationTime\n          lastUpdateTime\n          artifactLocation\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UiSearchExperiments($filter: String, $viewType: ViewType, $after: String) {\n    searchExperiments(filter: $filter, viewType: $viewType, first: 50, after: $after, orderBy: ["name ASC"]) {\n      edges {\n        node {\n          experimentId\n          name\n          lifecycleStage\n          creationTime\n          lastUpdateTime\n          artifactLocation\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UiExperimentHeader($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      experimentId\n      name\n      lifecycleStage\n      artifactLocation\n    }\n  }\n',
): (typeof documents)['\n  query UiExperimentHeader($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      experimentId\n      name\n      lifecycleStage\n      artifactLocation\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UiCreateExperiment($name: String!) {\n    createExperiment(input: { name: $name }) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          experimentId\n        }\n      }\n      ...UiErrorFields\n    }\n  }\n',
): (typeof documents)['\n  mutation UiCreateExperiment($name: String!) {\n    createExperiment(input: { name: $name }) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          experimentId\n        }\n      }\n      ...UiErrorFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UiRenameExperiment($experimentId: String!, $newName: String!) {\n    renameExperiment(input: { experimentId: $experimentId, newName: $newName }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n',
): (typeof documents)['\n  mutation UiRenameExperiment($experimentId: String!, $newName: String!) {\n    renameExperiment(input: { experimentId: $experimentId, newName: $newName }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UiDeleteExperiment($experimentId: String!) {\n    deleteExperiment(input: { experimentId: $experimentId }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n',
): (typeof documents)['\n  mutation UiDeleteExperiment($experimentId: String!) {\n    deleteExperiment(input: { experimentId: $experimentId }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UiRestoreExperiment($experimentId: String!) {\n    restoreExperiment(input: { experimentId: $experimentId }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n',
): (typeof documents)['\n  mutation UiRestoreExperiment($experimentId: String!) {\n    restoreExperiment(input: { experimentId: $experimentId }) {\n      __typename\n      ...UiErrorFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UiCreateToken($name: String!) {\n    createApiToken(input: { name: $name }) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        created {\n          secret\n        }\n      }\n      ...UiErrorFields\n    }\n  }\n',
): (typeof documents)['\n  mutation UiCreateToken($name: String!) {\n    createApiToken(input: { name: $name }) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        created {\n          secret\n        }\n      }\n      ...UiErrorFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UiSearchModels($experimentIds: [String!]!, $filter: String, $after: String) {\n    searchLoggedModels(experimentIds: $experimentIds, filter: $filter, first: 50, after: $after) {\n      edges {\n        node {\n          modelId\n          name\n          status\n          modelType\n          creationTimestamp\n          sourceRunId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UiSearchModels($experimentIds: [String!]!, $filter: String, $after: String) {\n    searchLoggedModels(experimentIds: $experimentIds, filter: $filter, first: 50, after: $after) {\n      edges {\n        node {\n          modelId\n          name\n          status\n          modelType\n          creationTimestamp\n          sourceRunId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UiModel($modelId: String!) {\n    loggedModel(modelId: $modelId) {\n      modelId\n      name\n      status\n      modelType\n      modelUri\n      artifactUri\n      experimentId\n      creationTimestamp\n      sourceRun {\n        runId\n        name\n      }\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      metrics {\n        key\n        value\n        step\n        runId\n        dataset {\n          name\n          digest\n        }\n      }\n      traces(first: 50) {\n        edges {\n          node {\n            traceId\n            state\n            requestTime\n            executionDuration\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UiModel($modelId: String!) {\n    loggedModel(modelId: $modelId) {\n      modelId\n      name\n      status\n      modelType\n      modelUri\n      artifactUri\n      experimentId\n      creationTimestamp\n      sourceRun {\n        runId\n        name\n      }\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      metrics {\n        key\n        value\n        step\n        runId\n        dataset {\n          name\n          digest\n        }\n      }\n      traces(first: 50) {\n        edges {\n          node {\n            traceId\n            state\n            requestTime\n            executionDuration\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UiSearchTraces($experimentIds: [String!]!, $filter: String, $after: String) {\n    searchTraces(experimentIds: $experimentIds, filter: $filter, first: 50, after: $after) {\n      edges {\n        node {\n          traceId\n          state\n          requestTime\n          executionDuration\n          requestPreview\n          responsePreview\n          tags {\n            key\n            value\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UiSearchTraces($experimentIds: [String!]!, $filter: String, $after: String) {\n    searchTraces(experimentIds: $experimentIds, filter: $filter, first: 50, after: $after) {\n      edges {\n        node {\n          traceId\n          state\n          requestTime\n          executionDuration\n          requestPreview\n          responsePreview\n          tags {\n            key\n            value\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UiTrace($traceId: String!) {\n    trace(traceId: $traceId) {\n      traceId\n      experimentId\n      state\n      requestTime\n      executionDuration\n      metadata {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      spans {\n        spanId\n        parentSpanId\n        name\n        spanType\n        startTimeNs\n        endTimeNs\n        statusCode\n        statusMessage\n        inputs\n        outputs\n        attributes {\n          key\n          value\n        }\n        events {\n          name\n          timeNs\n          attributes {\n            key\n            value\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UiTrace($traceId: String!) {\n    trace(traceId: $traceId) {\n      traceId\n      experimentId\n      state\n      requestTime\n      executionDuration\n      metadata {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      spans {\n        spanId\n        parentSpanId\n        name\n        spanType\n        startTimeNs\n        endTimeNs\n        statusCode\n        statusMessage\n        inputs\n        outputs\n        attributes {\n          key\n          value\n        }\n        events {\n          name\n          timeNs\n          attributes {\n            key\n            value\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment UiRunRow on Run {\n    runId\n    name\n    status\n    startTime\n    endTime\n    userId\n    lifecycleStage\n    lastSeq\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n    metricSummaries {\n      key\n      min\n      max\n      last {\n        value\n        step\n      }\n    }\n  }\n',
): (typeof documents)['\n  fragment UiRunRow on Run {\n    runId\n    name\n    status\n    startTime\n    endTime\n    userId\n    lifecycleStage\n    lastSeq\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n    metricSummaries {\n      key\n      min\n      max\n      last {\n        value\n        step\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UiSearchRuns(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    searchRuns(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      edges {\n        node {\n          ...UiRunRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UiSearchRuns(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n  ) {\n    searchRuns(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      edges {\n        node {\n          ...UiRunRow\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription UiExperimentRunEvents($experimentId: String!) {\n    runEvents(experimentId: $experimentId) {\n      kind\n      runId\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription UiExperimentRunEvents($experimentId: String!) {\n    runEvents(experimentId: $experimentId) {\n      kind\n      runId\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UiRun($runId: String!) {\n    run(runId: $runId) {\n      ...UiRunRow\n      experimentId\n      artifactUri\n      experiment {\n        name\n      }\n      parent {\n        runId\n        name\n      }\n      children {\n        runId\n        name\n        status\n      }\n      inputs {\n        context\n        dataset {\n          name\n          digest\n          source\n          sourceType\n        }\n      }\n      outputs {\n        modelId\n        step\n        model {\n          name\n        }\n      }\n      modelInputs {\n        modelId\n        model {\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UiRun($runId: String!) {\n    run(runId: $runId) {\n      ...UiRunRow\n      experimentId\n      artifactUri\n      experiment {\n        name\n      }\n      parent {\n        runId\n        name\n      }\n      children {\n        runId\n        name\n        status\n      }\n      inputs {\n        context\n        dataset {\n          name\n          digest\n          source\n          sourceType\n        }\n      }\n      outputs {\n        modelId\n        step\n        model {\n          name\n        }\n      }\n      modelInputs {\n        modelId\n        model {\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription UiRunEvents($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      status\n      endTime\n      name\n      seq\n    }\n  }\n',
): (typeof documents)['\n  subscription UiRunEvents($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      status\n      endTime\n      name\n      seq\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UiRunArtifacts($runId: String!, $path: String!, $after: String) {\n    run(runId: $runId) {\n      artifacts(path: $path, first: 200, after: $after) {\n        edges {\n          node {\n            name\n            path\n            isDir\n            fileSize\n            totalSize\n            lastModified\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UiRunArtifacts($runId: String!, $path: String!, $after: String) {\n    run(runId: $runId) {\n      artifacts(path: $path, first: 200, after: $after) {\n        edges {\n          node {\n            name\n            path\n            isDir\n            fileSize\n            totalSize\n            lastModified\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  subscription UiLiveSeries(\n    $runIds: [String!]!\n    $key: String!\n    $buckets: Int!\n    $axis: SeriesAxis\n    $range: LiveSeriesRangeInput\n  ) {\n    liveSeries(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, range: $range) {\n      full\n      bucketCount\n      range {\n        start\n        end\n      }\n      runs {\n        runId\n        seq\n        buckets {\n          index\n          count\n          min\n          max\n          last {\n            step\n            timestamp\n            value\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  subscription UiLiveSeries(\n    $runIds: [String!]!\n    $key: String!\n    $buckets: Int!\n    $axis: SeriesAxis\n    $range: LiveSeriesRangeInput\n  ) {\n    liveSeries(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, range: $range) {\n      full\n      bucketCount\n      range {\n        start\n        end\n      }\n      runs {\n        runId\n        seq\n        buckets {\n          index\n          count\n          min\n          max\n          last {\n            step\n            timestamp\n            value\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UiCompareBuckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis) {\n    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis) {\n      bucketCount\n      start\n      end\n      runs {\n        runId\n        index\n        lastValue\n        min\n        max\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UiCompareBuckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis) {\n    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis) {\n      bucketCount\n      start\n      end\n      runs {\n        runId\n        index\n        lastValue\n        min\n        max\n      }\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
