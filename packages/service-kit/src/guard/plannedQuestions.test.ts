import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createPlannedQuestions } from './plannedQuestions.ts';

const schema = buildSubgraphSchema({
  typeDefs: parse(/* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@requires", "@external"])
    enum DataCategory { IDENTITY CASE_MANAGEMENT RESIDENCE HEALTH }
    directive @category(name: DataCategory!, inputs: [DataCategory!]) on FIELD_DEFINITION
    type Query { client(id: ID!): Client }
    type Client @key(fields: "id") {
      id: ID!
      givenName: String @category(name: IDENTITY)
      titleType: String @external
      targetGroup: Boolean @requires(fields: "titleType") @category(name: CASE_MANAGEMENT, inputs: [IDENTITY, RESIDENCE])
      notes: [Note!]
      secret: String @category(name: HEALTH)
    }
    type Note { text: String @category(name: CASE_MANAGEMENT) }
  `),
});

describe('createPlannedQuestions', () => {
  const planned = createPlannedQuestions(schema, { Client: { secret: () => true } as never });

  it("finds the category rules' questions of an entity fetch's fields, derived inputs at their source", () => {
    const op = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Client{targetGroup}}}';
    expect(planned([op])).toEqual([{ category: 'CASE_MANAGEMENT' }, { category: 'IDENTITY', source: 'case-registry' }, { category: 'RESIDENCE', source: 'immigration-office' }]);
  });

  it('follows nested fields and several operations, each question once; explicit rules and unknown fields add none', () => {
    const ops = ['{ client(id: "K") { givenName secret notes { text } } }', '{ client(id: "K") { givenName nonsense } }'];
    expect(planned(ops)).toEqual([{ category: 'IDENTITY' }, { category: 'CASE_MANAGEMENT' }]);
  });

  it('follows named fragments, as newer query planners write them', () => {
    const op = 'query($representations:[_Any!]!){_entities(representations:$representations){...C}} fragment C on Client { notes { ...N } } fragment N on Note { text }';
    expect(planned([op])).toEqual([{ category: 'CASE_MANAGEMENT' }]);
  });

  it('asks nothing extra for an operation that does not parse, or for none', () => {
    expect(planned(['{ client(id: '])).toEqual([]);
    expect(planned([])).toEqual([]);
  });
});
