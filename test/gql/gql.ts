/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  query ClientTestRunInputs($runId: String!) {\n    run(runId: $runId) { inputs { context dataset { name digest sourceType source schema profile } } }\n  }\n": typeof types.ClientTestRunInputsDocument,
    "\n  query FluentRunInputs($runId: String!) {\n    run(runId: $runId) {\n      inputs {\n        context\n        dataset {\n          name\n          digest\n        }\n      }\n    }\n  }\n": typeof types.FluentRunInputsDocument,
    "\n  fragment ErrorFields on Error {\n    __typename\n    code\n    message\n    ... on ValidationError {\n      field\n    }\n  }\n": typeof types.ErrorFieldsFragmentDoc,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          id\n          experimentId\n          name\n          artifactLocation\n          lifecycleStage\n          creationTime\n          lastUpdateTime\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.CreateExperimentDocument,
    "\n  query GetExperiment($experimentId: String!, $viewType: ViewType) {\n    experiment(experimentId: $experimentId) {\n      experimentId\n      name\n      lifecycleStage\n      lastUpdateTime\n      tags {\n        key\n        value\n      }\n      runs(first: 100, viewType: $viewType) {\n        edges {\n          node {\n            runId\n            lifecycleStage\n          }\n        }\n      }\n    }\n  }\n": typeof types.GetExperimentDocument,
    "\n  mutation CreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      __typename\n      ... on CreateRunSuccess {\n        run {\n          runId\n          experimentId\n          name\n          status\n          startTime\n          endTime\n          lifecycleStage\n          artifactUri\n          lastSeq\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.CreateRunDocument,
    "\n  mutation LogBatch($input: LogBatchInput!) {\n    logBatch(input: $input) {\n      __typename\n      ... on BatchAck {\n        runId\n        seq\n        replayed\n        metricsWritten\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.LogBatchDocument,
    "\n  query GetRun($runId: String!) {\n    run(runId: $runId) {\n      runId\n      name\n      status\n      endTime\n      lifecycleStage\n      lastSeq\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      latestMetrics {\n        key\n        value\n        step\n        timestamp\n      }\n      metricSummaries {\n        key\n        count\n        min\n        max\n        first {\n          step\n          value\n        }\n        last {\n          step\n          timestamp\n          value\n        }\n      }\n    }\n  }\n": typeof types.GetRunDocument,
    "\n  query MetricHistory($runId: String!, $key: String!, $first: Int, $after: String, $minStep: SafeInt, $maxStep: SafeInt) {\n    run(runId: $runId) {\n      metricHistory(key: $key, first: $first, after: $after, minStep: $minStep, maxStep: $maxStep) {\n        edges {\n          cursor\n          node {\n            step\n            timestamp\n            value\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MetricHistoryDocument,
    "\n  subscription MetricsLogged($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      replayed\n      committedAt\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n": typeof types.MetricsLoggedDocument,
    "\n  subscription RunEvents($experimentId: String, $runId: String) {\n    runEvents(experimentId: $experimentId, runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n": typeof types.RunEventsDocument,
    "\n  subscription LiveSeries(\n    $runIds: [String!]!\n    $key: String!\n    $buckets: Int!\n    $range: LiveSeriesRangeInput\n    $axis: SeriesAxis\n  ) {\n    liveSeries(runIds: $runIds, key: $key, buckets: $buckets, range: $range, axis: $axis) {\n      full\n      axis\n      bucketCount\n      range {\n        start\n        end\n      }\n      runs {\n        runId\n        seq\n        buckets {\n          index\n          xStart\n          xEnd\n          count\n          minStep\n          maxStep\n          min\n          max\n          last {\n            step\n            timestamp\n            value\n          }\n        }\n      }\n    }\n  }\n": typeof types.LiveSeriesDocument,
    "\n  mutation UpdateRunForEvents($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n    }\n  }\n": typeof types.UpdateRunForEventsDocument,
    "\n  mutation DeleteRunForEvents($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n    }\n  }\n": typeof types.DeleteRunForEventsDocument,
    "\n  mutation DeleteExperimentForEvents($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n    }\n  }\n": typeof types.DeleteExperimentForEventsDocument,
    "\n  mutation RestoreExperimentForEvents($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n    }\n  }\n": typeof types.RestoreExperimentForEventsDocument,
    "\n  query Buckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis, $start: SafeInt, $end: SafeInt) {\n    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, start: $start, end: $end) {\n      axis start end bucketCount\n      runs {\n        runId index xStart xEnd count minStep maxStep min max lastStep lastTimestamp lastValue\n      }\n    }\n  }\n": typeof types.BucketsDocument,
    "\n  query Series($runId: String!, $key: String!, $minStep: SafeInt, $maxStep: SafeInt) {\n    run(runId: $runId) {\n      metricSeries(key: $key, minStep: $minStep, maxStep: $maxStep) { key steps timestamps values }\n      metricBuckets(key: $key, buckets: 7) { start end runs { count } }\n    }\n  }\n": typeof types.SeriesDocument,
    "\n  query PropertySearch($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $first: Int) {\n    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, first: $first) {\n      edges { node { runId } }\n    }\n  }\n": typeof types.PropertySearchDocument,
    "\n  query ExperimentRunsFiltered($experimentId: String!, $filter: String, $orderBy: [String!]) {\n    experiment(experimentId: $experimentId) {\n      runs(filter: $filter, orderBy: $orderBy, first: 10) { edges { node { name } } }\n    }\n  }\n": typeof types.ExperimentRunsFilteredDocument,
    "\n  query SearchExperiments($filter: String, $orderBy: [String!], $viewType: ViewType, $first: Int, $after: String) {\n    searchExperiments(filter: $filter, orderBy: $orderBy, viewType: $viewType, first: $first, after: $after) {\n      edges { node { name experimentId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SearchExperimentsDocument,
    "\n  query SearchRuns($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $runViewType: ViewType, $first: Int, $after: String) {\n    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, runViewType: $runViewType, first: $first, after: $after) {\n      edges { cursor node { runId name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SearchRunsDocument,
    "\n  query ListS3Artifacts($runId: String!, $path: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path) { edges { node { path isDir fileSize sha256 } } }\n    }\n  }\n": typeof types.ListS3ArtifactsDocument,
    "\n  query ListArtifacts($runId: String!, $path: String, $first: Int, $after: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path, first: $first, after: $after) {\n        edges { node { path name isDir fileSize totalSize sha256 } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ListArtifactsDocument,
    "\n  mutation LogInputsForBatching($input: LogInputsInput!) {\n    logInputs(input: $input) { __typename }\n  }\n": typeof types.LogInputsForBatchingDocument,
    "\n  query RunsPage($experimentId: String!, $first: Int) {\n    experiment(experimentId: $experimentId) {\n      name\n      tags { key }\n      runs(first: $first) {\n        edges {\n          node {\n            runId\n            params { key value }\n            tags { key value }\n            latestMetrics { key value step }\n            metricSummaries { key count }\n            children { runId }\n            parent { runId }\n            experiment { experimentId }\n            inputs { context dataset { name digest } tags { key value } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RunsPageDocument,
    "\n  mutation LogInputsForFilter($input: LogInputsInput!) {\n    logInputs(input: $input) { __typename }\n  }\n": typeof types.LogInputsForFilterDocument,
    "\n  mutation LogInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on LogInputsSuccess {\n        run { inputs { context tags { key value } dataset { name digest sourceType source schema profile } } }\n      }\n      ...ErrorFields\n    }\n  }\n": typeof types.LogInputsDocument,
    "\n  query ExperimentDatasets($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      datasets { experimentId name digest context }\n    }\n  }\n": typeof types.ExperimentDatasetsDocument,
    "\n  mutation RenameExperiment($input: RenameExperimentInput!) {\n    renameExperiment(input: $input) {\n      __typename\n      ... on RenameExperimentSuccess { experiment { name lastUpdateTime } }\n      ...ErrorFields\n    }\n  }\n": typeof types.RenameExperimentDocument,
    "\n  mutation DeleteExperiment($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n      ... on DeleteExperimentSuccess { experiment { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n": typeof types.DeleteExperimentDocument,
    "\n  mutation RestoreExperiment($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n      ... on RestoreExperimentSuccess { experiment { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n": typeof types.RestoreExperimentDocument,
    "\n  mutation SetExperimentTag($input: SetExperimentTagInput!) {\n    setExperimentTag(input: $input) {\n      __typename\n      ... on SetExperimentTagSuccess { experiment { tags { key value } } }\n      ...ErrorFields\n    }\n  }\n": typeof types.SetExperimentTagDocument,
    "\n  mutation DeleteExperimentTag($input: DeleteExperimentTagInput!) {\n    deleteExperimentTag(input: $input) {\n      __typename\n      ... on DeleteExperimentTagSuccess { experiment { tags { key } } }\n      ...ErrorFields\n    }\n  }\n": typeof types.DeleteExperimentTagDocument,
    "\n  query ExperimentByName($name: String!) {\n    experimentByName(name: $name) { experimentId name }\n  }\n": typeof types.ExperimentByNameDocument,
    "\n  query ListExperiments($first: Int, $after: String, $viewType: ViewType) {\n    experiments(first: $first, after: $after, viewType: $viewType) {\n      edges { node { experimentId name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ListExperimentsDocument,
    "\n  mutation LogMetric($input: LogMetricInput!) {\n    logMetric(input: $input) {\n      __typename\n      ... on BatchAck { seq }\n      ...ErrorFields\n    }\n  }\n": typeof types.LogMetricDocument,
    "\n  mutation LogParam($input: LogParamInput!) {\n    logParam(input: $input) {\n      __typename\n      ... on BatchAck { seq }\n      ...ErrorFields\n    }\n  }\n": typeof types.LogParamDocument,
    "\n  mutation SetRunTag($input: SetRunTagInput!) {\n    setRunTag(input: $input) {\n      __typename\n      ... on BatchAck { seq run { tags { key value } } }\n      ...ErrorFields\n    }\n  }\n": typeof types.SetRunTagDocument,
    "\n  mutation UpdateRun($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n      ... on UpdateRunSuccess { run { name status endTime tags { key value } } }\n      ...ErrorFields\n    }\n  }\n": typeof types.UpdateRunDocument,
    "\n  mutation DeleteRun($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n      ... on DeleteRunSuccess { run { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n": typeof types.DeleteRunDocument,
    "\n  mutation RestoreRun($input: RestoreRunInput!) {\n    restoreRun(input: $input) {\n      __typename\n      ... on RestoreRunSuccess { run { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n": typeof types.RestoreRunDocument,
    "\n  mutation DeleteRunTag($input: DeleteRunTagInput!) {\n    deleteRunTag(input: $input) {\n      __typename\n      ... on DeleteRunTagSuccess { run { tags { key } } }\n      ...ErrorFields\n    }\n  }\n": typeof types.DeleteRunTagDocument,
    "\n  query RunFamily($runId: String!) {\n    run(runId: $runId) {\n      runId\n      experiment { experimentId }\n      parent { runId }\n      children { runId name }\n    }\n  }\n": typeof types.RunFamilyDocument,
    "\n  query ExperimentRuns($experimentId: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    experiment(experimentId: $experimentId) {\n      runs(first: $first, after: $after, last: $last, before: $before) {\n        edges { node { runId startTime } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.ExperimentRunsDocument,
    "\n  subscription SeqOnly($runId: String!, $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, afterSeq: $afterSeq) {\n      seq\n    }\n  }\n": typeof types.SeqOnlyDocument,
};
const documents: Documents = {
    "\n  query ClientTestRunInputs($runId: String!) {\n    run(runId: $runId) { inputs { context dataset { name digest sourceType source schema profile } } }\n  }\n": types.ClientTestRunInputsDocument,
    "\n  query FluentRunInputs($runId: String!) {\n    run(runId: $runId) {\n      inputs {\n        context\n        dataset {\n          name\n          digest\n        }\n      }\n    }\n  }\n": types.FluentRunInputsDocument,
    "\n  fragment ErrorFields on Error {\n    __typename\n    code\n    message\n    ... on ValidationError {\n      field\n    }\n  }\n": types.ErrorFieldsFragmentDoc,
    "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          id\n          experimentId\n          name\n          artifactLocation\n          lifecycleStage\n          creationTime\n          lastUpdateTime\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.CreateExperimentDocument,
    "\n  query GetExperiment($experimentId: String!, $viewType: ViewType) {\n    experiment(experimentId: $experimentId) {\n      experimentId\n      name\n      lifecycleStage\n      lastUpdateTime\n      tags {\n        key\n        value\n      }\n      runs(first: 100, viewType: $viewType) {\n        edges {\n          node {\n            runId\n            lifecycleStage\n          }\n        }\n      }\n    }\n  }\n": types.GetExperimentDocument,
    "\n  mutation CreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      __typename\n      ... on CreateRunSuccess {\n        run {\n          runId\n          experimentId\n          name\n          status\n          startTime\n          endTime\n          lifecycleStage\n          artifactUri\n          lastSeq\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n": types.CreateRunDocument,
    "\n  mutation LogBatch($input: LogBatchInput!) {\n    logBatch(input: $input) {\n      __typename\n      ... on BatchAck {\n        runId\n        seq\n        replayed\n        metricsWritten\n      }\n      ...ErrorFields\n    }\n  }\n": types.LogBatchDocument,
    "\n  query GetRun($runId: String!) {\n    run(runId: $runId) {\n      runId\n      name\n      status\n      endTime\n      lifecycleStage\n      lastSeq\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      latestMetrics {\n        key\n        value\n        step\n        timestamp\n      }\n      metricSummaries {\n        key\n        count\n        min\n        max\n        first {\n          step\n          value\n        }\n        last {\n          step\n          timestamp\n          value\n        }\n      }\n    }\n  }\n": types.GetRunDocument,
    "\n  query MetricHistory($runId: String!, $key: String!, $first: Int, $after: String, $minStep: SafeInt, $maxStep: SafeInt) {\n    run(runId: $runId) {\n      metricHistory(key: $key, first: $first, after: $after, minStep: $minStep, maxStep: $maxStep) {\n        edges {\n          cursor\n          node {\n            step\n            timestamp\n            value\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MetricHistoryDocument,
    "\n  subscription MetricsLogged($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      replayed\n      committedAt\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n": types.MetricsLoggedDocument,
    "\n  subscription RunEvents($experimentId: String, $runId: String) {\n    runEvents(experimentId: $experimentId, runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n": types.RunEventsDocument,
    "\n  subscription LiveSeries(\n    $runIds: [String!]!\n    $key: String!\n    $buckets: Int!\n    $range: LiveSeriesRangeInput\n    $axis: SeriesAxis\n  ) {\n    liveSeries(runIds: $runIds, key: $key, buckets: $buckets, range: $range, axis: $axis) {\n      full\n      axis\n      bucketCount\n      range {\n        start\n        end\n      }\n      runs {\n        runId\n        seq\n        buckets {\n          index\n          xStart\n          xEnd\n          count\n          minStep\n          maxStep\n          min\n          max\n          last {\n            step\n            timestamp\n            value\n          }\n        }\n      }\n    }\n  }\n": types.LiveSeriesDocument,
    "\n  mutation UpdateRunForEvents($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n    }\n  }\n": types.UpdateRunForEventsDocument,
    "\n  mutation DeleteRunForEvents($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n    }\n  }\n": types.DeleteRunForEventsDocument,
    "\n  mutation DeleteExperimentForEvents($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n    }\n  }\n": types.DeleteExperimentForEventsDocument,
    "\n  mutation RestoreExperimentForEvents($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n    }\n  }\n": types.RestoreExperimentForEventsDocument,
    "\n  query Buckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis, $start: SafeInt, $end: SafeInt) {\n    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, start: $start, end: $end) {\n      axis start end bucketCount\n      runs {\n        runId index xStart xEnd count minStep maxStep min max lastStep lastTimestamp lastValue\n      }\n    }\n  }\n": types.BucketsDocument,
    "\n  query Series($runId: String!, $key: String!, $minStep: SafeInt, $maxStep: SafeInt) {\n    run(runId: $runId) {\n      metricSeries(key: $key, minStep: $minStep, maxStep: $maxStep) { key steps timestamps values }\n      metricBuckets(key: $key, buckets: 7) { start end runs { count } }\n    }\n  }\n": types.SeriesDocument,
    "\n  query PropertySearch($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $first: Int) {\n    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, first: $first) {\n      edges { node { runId } }\n    }\n  }\n": types.PropertySearchDocument,
    "\n  query ExperimentRunsFiltered($experimentId: String!, $filter: String, $orderBy: [String!]) {\n    experiment(experimentId: $experimentId) {\n      runs(filter: $filter, orderBy: $orderBy, first: 10) { edges { node { name } } }\n    }\n  }\n": types.ExperimentRunsFilteredDocument,
    "\n  query SearchExperiments($filter: String, $orderBy: [String!], $viewType: ViewType, $first: Int, $after: String) {\n    searchExperiments(filter: $filter, orderBy: $orderBy, viewType: $viewType, first: $first, after: $after) {\n      edges { node { name experimentId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SearchExperimentsDocument,
    "\n  query SearchRuns($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $runViewType: ViewType, $first: Int, $after: String) {\n    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, runViewType: $runViewType, first: $first, after: $after) {\n      edges { cursor node { runId name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SearchRunsDocument,
    "\n  query ListS3Artifacts($runId: String!, $path: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path) { edges { node { path isDir fileSize sha256 } } }\n    }\n  }\n": types.ListS3ArtifactsDocument,
    "\n  query ListArtifacts($runId: String!, $path: String, $first: Int, $after: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path, first: $first, after: $after) {\n        edges { node { path name isDir fileSize totalSize sha256 } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ListArtifactsDocument,
    "\n  mutation LogInputsForBatching($input: LogInputsInput!) {\n    logInputs(input: $input) { __typename }\n  }\n": types.LogInputsForBatchingDocument,
    "\n  query RunsPage($experimentId: String!, $first: Int) {\n    experiment(experimentId: $experimentId) {\n      name\n      tags { key }\n      runs(first: $first) {\n        edges {\n          node {\n            runId\n            params { key value }\n            tags { key value }\n            latestMetrics { key value step }\n            metricSummaries { key count }\n            children { runId }\n            parent { runId }\n            experiment { experimentId }\n            inputs { context dataset { name digest } tags { key value } }\n          }\n        }\n      }\n    }\n  }\n": types.RunsPageDocument,
    "\n  mutation LogInputsForFilter($input: LogInputsInput!) {\n    logInputs(input: $input) { __typename }\n  }\n": types.LogInputsForFilterDocument,
    "\n  mutation LogInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on LogInputsSuccess {\n        run { inputs { context tags { key value } dataset { name digest sourceType source schema profile } } }\n      }\n      ...ErrorFields\n    }\n  }\n": types.LogInputsDocument,
    "\n  query ExperimentDatasets($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      datasets { experimentId name digest context }\n    }\n  }\n": types.ExperimentDatasetsDocument,
    "\n  mutation RenameExperiment($input: RenameExperimentInput!) {\n    renameExperiment(input: $input) {\n      __typename\n      ... on RenameExperimentSuccess { experiment { name lastUpdateTime } }\n      ...ErrorFields\n    }\n  }\n": types.RenameExperimentDocument,
    "\n  mutation DeleteExperiment($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n      ... on DeleteExperimentSuccess { experiment { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n": types.DeleteExperimentDocument,
    "\n  mutation RestoreExperiment($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n      ... on RestoreExperimentSuccess { experiment { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n": types.RestoreExperimentDocument,
    "\n  mutation SetExperimentTag($input: SetExperimentTagInput!) {\n    setExperimentTag(input: $input) {\n      __typename\n      ... on SetExperimentTagSuccess { experiment { tags { key value } } }\n      ...ErrorFields\n    }\n  }\n": types.SetExperimentTagDocument,
    "\n  mutation DeleteExperimentTag($input: DeleteExperimentTagInput!) {\n    deleteExperimentTag(input: $input) {\n      __typename\n      ... on DeleteExperimentTagSuccess { experiment { tags { key } } }\n      ...ErrorFields\n    }\n  }\n": types.DeleteExperimentTagDocument,
    "\n  query ExperimentByName($name: String!) {\n    experimentByName(name: $name) { experimentId name }\n  }\n": types.ExperimentByNameDocument,
    "\n  query ListExperiments($first: Int, $after: String, $viewType: ViewType) {\n    experiments(first: $first, after: $after, viewType: $viewType) {\n      edges { node { experimentId name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ListExperimentsDocument,
    "\n  mutation LogMetric($input: LogMetricInput!) {\n    logMetric(input: $input) {\n      __typename\n      ... on BatchAck { seq }\n      ...ErrorFields\n    }\n  }\n": types.LogMetricDocument,
    "\n  mutation LogParam($input: LogParamInput!) {\n    logParam(input: $input) {\n      __typename\n      ... on BatchAck { seq }\n      ...ErrorFields\n    }\n  }\n": types.LogParamDocument,
    "\n  mutation SetRunTag($input: SetRunTagInput!) {\n    setRunTag(input: $input) {\n      __typename\n      ... on BatchAck { seq run { tags { key value } } }\n      ...ErrorFields\n    }\n  }\n": types.SetRunTagDocument,
    "\n  mutation UpdateRun($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n      ... on UpdateRunSuccess { run { name status endTime tags { key value } } }\n      ...ErrorFields\n    }\n  }\n": types.UpdateRunDocument,
    "\n  mutation DeleteRun($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n      ... on DeleteRunSuccess { run { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n": types.DeleteRunDocument,
    "\n  mutation RestoreRun($input: RestoreRunInput!) {\n    restoreRun(input: $input) {\n      __typename\n      ... on RestoreRunSuccess { run { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n": types.RestoreRunDocument,
    "\n  mutation DeleteRunTag($input: DeleteRunTagInput!) {\n    deleteRunTag(input: $input) {\n      __typename\n      ... on DeleteRunTagSuccess { run { tags { key } } }\n      ...ErrorFields\n    }\n  }\n": types.DeleteRunTagDocument,
    "\n  query RunFamily($runId: String!) {\n    run(runId: $runId) {\n      runId\n      experiment { experimentId }\n      parent { runId }\n      children { runId name }\n    }\n  }\n": types.RunFamilyDocument,
    "\n  query ExperimentRuns($experimentId: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    experiment(experimentId: $experimentId) {\n      runs(first: $first, after: $after, last: $last, before: $before) {\n        edges { node { runId startTime } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.ExperimentRunsDocument,
    "\n  subscription SeqOnly($runId: String!, $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, afterSeq: $afterSeq) {\n      seq\n    }\n  }\n": types.SeqOnlyDocument,
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
export function graphql(source: "\n  query ClientTestRunInputs($runId: String!) {\n    run(runId: $runId) { inputs { context dataset { name digest sourceType source schema profile } } }\n  }\n"): (typeof documents)["\n  query ClientTestRunInputs($runId: String!) {\n    run(runId: $runId) { inputs { context dataset { name digest sourceType source schema profile } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FluentRunInputs($runId: String!) {\n    run(runId: $runId) {\n      inputs {\n        context\n        dataset {\n          name\n          digest\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FluentRunInputs($runId: String!) {\n    run(runId: $runId) {\n      inputs {\n        context\n        dataset {\n          name\n          digest\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ErrorFields on Error {\n    __typename\n    code\n    message\n    ... on ValidationError {\n      field\n    }\n  }\n"): (typeof documents)["\n  fragment ErrorFields on Error {\n    __typename\n    code\n    message\n    ... on ValidationError {\n      field\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          id\n          experimentId\n          name\n          artifactLocation\n          lifecycleStage\n          creationTime\n          lastUpdateTime\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          id\n          experimentId\n          name\n          artifactLocation\n          lifecycleStage\n          creationTime\n          lastUpdateTime\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetExperiment($experimentId: String!, $viewType: ViewType) {\n    experiment(experimentId: $experimentId) {\n      experimentId\n      name\n      lifecycleStage\n      lastUpdateTime\n      tags {\n        key\n        value\n      }\n      runs(first: 100, viewType: $viewType) {\n        edges {\n          node {\n            runId\n            lifecycleStage\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetExperiment($experimentId: String!, $viewType: ViewType) {\n    experiment(experimentId: $experimentId) {\n      experimentId\n      name\n      lifecycleStage\n      lastUpdateTime\n      tags {\n        key\n        value\n      }\n      runs(first: 100, viewType: $viewType) {\n        edges {\n          node {\n            runId\n            lifecycleStage\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      __typename\n      ... on CreateRunSuccess {\n        run {\n          runId\n          experimentId\n          name\n          status\n          startTime\n          endTime\n          lifecycleStage\n          artifactUri\n          lastSeq\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      __typename\n      ... on CreateRunSuccess {\n        run {\n          runId\n          experimentId\n          name\n          status\n          startTime\n          endTime\n          lifecycleStage\n          artifactUri\n          lastSeq\n          tags {\n            key\n            value\n          }\n        }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogBatch($input: LogBatchInput!) {\n    logBatch(input: $input) {\n      __typename\n      ... on BatchAck {\n        runId\n        seq\n        replayed\n        metricsWritten\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation LogBatch($input: LogBatchInput!) {\n    logBatch(input: $input) {\n      __typename\n      ... on BatchAck {\n        runId\n        seq\n        replayed\n        metricsWritten\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetRun($runId: String!) {\n    run(runId: $runId) {\n      runId\n      name\n      status\n      endTime\n      lifecycleStage\n      lastSeq\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      latestMetrics {\n        key\n        value\n        step\n        timestamp\n      }\n      metricSummaries {\n        key\n        count\n        min\n        max\n        first {\n          step\n          value\n        }\n        last {\n          step\n          timestamp\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetRun($runId: String!) {\n    run(runId: $runId) {\n      runId\n      name\n      status\n      endTime\n      lifecycleStage\n      lastSeq\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      latestMetrics {\n        key\n        value\n        step\n        timestamp\n      }\n      metricSummaries {\n        key\n        count\n        min\n        max\n        first {\n          step\n          value\n        }\n        last {\n          step\n          timestamp\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricHistory($runId: String!, $key: String!, $first: Int, $after: String, $minStep: SafeInt, $maxStep: SafeInt) {\n    run(runId: $runId) {\n      metricHistory(key: $key, first: $first, after: $after, minStep: $minStep, maxStep: $maxStep) {\n        edges {\n          cursor\n          node {\n            step\n            timestamp\n            value\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MetricHistory($runId: String!, $key: String!, $first: Int, $after: String, $minStep: SafeInt, $maxStep: SafeInt) {\n    run(runId: $runId) {\n      metricHistory(key: $key, first: $first, after: $after, minStep: $minStep, maxStep: $maxStep) {\n        edges {\n          cursor\n          node {\n            step\n            timestamp\n            value\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsLogged($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      replayed\n      committedAt\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MetricsLogged($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      replayed\n      committedAt\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunEvents($experimentId: String, $runId: String) {\n    runEvents(experimentId: $experimentId, runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n"): (typeof documents)["\n  subscription RunEvents($experimentId: String, $runId: String) {\n    runEvents(experimentId: $experimentId, runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveSeries(\n    $runIds: [String!]!\n    $key: String!\n    $buckets: Int!\n    $range: LiveSeriesRangeInput\n    $axis: SeriesAxis\n  ) {\n    liveSeries(runIds: $runIds, key: $key, buckets: $buckets, range: $range, axis: $axis) {\n      full\n      axis\n      bucketCount\n      range {\n        start\n        end\n      }\n      runs {\n        runId\n        seq\n        buckets {\n          index\n          xStart\n          xEnd\n          count\n          minStep\n          maxStep\n          min\n          max\n          last {\n            step\n            timestamp\n            value\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveSeries(\n    $runIds: [String!]!\n    $key: String!\n    $buckets: Int!\n    $range: LiveSeriesRangeInput\n    $axis: SeriesAxis\n  ) {\n    liveSeries(runIds: $runIds, key: $key, buckets: $buckets, range: $range, axis: $axis) {\n      full\n      axis\n      bucketCount\n      range {\n        start\n        end\n      }\n      runs {\n        runId\n        seq\n        buckets {\n          index\n          xStart\n          xEnd\n          count\n          minStep\n          maxStep\n          min\n          max\n          last {\n            step\n            timestamp\n            value\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRunForEvents($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRunForEvents($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRunForEvents($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRunForEvents($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteExperimentForEvents($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteExperimentForEvents($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreExperimentForEvents($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreExperimentForEvents($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Buckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis, $start: SafeInt, $end: SafeInt) {\n    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, start: $start, end: $end) {\n      axis start end bucketCount\n      runs {\n        runId index xStart xEnd count minStep maxStep min max lastStep lastTimestamp lastValue\n      }\n    }\n  }\n"): (typeof documents)["\n  query Buckets($runIds: [String!]!, $key: String!, $buckets: Int!, $axis: SeriesAxis, $start: SafeInt, $end: SafeInt) {\n    metricBuckets(runIds: $runIds, key: $key, buckets: $buckets, axis: $axis, start: $start, end: $end) {\n      axis start end bucketCount\n      runs {\n        runId index xStart xEnd count minStep maxStep min max lastStep lastTimestamp lastValue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Series($runId: String!, $key: String!, $minStep: SafeInt, $maxStep: SafeInt) {\n    run(runId: $runId) {\n      metricSeries(key: $key, minStep: $minStep, maxStep: $maxStep) { key steps timestamps values }\n      metricBuckets(key: $key, buckets: 7) { start end runs { count } }\n    }\n  }\n"): (typeof documents)["\n  query Series($runId: String!, $key: String!, $minStep: SafeInt, $maxStep: SafeInt) {\n    run(runId: $runId) {\n      metricSeries(key: $key, minStep: $minStep, maxStep: $maxStep) { key steps timestamps values }\n      metricBuckets(key: $key, buckets: 7) { start end runs { count } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropertySearch($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $first: Int) {\n    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, first: $first) {\n      edges { node { runId } }\n    }\n  }\n"): (typeof documents)["\n  query PropertySearch($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $first: Int) {\n    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, first: $first) {\n      edges { node { runId } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentRunsFiltered($experimentId: String!, $filter: String, $orderBy: [String!]) {\n    experiment(experimentId: $experimentId) {\n      runs(filter: $filter, orderBy: $orderBy, first: 10) { edges { node { name } } }\n    }\n  }\n"): (typeof documents)["\n  query ExperimentRunsFiltered($experimentId: String!, $filter: String, $orderBy: [String!]) {\n    experiment(experimentId: $experimentId) {\n      runs(filter: $filter, orderBy: $orderBy, first: 10) { edges { node { name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchExperiments($filter: String, $orderBy: [String!], $viewType: ViewType, $first: Int, $after: String) {\n    searchExperiments(filter: $filter, orderBy: $orderBy, viewType: $viewType, first: $first, after: $after) {\n      edges { node { name experimentId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SearchExperiments($filter: String, $orderBy: [String!], $viewType: ViewType, $first: Int, $after: String) {\n    searchExperiments(filter: $filter, orderBy: $orderBy, viewType: $viewType, first: $first, after: $after) {\n      edges { node { name experimentId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchRuns($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $runViewType: ViewType, $first: Int, $after: String) {\n    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, runViewType: $runViewType, first: $first, after: $after) {\n      edges { cursor node { runId name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SearchRuns($experimentIds: [String!]!, $filter: String, $orderBy: [String!], $runViewType: ViewType, $first: Int, $after: String) {\n    searchRuns(experimentIds: $experimentIds, filter: $filter, orderBy: $orderBy, runViewType: $runViewType, first: $first, after: $after) {\n      edges { cursor node { runId name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListS3Artifacts($runId: String!, $path: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path) { edges { node { path isDir fileSize sha256 } } }\n    }\n  }\n"): (typeof documents)["\n  query ListS3Artifacts($runId: String!, $path: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path) { edges { node { path isDir fileSize sha256 } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListArtifacts($runId: String!, $path: String, $first: Int, $after: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path, first: $first, after: $after) {\n        edges { node { path name isDir fileSize totalSize sha256 } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListArtifacts($runId: String!, $path: String, $first: Int, $after: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path, first: $first, after: $after) {\n        edges { node { path name isDir fileSize totalSize sha256 } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogInputsForBatching($input: LogInputsInput!) {\n    logInputs(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation LogInputsForBatching($input: LogInputsInput!) {\n    logInputs(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunsPage($experimentId: String!, $first: Int) {\n    experiment(experimentId: $experimentId) {\n      name\n      tags { key }\n      runs(first: $first) {\n        edges {\n          node {\n            runId\n            params { key value }\n            tags { key value }\n            latestMetrics { key value step }\n            metricSummaries { key count }\n            children { runId }\n            parent { runId }\n            experiment { experimentId }\n            inputs { context dataset { name digest } tags { key value } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunsPage($experimentId: String!, $first: Int) {\n    experiment(experimentId: $experimentId) {\n      name\n      tags { key }\n      runs(first: $first) {\n        edges {\n          node {\n            runId\n            params { key value }\n            tags { key value }\n            latestMetrics { key value step }\n            metricSummaries { key count }\n            children { runId }\n            parent { runId }\n            experiment { experimentId }\n            inputs { context dataset { name digest } tags { key value } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogInputsForFilter($input: LogInputsInput!) {\n    logInputs(input: $input) { __typename }\n  }\n"): (typeof documents)["\n  mutation LogInputsForFilter($input: LogInputsInput!) {\n    logInputs(input: $input) { __typename }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on LogInputsSuccess {\n        run { inputs { context tags { key value } dataset { name digest sourceType source schema profile } } }\n      }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation LogInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on LogInputsSuccess {\n        run { inputs { context tags { key value } dataset { name digest sourceType source schema profile } } }\n      }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentDatasets($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      datasets { experimentId name digest context }\n    }\n  }\n"): (typeof documents)["\n  query ExperimentDatasets($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      datasets { experimentId name digest context }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameExperiment($input: RenameExperimentInput!) {\n    renameExperiment(input: $input) {\n      __typename\n      ... on RenameExperimentSuccess { experiment { name lastUpdateTime } }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation RenameExperiment($input: RenameExperimentInput!) {\n    renameExperiment(input: $input) {\n      __typename\n      ... on RenameExperimentSuccess { experiment { name lastUpdateTime } }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteExperiment($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n      ... on DeleteExperimentSuccess { experiment { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteExperiment($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n      ... on DeleteExperimentSuccess { experiment { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreExperiment($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n      ... on RestoreExperimentSuccess { experiment { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreExperiment($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n      ... on RestoreExperimentSuccess { experiment { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetExperimentTag($input: SetExperimentTagInput!) {\n    setExperimentTag(input: $input) {\n      __typename\n      ... on SetExperimentTagSuccess { experiment { tags { key value } } }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetExperimentTag($input: SetExperimentTagInput!) {\n    setExperimentTag(input: $input) {\n      __typename\n      ... on SetExperimentTagSuccess { experiment { tags { key value } } }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteExperimentTag($input: DeleteExperimentTagInput!) {\n    deleteExperimentTag(input: $input) {\n      __typename\n      ... on DeleteExperimentTagSuccess { experiment { tags { key } } }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteExperimentTag($input: DeleteExperimentTagInput!) {\n    deleteExperimentTag(input: $input) {\n      __typename\n      ... on DeleteExperimentTagSuccess { experiment { tags { key } } }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentByName($name: String!) {\n    experimentByName(name: $name) { experimentId name }\n  }\n"): (typeof documents)["\n  query ExperimentByName($name: String!) {\n    experimentByName(name: $name) { experimentId name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListExperiments($first: Int, $after: String, $viewType: ViewType) {\n    experiments(first: $first, after: $after, viewType: $viewType) {\n      edges { node { experimentId name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ListExperiments($first: Int, $after: String, $viewType: ViewType) {\n    experiments(first: $first, after: $after, viewType: $viewType) {\n      edges { node { experimentId name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogMetric($input: LogMetricInput!) {\n    logMetric(input: $input) {\n      __typename\n      ... on BatchAck { seq }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation LogMetric($input: LogMetricInput!) {\n    logMetric(input: $input) {\n      __typename\n      ... on BatchAck { seq }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogParam($input: LogParamInput!) {\n    logParam(input: $input) {\n      __typename\n      ... on BatchAck { seq }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation LogParam($input: LogParamInput!) {\n    logParam(input: $input) {\n      __typename\n      ... on BatchAck { seq }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRunTag($input: SetRunTagInput!) {\n    setRunTag(input: $input) {\n      __typename\n      ... on BatchAck { seq run { tags { key value } } }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetRunTag($input: SetRunTagInput!) {\n    setRunTag(input: $input) {\n      __typename\n      ... on BatchAck { seq run { tags { key value } } }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRun($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n      ... on UpdateRunSuccess { run { name status endTime tags { key value } } }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRun($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n      ... on UpdateRunSuccess { run { name status endTime tags { key value } } }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRun($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n      ... on DeleteRunSuccess { run { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRun($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n      ... on DeleteRunSuccess { run { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreRun($input: RestoreRunInput!) {\n    restoreRun(input: $input) {\n      __typename\n      ... on RestoreRunSuccess { run { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreRun($input: RestoreRunInput!) {\n    restoreRun(input: $input) {\n      __typename\n      ... on RestoreRunSuccess { run { lifecycleStage } }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRunTag($input: DeleteRunTagInput!) {\n    deleteRunTag(input: $input) {\n      __typename\n      ... on DeleteRunTagSuccess { run { tags { key } } }\n      ...ErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRunTag($input: DeleteRunTagInput!) {\n    deleteRunTag(input: $input) {\n      __typename\n      ... on DeleteRunTagSuccess { run { tags { key } } }\n      ...ErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunFamily($runId: String!) {\n    run(runId: $runId) {\n      runId\n      experiment { experimentId }\n      parent { runId }\n      children { runId name }\n    }\n  }\n"): (typeof documents)["\n  query RunFamily($runId: String!) {\n    run(runId: $runId) {\n      runId\n      experiment { experimentId }\n      parent { runId }\n      children { runId name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExperimentRuns($experimentId: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    experiment(experimentId: $experimentId) {\n      runs(first: $first, after: $after, last: $last, before: $before) {\n        edges { node { runId startTime } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExperimentRuns($experimentId: String!, $first: Int, $after: String, $last: Int, $before: String) {\n    experiment(experimentId: $experimentId) {\n      runs(first: $first, after: $after, last: $last, before: $before) {\n        edges { node { runId startTime } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SeqOnly($runId: String!, $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, afterSeq: $afterSeq) {\n      seq\n    }\n  }\n"): (typeof documents)["\n  subscription SeqOnly($runId: String!, $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, afterSeq: $afterSeq) {\n      seq\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;