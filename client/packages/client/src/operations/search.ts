import type { Client } from '@urql/core';
import type { ExperimentFieldsFragment, RunFieldsFragment, ViewType } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { type Page, toPage } from './experiments.ts';
import { send } from './result.ts';

const SearchRunsDoc = graphql(`
  query ClientSearchRuns(
    $experimentIds: [String!]!
    $filter: String
    $orderBy: [String!]
    $runViewType: ViewType
    $first: Int
    $after: String
  ) {
    searchRuns(
      experimentIds: $experimentIds
      filter: $filter
      orderBy: $orderBy
      runViewType: $runViewType
      first: $first
      after: $after
    ) {
      edges {
        node {
          ...RunFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SearchExperimentsDoc = graphql(`
  query ClientSearchExperiments(
    $filter: String
    $orderBy: [String!]
    $viewType: ViewType
    $first: Int
    $after: String
  ) {
    searchExperiments(
      filter: $filter
      orderBy: $orderBy
      viewType: $viewType
      first: $first
      after: $after
    ) {
      edges {
        node {
          ...ExperimentFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Arguments of a search page: MLflow's filter and order-by strings plus paging. */
export interface SearchArgs {
  filter?: string | null;
  orderBy?: string[] | null;
  viewType?: ViewType;
  first?: number;
  after?: string | null;
}

/**
 * Fetches one page of runs matching an MLflow filter across experiments, in `orderBy` order.
 *
 * @remarks A bad filter or order is a `TrackingError` of kind `graphql` with code INVALID_PARAMETER_VALUE.
 */
export async function searchRunsPage(
  client: Client,
  experimentIds: string[],
  args: SearchArgs = {},
): Promise<Page<RunFieldsFragment>> {
  const data = await send(client, 'query', SearchRunsDoc, {
    experimentIds,
    filter: args.filter ?? null,
    orderBy: args.orderBy ?? null,
    runViewType: args.viewType,
    first: args.first,
    after: args.after ?? null,
  });
  return toPage(data.searchRuns);
}

/** Fetches one page of experiments matching an MLflow experiment filter. */
export async function searchExperimentsPage(
  client: Client,
  args: SearchArgs = {},
): Promise<Page<ExperimentFieldsFragment>> {
  const data = await send(client, 'query', SearchExperimentsDoc, {
    filter: args.filter ?? null,
    orderBy: args.orderBy ?? null,
    viewType: args.viewType,
    first: args.first,
    after: args.after ?? null,
  });
  return toPage(data.searchExperiments);
}
