import { parse, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_AGENCIES_CLIENT_FIELDS, loadApiSchema } from './apiSchema.testSupport.ts';
import { DEFAULT_OPERATION_LIMITS, exceededLimit, operationLimitRules, type OperationLimits } from './operationLimits.ts';
import { resolvePageSizes } from './resolvePageSizes.ts';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await loadApiSchema();
});

function check(query: string, limits: OperationLimits = DEFAULT_OPERATION_LIMITS) {
  const document = parse(query, { maxLexicalTokens: limits.maxTokens });
  const sized = resolvePageSizes(schema, document, undefined).document;
  const error = exceededLimit(schema, sized, operationLimitRules(limits));
  return error && { message: error.message, code: error.extensions.code, status: (error.extensions.http as { status: number }).status };
}

const README_QUERY = '{ client(id: "K-000001") { givenName town currentResidenceTitleType receivesBenefits languageLevel naturalisationReadiness { ready unmetRequirements } consents { grantee active } } }';
const PAGE = (first: number) => `clients(first: ${first}) { totalCount edges { cursor node { ${ALL_AGENCIES_CLIENT_FIELDS} } } pageInfo { hasNextPage endCursor } }`;
const AUDIT_PAGE = '{ auditTrail(filter: {}, first: 500) { edges { node { seq at requestId subject agency role purpose service clientId category allowed reason basis grantId hash prevHash } } pageInfo { hasNextPage endCursor } } }';

describe('the default operation limits', () => {
  it.each([
    ['the README query', README_QUERY],
    ['the joined client view', `query($id: ID!) { client(id: $id) { ${ALL_AGENCIES_CLIENT_FIELDS} } }`],
    ['a page of 100 clients with fields of every agency', `{ ${PAGE(100)} }`],
    ['two such pages', `{ a: ${PAGE(100)} b: ${PAGE(100)} }`],
    ['a page of 500 audit entries', AUDIT_PAGE],
  ])('let %s through', (_name, query) => {
    expect(check(query)).toBeUndefined();
  });

  it('refuse three full pages of clients in one request, as too costly', () => {
    expect(check(`{ a: ${PAGE(100)} b: ${PAGE(100)} c: ${PAGE(100)} }`)).toEqual({
      message: 'Query Cost limit of 50000 exceeded, found 69000.',
      code: 'QUERY_TOO_COMPLEX',
      status: 400,
    });
  });
});

describe('operationLimitRules', () => {
  const tight: OperationLimits = { maxDepth: 3, maxAliases: 1, maxDirectives: 1, maxTokens: 100, maxCost: 20 };

  it.each([
    ['depth', '{ client(id: "1") { contact { phone } } }', '{ clients(first: 1) { edges { node { id } } } }', 'Query depth limit of 3 exceeded, found 4.'],
    ['aliases', '{ a: client(id: "1") { id } }', '{ a: client(id: "1") { id } b: client(id: "2") { id } }', 'Aliases limit of 1 exceeded, found 2.'],
    ['directives', '{ client(id: "1") { id @include(if: true) } }', '{ client(id: "1") { id @include(if: true) givenName @skip(if: false) } }', 'Directives limit of 1 exceeded, found 2.'],
    // An object costs 2 and each scalar in it 1.5 (one level down): 2 + 12 × 1.5 = 20.
    ['cost', `{ client(id: "1") { ${'id '.repeat(12)}} }`, `{ client(id: "1") { ${'id '.repeat(13)}} }`, 'Query Cost limit of 20 exceeded, found 21.5.'],
  ])('refuses one over the %s limit as QUERY_TOO_COMPLEX, and lets the one at it through', (_name, at, over, message) => {
    expect(check(at, tight)).toBeUndefined();
    expect(check(over, tight)).toEqual({ message, code: 'QUERY_TOO_COMPLEX', status: 400 });
  });

  it('counts the page size a variable or default sets', () => {
    // A default page of 20 costs 20 × 3.5 = 70, not the 3.5 a literal-only reading would see.
    expect(check('{ clients { totalCount } }', { ...tight, maxCost: 69 })?.message).toBe('Query Cost limit of 69 exceeded, found 70.');
    expect(check('{ clients { totalCount } }', { ...tight, maxCost: 70 })).toBeUndefined();
  });
});
