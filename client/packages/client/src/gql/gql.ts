/* eslint-disable */
import * as types from './graphql.ts';
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
    "\n  query ClientUsers {\n    users { userId username isAdmin creationTime }\n  }\n": typeof types.ClientUsersDocument,
    "\n  mutation ClientCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess { user { userId username isAdmin creationTime } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientCreateUserDocument,
    "\n  query ClientApiTokens($username: String) {\n    apiTokens(username: $username) { id name username creationTime expiresAt revokedAt }\n  }\n": typeof types.ClientApiTokensDocument,
    "\n  mutation ClientCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        created { secret token { id name username creationTime expiresAt revokedAt } }\n      }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientCreateApiTokenDocument,
    "\n  mutation ClientRevokeApiToken($id: String!) {\n    revokeApiToken(input: { id: $id }) {\n      __typename\n      ... on RevokeApiTokenSuccess { token { id name username creationTime expiresAt revokedAt } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientRevokeApiTokenDocument,
    "\n  mutation ClientPurgeDeleted($input: PurgeDeletedInput!) {\n    purgeDeleted(input: $input) {\n      __typename\n      ... on PurgeDeletedSuccess { purged { experimentIds runIds artifactFiles } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientPurgeDeletedDocument,
    "\n  mutation ClientCreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientCreateExperimentDocument,
    "\n  query ClientExperiment($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      ...ExperimentFields\n    }\n  }\n": typeof types.ClientExperimentDocument,
    "\n  query ClientExperimentByName($name: String!) {\n    experimentByName(name: $name) {\n      ...ExperimentFields\n    }\n  }\n": typeof types.ClientExperimentByNameDocument,
    "\n  query ClientExperiments($viewType: ViewType, $first: Int, $after: String) {\n    experiments(viewType: $viewType, first: $first, after: $after) {\n      edges {\n        node {\n          ...ExperimentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ClientExperimentsDocument,
    "\n  query ClientExperimentRuns(\n    $experimentId: String!\n    $viewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    experiment(experimentId: $experimentId) {\n      runs(viewType: $viewType, first: $first, after: $after) {\n        edges {\n          node {\n            ...RunFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ClientExperimentRunsDocument,
    "\n  fragment ClientErrorFields on Error {\n    __typename\n    code\n    message\n    ... on ValidationError {\n      field\n    }\n  }\n": typeof types.ClientErrorFieldsFragmentDoc,
    "\n  fragment RunInfoFields on Run {\n    runId\n    name\n    experimentId\n    userId\n    status\n    startTime\n    endTime\n    lifecycleStage\n    artifactUri\n    lastSeq\n  }\n": typeof types.RunInfoFieldsFragmentDoc,
    "\n  fragment RunFields on Run {\n    ...RunInfoFields\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n    latestMetrics {\n      key\n      value\n      step\n      timestamp\n    }\n  }\n": typeof types.RunFieldsFragmentDoc,
    "\n  fragment ExperimentFields on Experiment {\n    experimentId\n    name\n    artifactLocation\n    lifecycleStage\n    creationTime\n    lastUpdateTime\n    tags {\n      key\n      value\n    }\n  }\n": typeof types.ExperimentFieldsFragmentDoc,
    "\n  fragment LoggedModelFields on LoggedModel {\n    modelId\n    experimentId\n    name\n    modelType\n    sourceRunId\n    status\n    lifecycleStage\n    creationTimestamp\n    lastUpdatedTimestamp\n    artifactUri\n    modelUri\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n  }\n": typeof types.LoggedModelFieldsFragmentDoc,
    "\n  mutation ClientRenameExperiment($input: RenameExperimentInput!) {\n    renameExperiment(input: $input) {\n      __typename\n      ... on RenameExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientRenameExperimentDocument,
    "\n  mutation ClientDeleteExperiment($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n      ... on DeleteExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientDeleteExperimentDocument,
    "\n  mutation ClientRestoreExperiment($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n      ... on RestoreExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientRestoreExperimentDocument,
    "\n  mutation ClientSetExperimentTag($input: SetExperimentTagInput!) {\n    setExperimentTag(input: $input) {\n      __typename\n      ... on SetExperimentTagSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientSetExperimentTagDocument,
    "\n  mutation ClientDeleteExperimentTag($input: DeleteExperimentTagInput!) {\n    deleteExperimentTag(input: $input) {\n      __typename\n      ... on DeleteExperimentTagSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientDeleteExperimentTagDocument,
    "\n  mutation ClientDeleteRun($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n      ... on DeleteRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientDeleteRunDocument,
    "\n  mutation ClientRestoreRun($input: RestoreRunInput!) {\n    restoreRun(input: $input) {\n      __typename\n      ... on RestoreRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientRestoreRunDocument,
    "\n  mutation ClientLogBatch($input: LogBatchInput!) {\n    logBatch(input: $input) {\n      __typename\n      ... on BatchAck {\n        seq\n        replayed\n        metricsWritten\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientLogBatchDocument,
    "\n  mutation ClientCreateLoggedModel($input: CreateLoggedModelInput!) {\n    createLoggedModel(input: $input) {\n      __typename\n      ... on CreateLoggedModelSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientCreateLoggedModelDocument,
    "\n  mutation ClientFinalizeLoggedModel($input: FinalizeLoggedModelInput!) {\n    finalizeLoggedModel(input: $input) {\n      __typename\n      ... on FinalizeLoggedModelSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientFinalizeLoggedModelDocument,
    "\n  mutation ClientDeleteLoggedModel($input: DeleteLoggedModelInput!) {\n    deleteLoggedModel(input: $input) {\n      __typename\n      ... on DeleteLoggedModelSuccess { model { modelId } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientDeleteLoggedModelDocument,
    "\n  mutation ClientSetLoggedModelTags($input: SetLoggedModelTagsInput!) {\n    setLoggedModelTags(input: $input) {\n      __typename\n      ... on SetLoggedModelTagsSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientSetLoggedModelTagsDocument,
    "\n  mutation ClientDeleteLoggedModelTag($input: DeleteLoggedModelTagInput!) {\n    deleteLoggedModelTag(input: $input) {\n      __typename\n      ... on DeleteLoggedModelTagSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientDeleteLoggedModelTagDocument,
    "\n  mutation ClientLogLoggedModelParams($input: LogLoggedModelParamsInput!) {\n    logLoggedModelParams(input: $input) {\n      __typename\n      ... on LogLoggedModelParamsSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientLogLoggedModelParamsDocument,
    "\n  mutation ClientLogOutputs($input: LogOutputsInput!) {\n    logOutputs(input: $input) {\n      __typename\n      ... on LogOutputsSuccess { run { runId } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientLogOutputsDocument,
    "\n  mutation ClientLogRunInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on LogInputsSuccess { run { runId } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientLogRunInputsDocument,
    "\n  query ClientLoggedModel($modelId: String!, $allowDeleted: Boolean) {\n    loggedModel(modelId: $modelId, allowDeleted: $allowDeleted) {\n      ...LoggedModelFields\n      metrics {\n        key\n        value\n        step\n        timestamp\n        runId\n        dataset { name digest }\n      }\n    }\n  }\n": typeof types.ClientLoggedModelDocument,
    "\n  query ClientSearchLoggedModels(\n    $experimentIds: [String!]!\n    $filter: String\n    $datasets: [LoggedModelDatasetInput!]\n    $orderBy: [LoggedModelOrderInput!]\n    $first: Int\n    $after: String\n  ) {\n    searchLoggedModels(\n      experimentIds: $experimentIds\n      filter: $filter\n      datasets: $datasets\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      edges { node { ...LoggedModelFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ClientSearchLoggedModelsDocument,
    "\n  query ClientMetricHistory($runId: String!, $key: String!, $first: Int, $after: String) {\n    run(runId: $runId) {\n      metricHistory(key: $key, first: $first, after: $after) {\n        edges {\n          node {\n            step\n            timestamp\n            value\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ClientMetricHistoryDocument,
    "\n  query ClientMetricSummaries($runId: String!) {\n    run(runId: $runId) {\n      metricSummaries {\n        key\n        count\n        min\n        max\n        lastSeq\n        last {\n          step\n          timestamp\n          value\n        }\n      }\n    }\n  }\n": typeof types.ClientMetricSummariesDocument,
    "\n  mutation ClientCreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      __typename\n      ... on CreateRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientCreateRunDocument,
    "\n  mutation ClientUpdateRun($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n      ... on UpdateRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientUpdateRunDocument,
    "\n  mutation ClientDeleteRunTag($input: DeleteRunTagInput!) {\n    deleteRunTag(input: $input) {\n      __typename\n      ... on DeleteRunTagSuccess {\n        run {\n          runId\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientDeleteRunTagDocument,
    "\n  query ClientRun($runId: String!) {\n    run(runId: $runId) {\n      ...RunFields\n    }\n  }\n": typeof types.ClientRunDocument,
    "\n  query ClientSearchRuns(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $runViewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    searchRuns(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      runViewType: $runViewType\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ClientSearchRunsDocument,
    "\n  query ClientSearchExperiments(\n    $filter: String\n    $orderBy: [String!]\n    $viewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    searchExperiments(\n      filter: $filter\n      orderBy: $orderBy\n      viewType: $viewType\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          ...ExperimentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ClientSearchExperimentsDocument,
    "\n  query WatchRunHead($runId: String!) {\n    run(runId: $runId) {\n      lastSeq\n    }\n  }\n": typeof types.WatchRunHeadDocument,
    "\n  subscription WatchMetrics($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      committedAt\n      replayed\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n": typeof types.WatchMetricsDocument,
    "\n  subscription WatchRun($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      committedAt\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n": typeof types.WatchRunDocument,
    "\n  fragment ClientSpanFields on Span {\n    traceId\n    spanId\n    parentSpanId\n    name\n    spanType\n    startTimeNs\n    endTimeNs\n    statusCode\n    statusMessage\n    inputs\n    outputs\n    attributes { key value }\n    events { name timeNs attributes { key value } }\n  }\n": typeof types.ClientSpanFieldsFragmentDoc,
    "\n  fragment ClientTraceFields on Trace {\n    traceId\n    experimentId\n    clientRequestId\n    requestTime\n    executionDuration\n    state\n    requestPreview\n    responsePreview\n    metadata { key value }\n    tags { key value }\n  }\n": typeof types.ClientTraceFieldsFragmentDoc,
    "\n  mutation ClientLogTrace($input: LogTraceInput!) {\n    logTrace(input: $input) {\n      __typename\n      ... on LogTraceSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientLogTraceDocument,
    "\n  mutation ClientLogSpans($input: LogSpansInput!) {\n    logSpans(input: $input) {\n      __typename\n      ... on LogSpansSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientLogSpansDocument,
    "\n  query ClientTrace($traceId: String!) {\n    trace(traceId: $traceId) { ...ClientTraceFields spans { ...ClientSpanFields } }\n  }\n": typeof types.ClientTraceDocument,
    "\n  query ClientSearchTraces(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $first: Int\n    $after: String\n  ) {\n    searchTraces(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      edges { node { ...ClientTraceFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ClientSearchTracesDocument,
    "\n  mutation ClientSetTraceTag($input: SetTraceTagInput!) {\n    setTraceTag(input: $input) {\n      __typename\n      ... on SetTraceTagSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientSetTraceTagDocument,
    "\n  mutation ClientDeleteTraceTag($input: DeleteTraceTagInput!) {\n    deleteTraceTag(input: $input) {\n      __typename\n      ... on DeleteTraceTagSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientDeleteTraceTagDocument,
    "\n  mutation ClientDeleteTraces($input: DeleteTracesInput!) {\n    deleteTraces(input: $input) {\n      __typename\n      ... on DeleteTracesSuccess { tracesDeleted }\n      ...ClientErrorFields\n    }\n  }\n": typeof types.ClientDeleteTracesDocument,
};
const documents: Documents = {
    "\n  query ClientUsers {\n    users { userId username isAdmin creationTime }\n  }\n": types.ClientUsersDocument,
    "\n  mutation ClientCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess { user { userId username isAdmin creationTime } }\n      ... on Error { code message }\n    }\n  }\n": types.ClientCreateUserDocument,
    "\n  query ClientApiTokens($username: String) {\n    apiTokens(username: $username) { id name username creationTime expiresAt revokedAt }\n  }\n": types.ClientApiTokensDocument,
    "\n  mutation ClientCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        created { secret token { id name username creationTime expiresAt revokedAt } }\n      }\n      ... on Error { code message }\n    }\n  }\n": types.ClientCreateApiTokenDocument,
    "\n  mutation ClientRevokeApiToken($id: String!) {\n    revokeApiToken(input: { id: $id }) {\n      __typename\n      ... on RevokeApiTokenSuccess { token { id name username creationTime expiresAt revokedAt } }\n      ... on Error { code message }\n    }\n  }\n": types.ClientRevokeApiTokenDocument,
    "\n  mutation ClientPurgeDeleted($input: PurgeDeletedInput!) {\n    purgeDeleted(input: $input) {\n      __typename\n      ... on PurgeDeletedSuccess { purged { experimentIds runIds artifactFiles } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientPurgeDeletedDocument,
    "\n  mutation ClientCreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientCreateExperimentDocument,
    "\n  query ClientExperiment($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      ...ExperimentFields\n    }\n  }\n": types.ClientExperimentDocument,
    "\n  query ClientExperimentByName($name: String!) {\n    experimentByName(name: $name) {\n      ...ExperimentFields\n    }\n  }\n": types.ClientExperimentByNameDocument,
    "\n  query ClientExperiments($viewType: ViewType, $first: Int, $after: String) {\n    experiments(viewType: $viewType, first: $first, after: $after) {\n      edges {\n        node {\n          ...ExperimentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ClientExperimentsDocument,
    "\n  query ClientExperimentRuns(\n    $experimentId: String!\n    $viewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    experiment(experimentId: $experimentId) {\n      runs(viewType: $viewType, first: $first, after: $after) {\n        edges {\n          node {\n            ...RunFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ClientExperimentRunsDocument,
    "\n  fragment ClientErrorFields on Error {\n    __typename\n    code\n    message\n    ... on ValidationError {\n      field\n    }\n  }\n": types.ClientErrorFieldsFragmentDoc,
    "\n  fragment RunInfoFields on Run {\n    runId\n    name\n    experimentId\n    userId\n    status\n    startTime\n    endTime\n    lifecycleStage\n    artifactUri\n    lastSeq\n  }\n": types.RunInfoFieldsFragmentDoc,
    "\n  fragment RunFields on Run {\n    ...RunInfoFields\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n    latestMetrics {\n      key\n      value\n      step\n      timestamp\n    }\n  }\n": types.RunFieldsFragmentDoc,
    "\n  fragment ExperimentFields on Experiment {\n    experimentId\n    name\n    artifactLocation\n    lifecycleStage\n    creationTime\n    lastUpdateTime\n    tags {\n      key\n      value\n    }\n  }\n": types.ExperimentFieldsFragmentDoc,
    "\n  fragment LoggedModelFields on LoggedModel {\n    modelId\n    experimentId\n    name\n    modelType\n    sourceRunId\n    status\n    lifecycleStage\n    creationTimestamp\n    lastUpdatedTimestamp\n    artifactUri\n    modelUri\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n  }\n": types.LoggedModelFieldsFragmentDoc,
    "\n  mutation ClientRenameExperiment($input: RenameExperimentInput!) {\n    renameExperiment(input: $input) {\n      __typename\n      ... on RenameExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientRenameExperimentDocument,
    "\n  mutation ClientDeleteExperiment($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n      ... on DeleteExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientDeleteExperimentDocument,
    "\n  mutation ClientRestoreExperiment($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n      ... on RestoreExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientRestoreExperimentDocument,
    "\n  mutation ClientSetExperimentTag($input: SetExperimentTagInput!) {\n    setExperimentTag(input: $input) {\n      __typename\n      ... on SetExperimentTagSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientSetExperimentTagDocument,
    "\n  mutation ClientDeleteExperimentTag($input: DeleteExperimentTagInput!) {\n    deleteExperimentTag(input: $input) {\n      __typename\n      ... on DeleteExperimentTagSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientDeleteExperimentTagDocument,
    "\n  mutation ClientDeleteRun($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n      ... on DeleteRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientDeleteRunDocument,
    "\n  mutation ClientRestoreRun($input: RestoreRunInput!) {\n    restoreRun(input: $input) {\n      __typename\n      ... on RestoreRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientRestoreRunDocument,
    "\n  mutation ClientLogBatch($input: LogBatchInput!) {\n    logBatch(input: $input) {\n      __typename\n      ... on BatchAck {\n        seq\n        replayed\n        metricsWritten\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientLogBatchDocument,
    "\n  mutation ClientCreateLoggedModel($input: CreateLoggedModelInput!) {\n    createLoggedModel(input: $input) {\n      __typename\n      ... on CreateLoggedModelSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientCreateLoggedModelDocument,
    "\n  mutation ClientFinalizeLoggedModel($input: FinalizeLoggedModelInput!) {\n    finalizeLoggedModel(input: $input) {\n      __typename\n      ... on FinalizeLoggedModelSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientFinalizeLoggedModelDocument,
    "\n  mutation ClientDeleteLoggedModel($input: DeleteLoggedModelInput!) {\n    deleteLoggedModel(input: $input) {\n      __typename\n      ... on DeleteLoggedModelSuccess { model { modelId } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientDeleteLoggedModelDocument,
    "\n  mutation ClientSetLoggedModelTags($input: SetLoggedModelTagsInput!) {\n    setLoggedModelTags(input: $input) {\n      __typename\n      ... on SetLoggedModelTagsSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientSetLoggedModelTagsDocument,
    "\n  mutation ClientDeleteLoggedModelTag($input: DeleteLoggedModelTagInput!) {\n    deleteLoggedModelTag(input: $input) {\n      __typename\n      ... on DeleteLoggedModelTagSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientDeleteLoggedModelTagDocument,
    "\n  mutation ClientLogLoggedModelParams($input: LogLoggedModelParamsInput!) {\n    logLoggedModelParams(input: $input) {\n      __typename\n      ... on LogLoggedModelParamsSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientLogLoggedModelParamsDocument,
    "\n  mutation ClientLogOutputs($input: LogOutputsInput!) {\n    logOutputs(input: $input) {\n      __typename\n      ... on LogOutputsSuccess { run { runId } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientLogOutputsDocument,
    "\n  mutation ClientLogRunInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on LogInputsSuccess { run { runId } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientLogRunInputsDocument,
    "\n  query ClientLoggedModel($modelId: String!, $allowDeleted: Boolean) {\n    loggedModel(modelId: $modelId, allowDeleted: $allowDeleted) {\n      ...LoggedModelFields\n      metrics {\n        key\n        value\n        step\n        timestamp\n        runId\n        dataset { name digest }\n      }\n    }\n  }\n": types.ClientLoggedModelDocument,
    "\n  query ClientSearchLoggedModels(\n    $experimentIds: [String!]!\n    $filter: String\n    $datasets: [LoggedModelDatasetInput!]\n    $orderBy: [LoggedModelOrderInput!]\n    $first: Int\n    $after: String\n  ) {\n    searchLoggedModels(\n      experimentIds: $experimentIds\n      filter: $filter\n      datasets: $datasets\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      edges { node { ...LoggedModelFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ClientSearchLoggedModelsDocument,
    "\n  query ClientMetricHistory($runId: String!, $key: String!, $first: Int, $after: String) {\n    run(runId: $runId) {\n      metricHistory(key: $key, first: $first, after: $after) {\n        edges {\n          node {\n            step\n            timestamp\n            value\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ClientMetricHistoryDocument,
    "\n  query ClientMetricSummaries($runId: String!) {\n    run(runId: $runId) {\n      metricSummaries {\n        key\n        count\n        min\n        max\n        lastSeq\n        last {\n          step\n          timestamp\n          value\n        }\n      }\n    }\n  }\n": types.ClientMetricSummariesDocument,
    "\n  mutation ClientCreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      __typename\n      ... on CreateRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientCreateRunDocument,
    "\n  mutation ClientUpdateRun($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n      ... on UpdateRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientUpdateRunDocument,
    "\n  mutation ClientDeleteRunTag($input: DeleteRunTagInput!) {\n    deleteRunTag(input: $input) {\n      __typename\n      ... on DeleteRunTagSuccess {\n        run {\n          runId\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientDeleteRunTagDocument,
    "\n  query ClientRun($runId: String!) {\n    run(runId: $runId) {\n      ...RunFields\n    }\n  }\n": types.ClientRunDocument,
    "\n  query ClientSearchRuns(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $runViewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    searchRuns(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      runViewType: $runViewType\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ClientSearchRunsDocument,
    "\n  query ClientSearchExperiments(\n    $filter: String\n    $orderBy: [String!]\n    $viewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    searchExperiments(\n      filter: $filter\n      orderBy: $orderBy\n      viewType: $viewType\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          ...ExperimentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ClientSearchExperimentsDocument,
    "\n  query WatchRunHead($runId: String!) {\n    run(runId: $runId) {\n      lastSeq\n    }\n  }\n": types.WatchRunHeadDocument,
    "\n  subscription WatchMetrics($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      committedAt\n      replayed\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n": types.WatchMetricsDocument,
    "\n  subscription WatchRun($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      committedAt\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n": types.WatchRunDocument,
    "\n  fragment ClientSpanFields on Span {\n    traceId\n    spanId\n    parentSpanId\n    name\n    spanType\n    startTimeNs\n    endTimeNs\n    statusCode\n    statusMessage\n    inputs\n    outputs\n    attributes { key value }\n    events { name timeNs attributes { key value } }\n  }\n": types.ClientSpanFieldsFragmentDoc,
    "\n  fragment ClientTraceFields on Trace {\n    traceId\n    experimentId\n    clientRequestId\n    requestTime\n    executionDuration\n    state\n    requestPreview\n    responsePreview\n    metadata { key value }\n    tags { key value }\n  }\n": types.ClientTraceFieldsFragmentDoc,
    "\n  mutation ClientLogTrace($input: LogTraceInput!) {\n    logTrace(input: $input) {\n      __typename\n      ... on LogTraceSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientLogTraceDocument,
    "\n  mutation ClientLogSpans($input: LogSpansInput!) {\n    logSpans(input: $input) {\n      __typename\n      ... on LogSpansSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientLogSpansDocument,
    "\n  query ClientTrace($traceId: String!) {\n    trace(traceId: $traceId) { ...ClientTraceFields spans { ...ClientSpanFields } }\n  }\n": types.ClientTraceDocument,
    "\n  query ClientSearchTraces(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $first: Int\n    $after: String\n  ) {\n    searchTraces(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      edges { node { ...ClientTraceFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ClientSearchTracesDocument,
    "\n  mutation ClientSetTraceTag($input: SetTraceTagInput!) {\n    setTraceTag(input: $input) {\n      __typename\n      ... on SetTraceTagSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientSetTraceTagDocument,
    "\n  mutation ClientDeleteTraceTag($input: DeleteTraceTagInput!) {\n    deleteTraceTag(input: $input) {\n      __typename\n      ... on DeleteTraceTagSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientDeleteTraceTagDocument,
    "\n  mutation ClientDeleteTraces($input: DeleteTracesInput!) {\n    deleteTraces(input: $input) {\n      __typename\n      ... on DeleteTracesSuccess { tracesDeleted }\n      ...ClientErrorFields\n    }\n  }\n": types.ClientDeleteTracesDocument,
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
export function graphql(source: "\n  query ClientUsers {\n    users { userId username isAdmin creationTime }\n  }\n"): (typeof documents)["\n  query ClientUsers {\n    users { userId username isAdmin creationTime }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess { user { userId username isAdmin creationTime } }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientCreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess { user { userId username isAdmin creationTime } }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientApiTokens($username: String) {\n    apiTokens(username: $username) { id name username creationTime expiresAt revokedAt }\n  }\n"): (typeof documents)["\n  query ClientApiTokens($username: String) {\n    apiTokens(username: $username) { id name username creationTime expiresAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        created { secret token { id name username creationTime expiresAt revokedAt } }\n      }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientCreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        created { secret token { id name username creationTime expiresAt revokedAt } }\n      }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientRevokeApiToken($id: String!) {\n    revokeApiToken(input: { id: $id }) {\n      __typename\n      ... on RevokeApiTokenSuccess { token { id name username creationTime expiresAt revokedAt } }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientRevokeApiToken($id: String!) {\n    revokeApiToken(input: { id: $id }) {\n      __typename\n      ... on RevokeApiTokenSuccess { token { id name username creationTime expiresAt revokedAt } }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientPurgeDeleted($input: PurgeDeletedInput!) {\n    purgeDeleted(input: $input) {\n      __typename\n      ... on PurgeDeletedSuccess { purged { experimentIds runIds artifactFiles } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientPurgeDeleted($input: PurgeDeletedInput!) {\n    purgeDeleted(input: $input) {\n      __typename\n      ... on PurgeDeletedSuccess { purged { experimentIds runIds artifactFiles } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientCreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientCreateExperiment($input: CreateExperimentInput!) {\n    createExperiment(input: $input) {\n      __typename\n      ... on CreateExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientExperiment($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      ...ExperimentFields\n    }\n  }\n"): (typeof documents)["\n  query ClientExperiment($experimentId: String!) {\n    experiment(experimentId: $experimentId) {\n      ...ExperimentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientExperimentByName($name: String!) {\n    experimentByName(name: $name) {\n      ...ExperimentFields\n    }\n  }\n"): (typeof documents)["\n  query ClientExperimentByName($name: String!) {\n    experimentByName(name: $name) {\n      ...ExperimentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientExperiments($viewType: ViewType, $first: Int, $after: String) {\n    experiments(viewType: $viewType, first: $first, after: $after) {\n      edges {\n        node {\n          ...ExperimentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientExperiments($viewType: ViewType, $first: Int, $after: String) {\n    experiments(viewType: $viewType, first: $first, after: $after) {\n      edges {\n        node {\n          ...ExperimentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientExperimentRuns(\n    $experimentId: String!\n    $viewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    experiment(experimentId: $experimentId) {\n      runs(viewType: $viewType, first: $first, after: $after) {\n        edges {\n          node {\n            ...RunFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientExperimentRuns(\n    $experimentId: String!\n    $viewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    experiment(experimentId: $experimentId) {\n      runs(viewType: $viewType, first: $first, after: $after) {\n        edges {\n          node {\n            ...RunFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientErrorFields on Error {\n    __typename\n    code\n    message\n    ... on ValidationError {\n      field\n    }\n  }\n"): (typeof documents)["\n  fragment ClientErrorFields on Error {\n    __typename\n    code\n    message\n    ... on ValidationError {\n      field\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunInfoFields on Run {\n    runId\n    name\n    experimentId\n    userId\n    status\n    startTime\n    endTime\n    lifecycleStage\n    artifactUri\n    lastSeq\n  }\n"): (typeof documents)["\n  fragment RunInfoFields on Run {\n    runId\n    name\n    experimentId\n    userId\n    status\n    startTime\n    endTime\n    lifecycleStage\n    artifactUri\n    lastSeq\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunFields on Run {\n    ...RunInfoFields\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n    latestMetrics {\n      key\n      value\n      step\n      timestamp\n    }\n  }\n"): (typeof documents)["\n  fragment RunFields on Run {\n    ...RunInfoFields\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n    latestMetrics {\n      key\n      value\n      step\n      timestamp\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExperimentFields on Experiment {\n    experimentId\n    name\n    artifactLocation\n    lifecycleStage\n    creationTime\n    lastUpdateTime\n    tags {\n      key\n      value\n    }\n  }\n"): (typeof documents)["\n  fragment ExperimentFields on Experiment {\n    experimentId\n    name\n    artifactLocation\n    lifecycleStage\n    creationTime\n    lastUpdateTime\n    tags {\n      key\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LoggedModelFields on LoggedModel {\n    modelId\n    experimentId\n    name\n    modelType\n    sourceRunId\n    status\n    lifecycleStage\n    creationTimestamp\n    lastUpdatedTimestamp\n    artifactUri\n    modelUri\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n  }\n"): (typeof documents)["\n  fragment LoggedModelFields on LoggedModel {\n    modelId\n    experimentId\n    name\n    modelType\n    sourceRunId\n    status\n    lifecycleStage\n    creationTimestamp\n    lastUpdatedTimestamp\n    artifactUri\n    modelUri\n    params {\n      key\n      value\n    }\n    tags {\n      key\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientRenameExperiment($input: RenameExperimentInput!) {\n    renameExperiment(input: $input) {\n      __typename\n      ... on RenameExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientRenameExperiment($input: RenameExperimentInput!) {\n    renameExperiment(input: $input) {\n      __typename\n      ... on RenameExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientDeleteExperiment($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n      ... on DeleteExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientDeleteExperiment($input: DeleteExperimentInput!) {\n    deleteExperiment(input: $input) {\n      __typename\n      ... on DeleteExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientRestoreExperiment($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n      ... on RestoreExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientRestoreExperiment($input: RestoreExperimentInput!) {\n    restoreExperiment(input: $input) {\n      __typename\n      ... on RestoreExperimentSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSetExperimentTag($input: SetExperimentTagInput!) {\n    setExperimentTag(input: $input) {\n      __typename\n      ... on SetExperimentTagSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientSetExperimentTag($input: SetExperimentTagInput!) {\n    setExperimentTag(input: $input) {\n      __typename\n      ... on SetExperimentTagSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientDeleteExperimentTag($input: DeleteExperimentTagInput!) {\n    deleteExperimentTag(input: $input) {\n      __typename\n      ... on DeleteExperimentTagSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientDeleteExperimentTag($input: DeleteExperimentTagInput!) {\n    deleteExperimentTag(input: $input) {\n      __typename\n      ... on DeleteExperimentTagSuccess {\n        experiment {\n          ...ExperimentFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientDeleteRun($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n      ... on DeleteRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientDeleteRun($input: DeleteRunInput!) {\n    deleteRun(input: $input) {\n      __typename\n      ... on DeleteRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientRestoreRun($input: RestoreRunInput!) {\n    restoreRun(input: $input) {\n      __typename\n      ... on RestoreRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientRestoreRun($input: RestoreRunInput!) {\n    restoreRun(input: $input) {\n      __typename\n      ... on RestoreRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientLogBatch($input: LogBatchInput!) {\n    logBatch(input: $input) {\n      __typename\n      ... on BatchAck {\n        seq\n        replayed\n        metricsWritten\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientLogBatch($input: LogBatchInput!) {\n    logBatch(input: $input) {\n      __typename\n      ... on BatchAck {\n        seq\n        replayed\n        metricsWritten\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientCreateLoggedModel($input: CreateLoggedModelInput!) {\n    createLoggedModel(input: $input) {\n      __typename\n      ... on CreateLoggedModelSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientCreateLoggedModel($input: CreateLoggedModelInput!) {\n    createLoggedModel(input: $input) {\n      __typename\n      ... on CreateLoggedModelSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientFinalizeLoggedModel($input: FinalizeLoggedModelInput!) {\n    finalizeLoggedModel(input: $input) {\n      __typename\n      ... on FinalizeLoggedModelSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientFinalizeLoggedModel($input: FinalizeLoggedModelInput!) {\n    finalizeLoggedModel(input: $input) {\n      __typename\n      ... on FinalizeLoggedModelSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientDeleteLoggedModel($input: DeleteLoggedModelInput!) {\n    deleteLoggedModel(input: $input) {\n      __typename\n      ... on DeleteLoggedModelSuccess { model { modelId } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientDeleteLoggedModel($input: DeleteLoggedModelInput!) {\n    deleteLoggedModel(input: $input) {\n      __typename\n      ... on DeleteLoggedModelSuccess { model { modelId } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSetLoggedModelTags($input: SetLoggedModelTagsInput!) {\n    setLoggedModelTags(input: $input) {\n      __typename\n      ... on SetLoggedModelTagsSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientSetLoggedModelTags($input: SetLoggedModelTagsInput!) {\n    setLoggedModelTags(input: $input) {\n      __typename\n      ... on SetLoggedModelTagsSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientDeleteLoggedModelTag($input: DeleteLoggedModelTagInput!) {\n    deleteLoggedModelTag(input: $input) {\n      __typename\n      ... on DeleteLoggedModelTagSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientDeleteLoggedModelTag($input: DeleteLoggedModelTagInput!) {\n    deleteLoggedModelTag(input: $input) {\n      __typename\n      ... on DeleteLoggedModelTagSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientLogLoggedModelParams($input: LogLoggedModelParamsInput!) {\n    logLoggedModelParams(input: $input) {\n      __typename\n      ... on LogLoggedModelParamsSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientLogLoggedModelParams($input: LogLoggedModelParamsInput!) {\n    logLoggedModelParams(input: $input) {\n      __typename\n      ... on LogLoggedModelParamsSuccess { model { ...LoggedModelFields } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientLogOutputs($input: LogOutputsInput!) {\n    logOutputs(input: $input) {\n      __typename\n      ... on LogOutputsSuccess { run { runId } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientLogOutputs($input: LogOutputsInput!) {\n    logOutputs(input: $input) {\n      __typename\n      ... on LogOutputsSuccess { run { runId } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientLogRunInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on LogInputsSuccess { run { runId } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientLogRunInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on LogInputsSuccess { run { runId } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientLoggedModel($modelId: String!, $allowDeleted: Boolean) {\n    loggedModel(modelId: $modelId, allowDeleted: $allowDeleted) {\n      ...LoggedModelFields\n      metrics {\n        key\n        value\n        step\n        timestamp\n        runId\n        dataset { name digest }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientLoggedModel($modelId: String!, $allowDeleted: Boolean) {\n    loggedModel(modelId: $modelId, allowDeleted: $allowDeleted) {\n      ...LoggedModelFields\n      metrics {\n        key\n        value\n        step\n        timestamp\n        runId\n        dataset { name digest }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientSearchLoggedModels(\n    $experimentIds: [String!]!\n    $filter: String\n    $datasets: [LoggedModelDatasetInput!]\n    $orderBy: [LoggedModelOrderInput!]\n    $first: Int\n    $after: String\n  ) {\n    searchLoggedModels(\n      experimentIds: $experimentIds\n      filter: $filter\n      datasets: $datasets\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      edges { node { ...LoggedModelFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ClientSearchLoggedModels(\n    $experimentIds: [String!]!\n    $filter: String\n    $datasets: [LoggedModelDatasetInput!]\n    $orderBy: [LoggedModelOrderInput!]\n    $first: Int\n    $after: String\n  ) {\n    searchLoggedModels(\n      experimentIds: $experimentIds\n      filter: $filter\n      datasets: $datasets\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      edges { node { ...LoggedModelFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientMetricHistory($runId: String!, $key: String!, $first: Int, $after: String) {\n    run(runId: $runId) {\n      metricHistory(key: $key, first: $first, after: $after) {\n        edges {\n          node {\n            step\n            timestamp\n            value\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientMetricHistory($runId: String!, $key: String!, $first: Int, $after: String) {\n    run(runId: $runId) {\n      metricHistory(key: $key, first: $first, after: $after) {\n        edges {\n          node {\n            step\n            timestamp\n            value\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientMetricSummaries($runId: String!) {\n    run(runId: $runId) {\n      metricSummaries {\n        key\n        count\n        min\n        max\n        lastSeq\n        last {\n          step\n          timestamp\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientMetricSummaries($runId: String!) {\n    run(runId: $runId) {\n      metricSummaries {\n        key\n        count\n        min\n        max\n        lastSeq\n        last {\n          step\n          timestamp\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientCreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      __typename\n      ... on CreateRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientCreateRun($input: CreateRunInput!) {\n    createRun(input: $input) {\n      __typename\n      ... on CreateRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientUpdateRun($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n      ... on UpdateRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientUpdateRun($input: UpdateRunInput!) {\n    updateRun(input: $input) {\n      __typename\n      ... on UpdateRunSuccess {\n        run {\n          ...RunInfoFields\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientDeleteRunTag($input: DeleteRunTagInput!) {\n    deleteRunTag(input: $input) {\n      __typename\n      ... on DeleteRunTagSuccess {\n        run {\n          runId\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientDeleteRunTag($input: DeleteRunTagInput!) {\n    deleteRunTag(input: $input) {\n      __typename\n      ... on DeleteRunTagSuccess {\n        run {\n          runId\n        }\n      }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientRun($runId: String!) {\n    run(runId: $runId) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  query ClientRun($runId: String!) {\n    run(runId: $runId) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientSearchRuns(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $runViewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    searchRuns(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      runViewType: $runViewType\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientSearchRuns(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $runViewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    searchRuns(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      runViewType: $runViewType\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientSearchExperiments(\n    $filter: String\n    $orderBy: [String!]\n    $viewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    searchExperiments(\n      filter: $filter\n      orderBy: $orderBy\n      viewType: $viewType\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          ...ExperimentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientSearchExperiments(\n    $filter: String\n    $orderBy: [String!]\n    $viewType: ViewType\n    $first: Int\n    $after: String\n  ) {\n    searchExperiments(\n      filter: $filter\n      orderBy: $orderBy\n      viewType: $viewType\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          ...ExperimentFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WatchRunHead($runId: String!) {\n    run(runId: $runId) {\n      lastSeq\n    }\n  }\n"): (typeof documents)["\n  query WatchRunHead($runId: String!) {\n    run(runId: $runId) {\n      lastSeq\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchMetrics($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      committedAt\n      replayed\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WatchMetrics($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      committedAt\n      replayed\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchRun($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      committedAt\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n"): (typeof documents)["\n  subscription WatchRun($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      committedAt\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientSpanFields on Span {\n    traceId\n    spanId\n    parentSpanId\n    name\n    spanType\n    startTimeNs\n    endTimeNs\n    statusCode\n    statusMessage\n    inputs\n    outputs\n    attributes { key value }\n    events { name timeNs attributes { key value } }\n  }\n"): (typeof documents)["\n  fragment ClientSpanFields on Span {\n    traceId\n    spanId\n    parentSpanId\n    name\n    spanType\n    startTimeNs\n    endTimeNs\n    statusCode\n    statusMessage\n    inputs\n    outputs\n    attributes { key value }\n    events { name timeNs attributes { key value } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientTraceFields on Trace {\n    traceId\n    experimentId\n    clientRequestId\n    requestTime\n    executionDuration\n    state\n    requestPreview\n    responsePreview\n    metadata { key value }\n    tags { key value }\n  }\n"): (typeof documents)["\n  fragment ClientTraceFields on Trace {\n    traceId\n    experimentId\n    clientRequestId\n    requestTime\n    executionDuration\n    state\n    requestPreview\n    responsePreview\n    metadata { key value }\n    tags { key value }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientLogTrace($input: LogTraceInput!) {\n    logTrace(input: $input) {\n      __typename\n      ... on LogTraceSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientLogTrace($input: LogTraceInput!) {\n    logTrace(input: $input) {\n      __typename\n      ... on LogTraceSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientLogSpans($input: LogSpansInput!) {\n    logSpans(input: $input) {\n      __typename\n      ... on LogSpansSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientLogSpans($input: LogSpansInput!) {\n    logSpans(input: $input) {\n      __typename\n      ... on LogSpansSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientTrace($traceId: String!) {\n    trace(traceId: $traceId) { ...ClientTraceFields spans { ...ClientSpanFields } }\n  }\n"): (typeof documents)["\n  query ClientTrace($traceId: String!) {\n    trace(traceId: $traceId) { ...ClientTraceFields spans { ...ClientSpanFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientSearchTraces(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $first: Int\n    $after: String\n  ) {\n    searchTraces(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      edges { node { ...ClientTraceFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ClientSearchTraces(\n    $experimentIds: [String!]!\n    $filter: String\n    $orderBy: [String!]\n    $first: Int\n    $after: String\n  ) {\n    searchTraces(\n      experimentIds: $experimentIds\n      filter: $filter\n      orderBy: $orderBy\n      first: $first\n      after: $after\n    ) {\n      edges { node { ...ClientTraceFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSetTraceTag($input: SetTraceTagInput!) {\n    setTraceTag(input: $input) {\n      __typename\n      ... on SetTraceTagSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientSetTraceTag($input: SetTraceTagInput!) {\n    setTraceTag(input: $input) {\n      __typename\n      ... on SetTraceTagSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientDeleteTraceTag($input: DeleteTraceTagInput!) {\n    deleteTraceTag(input: $input) {\n      __typename\n      ... on DeleteTraceTagSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientDeleteTraceTag($input: DeleteTraceTagInput!) {\n    deleteTraceTag(input: $input) {\n      __typename\n      ... on DeleteTraceTagSuccess { trace { traceId } }\n      ...ClientErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientDeleteTraces($input: DeleteTracesInput!) {\n    deleteTraces(input: $input) {\n      __typename\n      ... on DeleteTracesSuccess { tracesDeleted }\n      ...ClientErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClientDeleteTraces($input: DeleteTracesInput!) {\n    deleteTraces(input: $input) {\n      __typename\n      ... on DeleteTracesSuccess { tracesDeleted }\n      ...ClientErrorFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;