import { serviceSdl } from '@kim/schema';
import { taggedFields } from '@kim/service-kit';
import { buildSchema, getNamedType, isNonNullType, isObjectType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';

const sdl = serviceSdl(new URL('./schema.graphql', import.meta.url));

/**
 * The SDL as plain GraphQL (federation's directives declared as no-ops), to inspect types.
 * INTENTIONAL: not `buildSubgraphSchema` (nor `untaggedClientFieldsInSdl`, which uses it): under
 * vitest, @apollo/subgraph loads graphql's CommonJS build and this file its ESM build, and graphql
 * refuses to mix the two.
 */
function plainSchema() {
  const federation = 'directive @link(url: String, import: [String]) repeatable on SCHEMA\ndirective @key(fields: String!) repeatable on OBJECT\n';
  return buildSchema(federation + sdl.replace(/extend schema\s+@link\([^)]*\)/, ''));
}

describe('the jobcenter SDL', () => {
  it('tags every field of Client (but its key) and of every type reachable from it with a category', () => {
    const schema = plainSchema();
    const reachable = new Set(['Client']);
    for (const name of reachable) {
      for (const field of Object.values((schema.getType(name) as GraphQLObjectType).getFields())) {
        const named = getNamedType(field.type);
        if (isObjectType(named)) reachable.add(named.name);
      }
    }
    const untagged = taggedFields(schema)
      .filter(({ type, field, tag }) => reachable.has(type) && !(type === 'Client' && field === 'id') && tag.kind !== 'category')
      .map(({ type, field }) => `${type}.${field}`);
    expect([...reachable].sort()).toEqual(['BenefitCase', 'Client', 'CooperationPlan', 'Measure', 'Placement']);
    expect(untagged).toEqual([]);
  });

  it('keeps every field a consent decision can deny nullable, nested ones included', () => {
    const schema = plainSchema();
    const nonNull: string[] = [];
    const seen = new Set<string>();
    const visit = (type: GraphQLObjectType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        if (!(type.name === 'Client' && field.name === 'id') && isNonNullType(field.type)) nonNull.push(`${type.name}.${field.name}`);
        const named = getNamedType(field.type);
        if (isObjectType(named)) visit(named);
      }
    };
    visit(schema.getType('Client') as GraphQLObjectType);
    expect(nonNull).toEqual([]);
  });

  it('offers the Client fields other services rely on', () => {
    const client = plainSchema().getType('Client') as GraphQLObjectType;
    const fields = Object.fromEntries(Object.values(client.getFields()).map((f) => [f.name, String(f.type)]));
    expect(fields).toEqual({
      id: 'ID!',
      jobcenterRecordId: 'String',
      benefitCase: 'BenefitCase',
      receivesBenefits: 'Boolean',
      benefitReceipt: 'Boolean',
      cooperationPlan: 'CooperationPlan',
      measures: '[Measure!]',
      placements: '[Placement!]',
    });
  });
});
