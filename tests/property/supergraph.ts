import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '@kim/schema';
import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * The composed supergraph as a graphql-js schema. The join and link directives are declared in
 * the file itself, so it builds as it is; operations generated and validated against it are the
 * operations the gateway plans.
 */
export function loadSupergraph(): GraphQLSchema {
  return buildSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'));
}
