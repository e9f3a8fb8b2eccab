import type { Client } from '@urql/core';
import type {
  CreateExperimentInput,
  ExperimentFieldsFragment,
  RunFieldsFragment,
  ViewType,
} from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { type OpResult, send, settle } from './result.ts';

const CreateExperimentDoc = graphql(`
  mutation ClientCreateExperiment($input: CreateExperimentInput!) {
    createExperiment(input: $input) {
      __typename
      ... on CreateExperimentSuccess {
        experiment {
          ...ExperimentFields
        }
      }
      ...ClientErrorFields
    }
  }
`);

const ExperimentDoc = graphql(`
  query ClientExperiment($experimentId: String!) {
    experiment(experimentId: $experimentId) {
      ...ExperimentFields
    }
  }
`);

const ExperimentByNameDoc = graphql(`
  query ClientExperimentByName($name: String!) {
    experimentByName(name: $name) {
      ...ExperimentFields
    }
  }
`);

const ExperimentsDoc = graphql(`
  query ClientExperiments($viewType: ViewType, $first: Int, $after: String) {
    experiments(viewType: $viewType, first: $first, after: $after) {
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

const ExperimentRunsDoc = graphql(`
  query ClientExperimentRuns(
    $experimentId: String!
    $viewType: ViewType
    $first: Int
    $after: String
  ) {
    experiment(experimentId: $experimentId) {
      runs(viewType: $viewType, first: $first, after: $after) {
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
  }
`);

/** An experiment as the client returns it. */
export type Experiment = ExperimentFieldsFragment;

/** One page of a connection, flattened. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A Relay connection as the generated types give it. */
/** The connection shape `toPage` reads: edges of nodes and page info. */
export interface ConnectionShape<T> {
  edges: { node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Turns a connection into a {@link Page}. */
export function toPage<T>(c: ConnectionShape<T>): Page<T> {
  return {
    items: c.edges.map((e) => e.node),
    hasNextPage: c.pageInfo.hasNextPage,
    endCursor: c.pageInfo.endCursor ?? null,
  };
}

/**
 * Fetches pages until `max` items or the last page, asking each time for at most `pageSize`.
 */
export async function collectPages<T>(
  max: number,
  pageSize: number,
  fetchPage: (first: number, after: string | null) => Promise<Page<T>>,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  while (out.length < max) {
    const page = await fetchPage(Math.min(pageSize, max - out.length), after);
    out.push(...page.items);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  return out;
}

/** Paging and lifecycle arguments of list operations. */
export interface PageArgs {
  viewType?: ViewType;
  first?: number;
  after?: string | null;
}

/**
 * Creates an experiment.
 *
 * @remarks Fails with `AlreadyExistsError` when the name is taken, deleted experiments included.
 */
export async function createExperiment(
  client: Client,
  input: CreateExperimentInput,
): Promise<OpResult<Experiment>> {
  const data = await send(client, 'mutation', CreateExperimentDoc, { input });
  return settle(data.createExperiment, 'CreateExperimentSuccess', (r) => r.experiment);
}

/** Fetches an experiment by id (active or deleted); `null` when there is none. */
export async function getExperiment(
  client: Client,
  experimentId: string,
): Promise<Experiment | null> {
  return (await send(client, 'query', ExperimentDoc, { experimentId })).experiment ?? null;
}

/** Fetches an experiment by exact name (active or deleted); `null` when there is none. */
export async function getExperimentByName(
  client: Client,
  name: string,
): Promise<Experiment | null> {
  return (await send(client, 'query', ExperimentByNameDoc, { name })).experimentByName ?? null;
}

/** Fetches one page of experiments, in id order. */
export async function listExperiments(
  client: Client,
  args: PageArgs = {},
): Promise<Page<Experiment>> {
  const data = await send(client, 'query', ExperimentsDoc, {
    viewType: args.viewType,
    first: args.first,
    after: args.after ?? null,
  });
  return toPage(data.experiments);
}

/**
 * Fetches one page of an experiment's runs, newest first, with params, tags and latest metrics.
 *
 * @remarks Returns `null` when the experiment does not exist.
 */
export async function listExperimentRuns(
  client: Client,
  experimentId: string,
  args: PageArgs = {},
): Promise<Page<RunFieldsFragment> | null> {
  const data = await send(client, 'query', ExperimentRunsDoc, {
    experimentId,
    viewType: args.viewType,
    first: args.first,
    after: args.after ?? null,
  });
  const c = data.experiment?.runs;
  return c ? toPage(c) : null;
}
