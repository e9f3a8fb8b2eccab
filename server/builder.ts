import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { PermissionDeniedError, ValidationError } from './shared/errors.ts';
import type { Context } from './shared/request-context.ts';
import type { Step } from './shared/scalars.ts';
import TextArgsPlugin from './shared/text-args-plugin.ts';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The one schema builder; types are added by each module's `*.schema.ts`. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    SafeInt: { Input: number; Output: number };
    MetricValue: { Input: number; Output: number };
    SafeIntColumn: { Input: number[]; Output: readonly number[] };
    Step: { Input: Step; Output: Step };
    StepColumn: { Input: Step[]; Output: readonly Step[] };
    MetricValueColumn: { Input: number[]; Output: readonly number[] };
    NullableMetricValueColumn: { Input: never; Output: readonly (number | null)[] };
    ID: { Input: string; Output: string | number };
  };
}>({
  // TextArgsPlugin after ErrorsPlugin: its refusals become mutations' ValidationError members
  plugins: [
    RelayPlugin,
    ErrorsPlugin,
    TextArgsPlugin,
    DataloaderPlugin,
    SimpleObjectsPlugin,
    ComplexityPlugin,
  ],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a globally unique id (Relay Node).' },
    pageInfoTypeOptions: { description: 'Where a page of a connection sits in the whole list.' },
    idFieldOptions: {
      description: 'Globally unique id of this object (opaque; use it with `node`).',
    },
    nodeQueryOptions: {
      description: 'Fetches any object by its global id.',
      args: { id: { description: 'Global id of the object.' } },
    },
    nodesQueryOptions: {
      description: 'Fetches objects by their global ids.',
      args: { ids: { description: 'Global ids of the objects.' } },
    },
    cursorFieldOptions: { description: 'Opaque position of this edge, for `after`/`before`.' },
    nodeFieldOptions: { description: 'The object at this edge.' },
    edgesFieldOptions: { description: 'The edges of this page, in order.' },
    pageInfoFieldOptions: { description: 'Paging information for this page.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first edge of this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge of this page.' },
    firstArgOptions: {
      description: 'Number of items to return after `after` (capped by the server).',
    },
    afterArgOptions: { description: 'Return items after this cursor.' },
    lastArgOptions: {
      description: 'Number of items to return before `before` (capped by the server).',
    },
    beforeArgOptions: { description: 'Return items before this cursor.' },
  },
  errors: {
    // every mutation may be refused by the permission guard (server/modules/auth/SECURITY.md)
    defaultTypes: [ValidationError, PermissionDeniedError],
    defaultResultOptions: {
      name: ({ fieldName }) => `${capitalize(fieldName)}Success`,
      description: 'The operation succeeded.',
    },
    defaultUnionOptions: {
      name: ({ fieldName }) => `${capitalize(fieldName)}Result`,
      description: 'Either the success payload or one of the expected errors (MLflow error codes).',
    },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { depth: 12, breadth: 300, complexity: 100_000 },
  },
});

builder.queryType({ description: 'Reads: experiments, runs and everything logged to them.' });
builder.mutationType({ description: 'Writes: MLflow-style tracking operations.' });
