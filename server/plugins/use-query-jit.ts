import { useGraphQlJit } from '@envelop/graphql-jit';
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { withFieldLocations } from './error-locations.ts';

/**
 * Whether every operation of `document` is a query: only those run compiled. Mutations keep the
 * stock executor (their order and error rules are what the services' tests pin), and subscriptions
 * keep the transport's own fenced paths.
 */
export function onlyQueries(document: DocumentNode): boolean {
  return document.definitions.every(
    (d) => d.kind !== 'OperationDefinition' || d.operation === 'query',
  );
}

/**
 * Runs queries on graphql-jit's compiled executor (`TRACKQL_GRAPHQL_JIT`, default on).
 *
 * @remarks Measured on `searchRuns` returning 100 whole runs (about 5,000 fields): the stock
 * executor allocates ~8.6 MB per request (an info object, a path and argument values per field)
 * and spends a third of the server's time in garbage collection; the compiled query needs ~0.6x the
 * server CPU. What it relies on: compiled results equal the stock executor's for the same document,
 * variables and context (pinned by `test/server/graphql-jit-contract.test.ts`, which runs a corpus
 * of queries, errors included, through both); graphql-jit and @envelop/graphql-jit are pinned to
 * exact versions. Compiled functions are cached per parsed document object (a WeakMap), so the cache
 * lives as long as yoga's bounded parse cache keeps the document. Compiling costs a few ms per new
 * document; the document limits bound its size.
 */
export function useQueryJit(): Plugin {
  const jit = useGraphQlJit({}, { enableIf: (args) => onlyQueries(args.document) }) as Plugin;
  return {
    ...jit,
    onExecute(payload) {
      jit.onExecute?.(payload);
      if (!onlyQueries(payload.args.document)) return;
      const { document, operationName } = payload.args;
      return {
        // field errors get their source locations, as graphql-js gives them
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          setResult({
            ...result,
            errors: result.errors.map((e) => withFieldLocations(e, document, operationName)),
          });
        },
      };
    },
  };
}
