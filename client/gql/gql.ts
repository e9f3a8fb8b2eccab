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
    "\n  query WatchRunHead($runId: String!) {\n    run(runId: $runId) {\n      lastSeq\n    }\n  }\n": typeof types.WatchRunHeadDocument,
    "\n  subscription WatchMetrics($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      committedAt\n      replayed\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n": typeof types.WatchMetricsDocument,
    "\n  subscription WatchRun($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      committedAt\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n": typeof types.WatchRunDocument,
};
const documents: Documents = {
    "\n  query WatchRunHead($runId: String!) {\n    run(runId: $runId) {\n      lastSeq\n    }\n  }\n": types.WatchRunHeadDocument,
    "\n  subscription WatchMetrics($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      committedAt\n      replayed\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n": types.WatchMetricsDocument,
    "\n  subscription WatchRun($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      committedAt\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n": types.WatchRunDocument,
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
export function graphql(source: "\n  query WatchRunHead($runId: String!) {\n    run(runId: $runId) {\n      lastSeq\n    }\n  }\n"): (typeof documents)["\n  query WatchRunHead($runId: String!) {\n    run(runId: $runId) {\n      lastSeq\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchMetrics($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      committedAt\n      replayed\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WatchMetrics($runId: String!, $keys: [String!], $afterSeq: SafeInt) {\n    metricsLogged(runId: $runId, keys: $keys, afterSeq: $afterSeq) {\n      runId\n      seq\n      fromSeq\n      committedAt\n      replayed\n      metrics {\n        key\n        steps\n        timestamps\n        values\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchRun($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      committedAt\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n"): (typeof documents)["\n  subscription WatchRun($runId: String!) {\n    runEvents(runId: $runId) {\n      kind\n      runId\n      experimentId\n      seq\n      committedAt\n      status\n      endTime\n      name\n      lifecycleStage\n      params {\n        key\n        value\n      }\n      tags {\n        key\n        value\n      }\n      tagKey\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;