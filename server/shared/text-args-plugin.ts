import SchemaBuilder, {
  BasePlugin,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { checkJsonText } from './validation.ts';

/**
 * Refuses, before any resolver runs, string arguments PostgreSQL cannot store (NUL characters,
 * unpaired surrogates: `checkJsonText`) with a ValidationError naming the input field
 * (`tags[0].value` inside an `input` argument, else prefixed by the argument's name).
 *
 * @remarks Listed after the errors plugin, so the check runs inside its wrapper: a mutation answers
 * with its `ValidationError` union member, a query with an INVALID_PARAMETER_VALUE error.
 */
export class TextArgsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent, args, context, info) => {
      for (const [name, value] of Object.entries(args)) {
        checkJsonText(value, name === 'input' ? '' : name);
      }
      return resolver(parent, args, context, info);
    };
  }
}

const pluginName = 'textArgs';
// the test runner evaluates this module once per test file while @pothos/core (a cached
// dependency) keeps its registry; registering a second class under the name would throw
const registry = (SchemaBuilder as unknown as { plugins: Record<string, unknown> }).plugins;
if (!(pluginName in registry)) SchemaBuilder.registerPlugin(pluginName, TextArgsPlugin);
export default pluginName;

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      textArgs: TextArgsPlugin<Types>;
    }
  }
}
