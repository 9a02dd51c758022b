import { readFileSync } from 'node:fs';
import { VOCABULARY_SDL_PATH } from '@kim/schema';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resolveRules } from './buildPermissions.ts';
import { fieldTag } from './fieldTags.ts';

const schema = buildSubgraphSchema({
  typeDefs: parse(`${readFileSync(VOCABULARY_SDL_PATH, 'utf8')}
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { ping: String }
    type Client @key(fields: "id") {
      id: ID!
      name: String @category(name: IDENTITY)
      readiness: String @category(name: NATURALISATION, inputs: [RESIDENCE, BENEFITS])
      figures: Int @restricted(roles: [COORDINATOR])
      forgotten: String
    }
  `),
});

describe('resolveRules', () => {
  it('rules every tagged, key and federation field, and lists the rest as unguarded', () => {
    const { rules, unguarded } = resolveRules(schema, {});
    expect(Object.keys(rules.Client ?? {}).sort()).toEqual(['figures', 'id', 'name', 'readiness']);
    expect(Object.keys(rules.Query ?? {}).sort()).toEqual(['_entities', '_service']);
    expect(unguarded.sort()).toEqual(['Client.forgotten', 'Query.ping']);
  });

  it('reads a derived field\'s input categories', () => {
    const readiness = schema.getType('Client');
    const field = readiness && 'getFields' in readiness ? (readiness.getFields() as Record<string, never>).readiness : undefined;
    expect(fieldTag(field!)).toEqual({ kind: 'category', category: 'NATURALISATION', inputs: ['RESIDENCE', 'BENEFITS'] });
  });
});
