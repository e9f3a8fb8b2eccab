/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A dataset to log; (name, digest) identify it within the experiment. */
export type DatasetSpecInput = {
  /** Digest (at most 36 characters). */
  digest: string;
  /** Name (at most 500 characters). */
  name: string;
  /** Profile, usually JSON (at most 16777215). */
  profile?: string | null | undefined;
  /** Schema, usually JSON (at most 1048575). */
  schema?: string | null | undefined;
  /** Source, usually JSON (at most 65535). */
  source: string;
  /** Kind of source, e.g. `local`, `http`, `s3`, `code` (at most 36). */
  sourceType: string;
};

/** MLflow's error codes for expected failures. */
export type ErrorCode =
  /** The request ran past the server's statement timeout (HTTP 504). */
  | 'DEADLINE_EXCEEDED'
  /** The input is invalid. */
  | 'INVALID_PARAMETER_VALUE'
  /** The entity is in a state that forbids the operation. */
  | 'INVALID_STATE'
  /** The caller may not perform the operation. */
  | 'PERMISSION_DENIED'
  /** A unique name or key is already taken. */
  | 'RESOURCE_ALREADY_EXISTS'
  /** The entity does not exist. */
  | 'RESOURCE_DOES_NOT_EXIST'
  /** A dependency (the database) is unreachable right now; retry later (HTTP 503). */
  | 'TEMPORARILY_UNAVAILABLE'
  /** The request carries no valid credentials. */
  | 'UNAUTHENTICATED';

/** Input of logInputs. */
export type LogInputsInput = {
  /** Dataset inputs; duplicates by (name, digest) keep the first. */
  datasets?: Array<RunDatasetInput> | null | undefined;
  /** Logged models the run used (MLflow `ModelInput`); each must exist and not be deleted. */
  models?: Array<ModelInputSpec> | null | undefined;
  /** Run id. */
  runId: string;
};

/** A logged model used by a run. */
export type ModelInputSpec = {
  /** Model id (`m-…`). */
  modelId: string;
};

/** One dataset input of a run. */
export type RunDatasetInput = {
  /** The dataset. */
  dataset: DatasetSpecInput;
  /** Input tags (keys ≤ 255, values ≤ 500), e.g. `mlflow.data.context`. */
  tags?: Array<TagInput> | null | undefined;
};

/** Input of setRunTag. */
export type SetRunTagInput = {
  /** Tag key. */
  key: string;
  /** Run id. */
  runId: string;
  /** Tag value. */
  value: string;
};

/** A key/value tag. */
export type TagInput = {
  /** Tag key. */
  key: string;
  /** Tag value. */
  value: string;
};

export type ClientRunArtifactsQueryVariables = Exact<{
  runId: string;
  path?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type ClientRunArtifactsQuery = { run: { artifactUri: string, artifacts: { edges: Array<{ node: { path: string, isDir: boolean, fileSize: number | null, sha256: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ClientLogInputsMutationVariables = Exact<{
  input: LogInputsInput;
}>;


export type ClientLogInputsMutation = { logInputs:
    | { __typename: 'InvalidStateError', code: ErrorCode, message: string }
    | { __typename: 'LogInputsSuccess' }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };

export type ClientRunIoQueryVariables = Exact<{
  runId: string;
}>;


export type ClientRunIoQuery = { run: { inputs: Array<{ context: string | null, tags: Array<{ key: string, value: string }>, dataset: { name: string, digest: string, sourceType: string, source: string, schema: string | null, profile: string | null } }>, modelInputs: Array<{ modelId: string }>, outputs: Array<{ modelId: string, step: number }> } | null };

export type ClientRunTagsQueryVariables = Exact<{
  runId: string;
}>;


export type ClientRunTagsQuery = { run: { tags: Array<{ key: string, value: string }> } | null };

export type ClientSetRunTagMutationVariables = Exact<{
  input: SetRunTagInput;
}>;


export type ClientSetRunTagMutation = { setRunTag:
    | { __typename: 'BatchAck' }
    | { __typename: 'InvalidStateError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'PermissionDeniedError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string }
   };


export const ClientRunArtifactsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientRunArtifacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"path"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"artifactUri"}},{"kind":"Field","name":{"kind":"Name","value":"artifacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"path"},"value":{"kind":"Variable","name":{"kind":"Name","value":"path"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"isDir"}},{"kind":"Field","name":{"kind":"Name","value":"fileSize"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClientRunArtifactsQuery, ClientRunArtifactsQueryVariables>;
export const ClientLogInputsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientLogInputs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogInputsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logInputs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ClientLogInputsMutation, ClientLogInputsMutationVariables>;
export const ClientRunIoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientRunIo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"sourceType"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"schema"}},{"kind":"Field","name":{"kind":"Name","value":"profile"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"modelInputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"step"}}]}}]}}]}}]} as unknown as DocumentNode<ClientRunIoQuery, ClientRunIoQueryVariables>;
export const ClientRunTagsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientRunTags"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ClientRunTagsQuery, ClientRunTagsQueryVariables>;
export const ClientSetRunTagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientSetRunTag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetRunTagInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRunTag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ClientSetRunTagMutation, ClientSetRunTagMutationVariables>;