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
      SafeIntColumn: { input: 'number[]', output: 'number[]' },
      // int64 steps: numbers within ±(2^53-1), decimal strings beyond
      Step: { input: 'number | string', output: 'number | string' },
      StepColumn: { input: 'Array<number | string>', output: 'Array<number | string>' },
      MetricValueColumn: { input: 'Array<number | string>', output: 'Array<number | string>' },
      NullableMetricValueColumn: { input: 'never', output: 'Array<number | string | null>' },
    },
  },
  presetConfig: { fragmentMasking: false },
} as const;

/** The packages build with NodeNext + rewriteRelativeImportExtensions: imports need extensions. */
const pkg = (dir: string) => ({
  ...shared,
  config: { ...shared.config, importExtension: '.ts' },
  documents: [`${dir}/**/*.ts`, `!${dir}/gql/**`],
});

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'client/packages/client/src/gql/': pkg('client/packages/client/src'),
    'client/packages/node/src/gql/': pkg('client/packages/node/src'),
    // the web UI bundles with Vite (no import extensions needed)
    'client/ui/src/gql/': {
      ...shared,
      documents: ['client/ui/src/**/*.{ts,tsx}', '!client/ui/src/gql/**'],
    },
    'test/gql/': { ...shared, documents: ['test/**/*.ts', '!test/gql/**', '!test/bench/**'] },
  },
};

export default config;
