import { getOperationAST, parse, print, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadApiSchema } from './apiSchema.testSupport.ts';
import { resolvePageSizes } from './resolvePageSizes.ts';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await loadApiSchema();
});

function sized(query: string, variables?: Record<string, unknown>): string {
  const document = parse(query);
  return print(resolvePageSizes(schema, document, getOperationAST(document) ?? undefined, variables).document).replace(/\s+/g, ' ');
}

describe('resolvePageSizes', () => {
  it.each([
    ['a literal', '{ clients(first: 7) { totalCount } }', undefined, 'clients(first: 7)'],
    ['the schema default when first is left out', '{ clients { totalCount } }', undefined, 'clients(first: 20)'],
    ['a variable', 'query($n: Int) { clients(first: $n) { totalCount } }', { n: 99 }, 'clients(first: 99)'],
    ['the variable default', 'query($n: Int = 42) { clients(first: $n) { totalCount } }', {}, 'clients(first: 42)'],
    ['the schema default for a variable not given', 'query($n: Int) { clients(first: $n) { totalCount } }', {}, 'clients(first: 20)'],
    ['the schema default for a variable that is no integer', 'query($n: Int) { clients(first: $n) { totalCount } }', { n: 'many' }, 'clients(first: 20)'],
    ['the audit trail default', '{ auditTrail(filter: {}) { totalCount } }', undefined, 'auditTrail(filter: {}, first: 50)'],
  ])('writes in %s', (_name, query, variables, expected) => {
    expect(sized(query, variables)).toContain(expected);
  });

  it('keeps the other arguments and leaves fields without pages alone, in fragments too', () => {
    const out = sized('query($a: String) { ...Page client(id: "K-1") { id } } fragment Page on Query { clients(after: $a, filter: { town: NEUSS }) { totalCount } }');
    expect(out).toContain('clients(after: $a, filter: {town: NEUSS}, first: 20)');
    expect(out).toContain('client(id: "K-1")');
  });

  it('returns the operation of the rewritten document', () => {
    const document = parse('query A { client(id: "1") { id } } query B { clients { totalCount } }');
    const b = getOperationAST(document, 'B') ?? undefined;
    const result = resolvePageSizes(schema, document, b);
    expect(result.operation?.name?.value).toBe('B');
    expect(print(result.operation!)).toContain('first: 20');
  });
});
