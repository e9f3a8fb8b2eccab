/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Whether an experiment or run is active or soft-deleted. */
export type LifecycleStage =
  /** Visible in default listings; writable. */
  | 'ACTIVE'
  /** Soft-deleted: readable by id, excluded from default listings, not writable. */
  | 'DELETED';

/** What happened to a run. */
export type RunEventKind =
  /** The run was created. */
  | 'CREATED'
  /** The run was deleted (also when its experiment was). */
  | 'DELETED'
  /** Status changed to FINISHED, FAILED or KILLED. */
  | 'ENDED'
  /** Params were logged (`params`, the batch in `seq`). */
  | 'PARAMS_LOGGED'
  /** The run got a new name (`name`). */
  | 'RENAMED'
  /** The run was restored (also when its experiment was). */
  | 'RESTORED'
  /** Current state of the run, sent first when subscribing to one run. */
  | 'SNAPSHOT'
  /** Status or end time changed to a non-terminal status. */
  | 'STATUS_CHANGED'
  /** Tags were set (`tags`, the batch in `seq`). */
  | 'TAGS_SET'
  /** A tag was deleted (`tagKey`). */
  | 'TAG_DELETED';

/** Status of a run. New runs are RUNNING; FINISHED, FAILED and KILLED are terminal by convention. */
export type RunStatus =
  /** MLflow status FAILED. */
  | 'FAILED'
  /** MLflow status FINISHED. */
  | 'FINISHED'
  /** MLflow status KILLED. */
  | 'KILLED'
  /** MLflow status RUNNING. */
  | 'RUNNING'
  /** MLflow status SCHEDULED. */
  | 'SCHEDULED';

export type WatchRunHeadQueryVariables = Exact<{
  runId: string;
}>;


export type WatchRunHeadQuery = { run: { lastSeq: number } | null };

export type WatchMetricsSubscriptionVariables = Exact<{
  runId: string;
  keys?: Array<string> | string | null | undefined;
  afterSeq?: number | null | undefined;
}>;


export type WatchMetricsSubscription = { metricsLogged: { runId: string, seq: number, fromSeq: number, committedAt: number | null, replayed: boolean, metrics: Array<{ key: string, steps: Array<number>, timestamps: Array<number>, values: Array<number | string> }> } };

export type WatchRunSubscriptionVariables = Exact<{
  runId: string;
}>;


export type WatchRunSubscription = { runEvents: { kind: RunEventKind, runId: string, experimentId: string, seq: number | null, committedAt: number, status: RunStatus | null, endTime: number | null, name: string | null, lifecycleStage: LifecycleStage | null, tagKey: string | null, params: Array<{ key: string, value: string }> | null, tags: Array<{ key: string, value: string }> | null } };


export const WatchRunHeadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WatchRunHead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastSeq"}}]}}]}}]} as unknown as DocumentNode<WatchRunHeadQuery, WatchRunHeadQueryVariables>;
export const WatchMetricsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WatchMetrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keys"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SafeInt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metricsLogged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"keys"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keys"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSeq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"fromSeq"}},{"kind":"Field","name":{"kind":"Name","value":"committedAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"timestamps"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}}]}}]}}]} as unknown as DocumentNode<WatchMetricsSubscription, WatchMetricsSubscriptionVariables>;
export const WatchRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WatchRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"experimentId"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"committedAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endTime"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"lifecycleStage"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tagKey"}}]}}]}}]} as unknown as DocumentNode<WatchRunSubscription, WatchRunSubscriptionVariables>;