import type { CodegenConfig } from '@graphql-codegen/cli';

const shared = {
  preset: 'client',
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    strictScalars: true,
    scalars: {
      SafeInt: 'number',
      MetricValue: { input: 'number | string', output: 'number | string' },
      SafeIntColumn: { input: 'never', output: 'number[]' },
      MetricValueColumn: { input: 'never', output: 'Array<number | string>' },
      NullableMetricValueColumn: { input: 'never', output: 'Array<number | string | null>' },
    },
  },
  presetConfig: { fragmentMasking: false },
} as const;

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'client/gql/': { ...shared, documents: ['client/**/*.ts', '!client/gql/**'] },
    'test/gql/': { ...shared, documents: ['test/**/*.ts', '!test/gql/**', '!test/bench/**'] },
  },
};

export default config;
