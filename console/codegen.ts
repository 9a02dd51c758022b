import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Operation types from the committed supergraph: the console's operations are checked against
 * the graph the gateway serves, and a field renamed in a subgraph fails `npm run typecheck`.
 */
const config: CodegenConfig = {
  schema: '../schema/supergraph.graphql',
  documents: ['src/**/*.tsx', 'src/**/*.ts', '!src/gql/**'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
  // `.js` import suffixes: what NodeNext module resolution (tsconfig.base.json) requires.
  importExtension: '.js',
  silent: true,
};
export default config;
