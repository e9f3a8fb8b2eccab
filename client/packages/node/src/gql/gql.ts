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
    "\n  query ClientRunArtifacts($runId: String!, $path: String, $after: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path, first: 1000, after: $after) {\n        edges { node { path isDir fileSize sha256 } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ClientRunArtifactsDocument,
    "\n  mutation ClientLogInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientLogInputsDocument,
    "\n  query ClientRunIo($runId: String!) {\n    run(runId: $runId) {\n      inputs {\n        context\n        tags { key value }\n        dataset { name digest sourceType source schema profile }\n      }\n      modelInputs { modelId }\n      outputs { modelId step }\n    }\n  }\n": typeof types.ClientRunIoDocument,
    "\n  query ClientRunTags($runId: String!) {\n    run(runId: $runId) { tags { key value } }\n  }\n": typeof types.ClientRunTagsDocument,
    "\n  mutation ClientSetRunTag($input: SetRunTagInput!) {\n    setRunTag(input: $input) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientSetRunTagDocument,
};
const documents: Documents = {
    "\n  query ClientRunArtifacts($runId: String!, $path: String, $after: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path, first: 1000, after: $after) {\n        edges { node { path isDir fileSize sha256 } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ClientRunArtifactsDocument,
    "\n  mutation ClientLogInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n": types.ClientLogInputsDocument,
    "\n  query ClientRunIo($runId: String!) {\n    run(runId: $runId) {\n      inputs {\n        context\n        tags { key value }\n        dataset { name digest sourceType source schema profile }\n      }\n      modelInputs { modelId }\n      outputs { modelId step }\n    }\n  }\n": types.ClientRunIoDocument,
    "\n  query ClientRunTags($runId: String!) {\n    run(runId: $runId) { tags { key value } }\n  }\n": types.ClientRunTagsDocument,
    "\n  mutation ClientSetRunTag($input: SetRunTagInput!) {\n    setRunTag(input: $input) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n": types.ClientSetRunTagDocument,
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
export function graphql(source: "\n  query ClientRunArtifacts($runId: String!, $path: String, $after: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path, first: 1000, after: $after) {\n        edges { node { path isDir fileSize sha256 } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientRunArtifacts($runId: String!, $path: String, $after: String) {\n    run(runId: $runId) {\n      artifactUri\n      artifacts(path: $path, first: 1000, after: $after) {\n        edges { node { path isDir fileSize sha256 } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientLogInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientLogInputs($input: LogInputsInput!) {\n    logInputs(input: $input) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientRunIo($runId: String!) {\n    run(runId: $runId) {\n      inputs {\n        context\n        tags { key value }\n        dataset { name digest sourceType source schema profile }\n      }\n      modelInputs { modelId }\n      outputs { modelId step }\n    }\n  }\n"): (typeof documents)["\n  query ClientRunIo($runId: String!) {\n    run(runId: $runId) {\n      inputs {\n        context\n        tags { key value }\n        dataset { name digest sourceType source schema profile }\n      }\n      modelInputs { modelId }\n      outputs { modelId step }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientRunTags($runId: String!) {\n    run(runId: $runId) { tags { key value } }\n  }\n"): (typeof documents)["\n  query ClientRunTags($runId: String!) {\n    run(runId: $runId) { tags { key value } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSetRunTag($input: SetRunTagInput!) {\n    setRunTag(input: $input) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ClientSetRunTag($input: SetRunTagInput!) {\n    setRunTag(input: $input) {\n      __typename\n      ... on Error { code message }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;