import { buildSubgraphSchema } from '@apollo/subgraph';
import DataLoader from 'dataloader';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { consentDecision, questionKey, type ConsentDecision, type ConsentQuestion } from '@kim/core';
import { VOCABULARY_SDL_PATH } from '@kim/schema';
import type { ServiceContext } from '../server/serviceContext.ts';
import { buildPermissions, guardSchema, unguardedFields } from './buildPermissions.ts';
import { RuleOutcomes } from './ruleOutcomes.ts';

const sdl = (extra = '') =>
  parse(`${readFileSync(VOCABULARY_SDL_PATH, 'utf8')}
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { clients: [Client!]! ${extra} }
    type Client @key(fields: "id") {
      id: ID!
      name: String @category(name: IDENTITY)
      town: String @category(name: IDENTITY)
      permit: String @category(name: RESIDENCE)
      contacts: [Contact!] @category(name: COUNSELLING)
      figures: Int @restricted(roles: [COORDINATOR])
    }
    type Contact { note: String @category(name: COUNSELLING) }
  `);

/** Which field resolvers ran: a refused field's own resolver must not. */
let resolved: string[] = [];
const track = (name: string, value: unknown) => () => {
  resolved.push(name);
  return value;
};
const schema = buildSubgraphSchema({
  typeDefs: sdl(),
  resolvers: {
    Query: { clients: () => [{ id: 'K-1' }, { id: 'K-2' }] },
    Client: {
      name: track('name', 'Anna'),
      town: track('town', 'Neuss'),
      permit: track('permit', 'P-1'),
      contacts: (c: { id: string }) => [{ kimClientId: c.id, note: 'n1' }, { kimClientId: c.id, note: 'n2' }],
      figures: () => 7,
    },
  } as never,
});
const rules = { Query: { clients: allow } };

/** The consent service in memory: `denied` categories are refused, each question counted. */
function context(denied: readonly string[], role = 'CASE_MANAGER') {
  const asked: string[] = [];
  const consent = new DataLoader<ConsentQuestion, ConsentDecision, string>(
    async (qs) =>
      qs.map((q) => {
        asked.push(`${q.clientId}:${q.category}`);
        return denied.includes(q.category) ? consentDecision(q, false, 'NO_BASIS', null, null) : consentDecision(q, true, 'GRANT', 'CONSENT', 'g');
      }),
    { cacheKeyFn: questionKey },
  );
  return { asked, value: { caller: { role }, consent, ruleOutcomes: new RuleOutcomes() } as unknown as ServiceContext };
}

async function run(guarded: GraphQLSchema, query: string, denied: readonly string[], role?: string) {
  resolved = [];
  const ctx = context(denied, role);
  const result = await execute({ schema: guarded, document: parse(query), contextValue: ctx.value });
  return { result: JSON.parse(JSON.stringify(result)) as { data?: unknown; errors?: { path: unknown; extensions: unknown }[] }, asked: ctx.asked };
}

describe('guardSchema: graphql-shield outside, the category guard on tagged fields', () => {
  const guarded = guardSchema(schema, rules);

  it('leaves no field to a default in either layer', () => {
    expect(unguardedFields(guarded, rules)).toEqual([]);
    // Shield alone has the same rules but not the category guard: every tagged field is named.
    expect(unguardedFields(applyMiddleware(schema, buildPermissions(schema, rules)), rules).sort()).toEqual([
      'Client.contacts',
      'Client.name',
      'Client.permit',
      'Client.town',
      'Contact.note',
    ]);
  });

  it('refuses to build a schema with a field no layer guards', () => {
    const untagged = buildSubgraphSchema({ typeDefs: sdl('ping: String') });
    expect(() => guardSchema(untagged, rules)).toThrow('fields left unguarded: Query.ping');
  });

  it('answers allowed fields, refuses denied ones at their paths without running their resolvers, and asks each category once per client', async () => {
    const { result, asked } = await run(guarded, '{ clients { id name town permit contacts { note } } }', ['RESIDENCE']);
    expect(result.data).toEqual({
      clients: [
        { id: 'K-1', name: 'Anna', town: 'Neuss', permit: null, contacts: [{ note: 'n1' }, { note: 'n2' }] },
        { id: 'K-2', name: 'Anna', town: 'Neuss', permit: null, contacts: [{ note: 'n1' }, { note: 'n2' }] },
      ],
    });
    expect(result.errors).toEqual([
      { message: 'No consent or legal basis for data category RESIDENCE.', locations: [{ line: 1, column: 26 }], path: ['clients', 0, 'permit'], extensions: { code: 'CONSENT_REQUIRED', category: 'RESIDENCE' } },
      { message: 'No consent or legal basis for data category RESIDENCE.', locations: [{ line: 1, column: 26 }], path: ['clients', 1, 'permit'], extensions: { code: 'CONSENT_REQUIRED', category: 'RESIDENCE' } },
    ]);
    expect(resolved).not.toContain('permit');
    expect(asked.sort()).toEqual(['K-1:COUNSELLING', 'K-1:IDENTITY', 'K-1:RESIDENCE', 'K-2:COUNSELLING', 'K-2:IDENTITY', 'K-2:RESIDENCE']);
  });

  it('refuses the objects of a denied category and everything below them', async () => {
    const { result } = await run(guarded, '{ clients { id contacts { note } } }', ['COUNSELLING']);
    expect(result.data).toEqual({ clients: [{ id: 'K-1', contacts: null }, { id: 'K-2', contacts: null }] });
    expect(result.errors?.map((e) => [e.path, e.extensions])).toEqual([
      [['clients', 0, 'contacts'], { code: 'CONSENT_REQUIRED', category: 'COUNSELLING' }],
      [['clients', 1, 'contacts'], { code: 'CONSENT_REQUIRED', category: 'COUNSELLING' }],
    ]);
  });

  it('keeps shield as the outer layer: roles, and fields without a rule, as before', async () => {
    const { result } = await run(guarded, '{ clients { figures } }', []);
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'FORBIDDEN' }, { code: 'FORBIDDEN' }]);
    expect((await run(guarded, '{ clients { figures } }', [], 'COORDINATOR')).result).toEqual({ data: { clients: [{ figures: 7 }, { figures: 7 }] } });
  });

  it('resolves entities under the guard (__resolveReference and _entities still run)', async () => {
    const { result } = await run(guarded, '{ _entities(representations: [{ __typename: "Client", id: "K-9" }]) { ... on Client { id name permit } } }', ['RESIDENCE']);
    expect(result.data).toEqual({ _entities: [{ id: 'K-9', name: 'Anna', permit: null }] });
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'CONSENT_REQUIRED', category: 'RESIDENCE' }]);
  });
});
