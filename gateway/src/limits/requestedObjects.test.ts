import { getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApiSchema } from './apiSchema.testSupport.ts';
import { requestedObjects } from './requestedObjects.ts';
import { resolvePageSizes } from './resolvePageSizes.ts';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await loadApiSchema();
});

function objects(query: string, variables?: Record<string, unknown>): number {
  const document = parse(query);
  const sized = resolvePageSizes(schema, document, getOperationAST(document) ?? undefined, variables);
  return requestedObjects(schema, sized.document, sized.operation!);
}

describe('requestedObjects', () => {
  it.each([
    ['nothing for figures', '{ statistics { clientsByTown { town total } } }', undefined, 0],
    ['one for a client asked for by id', '{ client(id: "K-1") { id givenName consents { grantee } } }', undefined, 1],
    ['one per alias', '{ a: client(id: "K-1") { id } b: client(id: "K-2") { id } }', undefined, 2],
    ['a page by its size, not its clients again', '{ clients(first: 30) { edges { node { id contact { phone } } } } }', undefined, 30],
    ['a page by its default size', '{ clients { totalCount } }', undefined, 20],
    ['a page by its size from a variable', 'query($n: Int) { clients(first: $n) { totalCount } }', { n: 77 }, 77],
    ['audit entries by their page size', '{ auditTrail(filter: {}, first: 500) { edges { node { category } } } }', undefined, 500],
    ['a fragment as often as it is spread', '{ ...C x: client(id: "2") { ...F } } fragment C on Query { client(id: "1") { ...F } } fragment F on Client { id }', undefined, 2],
    ['an inline fragment', '{ ... on Query { clients(first: 3) { totalCount } } }', undefined, 3],
  ])('counts %s', (_name, query, variables, expected) => {
    expect(objects(query, variables)).toBe(expected);
  });

  it('stays linear when fragments spread each other many times', () => {
    const levels = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Query { ${Array.from({ length: 4 }, (_, j) => (i === 11 ? `a${j}: client(id: "1") { id }` : `...F${i + 1}`)).join(' ')} }`);
    // Four spreads a level, four clients at the last: 4^12 asked for, found without walking them.
    expect(objects(`{ ...F0 } ${levels.join(' ')}`)).toBe(4 ** 12);
  });
});
