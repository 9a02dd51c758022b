import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  getNamedType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/** The fields that name the entity rather than disclose something about the client. */
const KEY_FIELDS = new Set(['id']);

function hasTag(field: GraphQLField<unknown, unknown>): boolean {
  return (field.astNode?.directives ?? []).some((d) => d.name.value === 'category' || d.name.value === 'restricted');
}

/** `@external` fields are resolved by their owning subgraph (and checked there), never here. */
function isExternal(field: GraphQLField<unknown, unknown>): boolean {
  return (field.astNode?.directives ?? []).some((d) => d.name.value === 'external');
}

/**
 * Lists every field of `Client`, and of every object type reachable from it, that carries no
 * `@category` (or, for non-client data, `@restricted`). An empty list is the only passing answer.
 */
export function untaggedClientFields(schema: GraphQLSchema): string[] {
  const client = schema.getType('Client');
  if (!client || !isObjectType(client)) return [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const visit = (type: GraphQLObjectType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      if (isExternal(field)) continue;
      if (!(type.name === 'Client' && KEY_FIELDS.has(field.name)) && !hasTag(field)) missing.push(`${type.name}.${field.name}`);
      const named = getNamedType(field.type);
      if (isObjectType(named)) visit(named);
    }
  };
  visit(client);
  return missing;
}

export function untaggedClientFieldsInSdl(sdl: string): string[] {
  return untaggedClientFields(buildSubgraphSchema({ typeDefs: parse(sdl) }));
}
