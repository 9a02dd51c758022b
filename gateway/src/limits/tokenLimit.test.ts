import { GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { asTokenLimitError, tokenLimitParseOptions } from './tokenLimit.ts';

/** What Apollo Server makes of a syntax error: graphql-js's message, code GRAPHQL_PARSE_FAILED. */
function parseFailure(query: string, maxTokens: number) {
  try {
    parse(query, tokenLimitParseOptions(maxTokens));
  } catch (error) {
    if (error instanceof GraphQLError) return { message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
  }
  return undefined;
}

describe('the token limit', () => {
  it('lets a document of exactly the limit through the parser', () => {
    // `{ client ( id : "1" ) { id } }` is 11 tokens.
    expect(parseFailure('{ client(id: "1") { id } }', 11)).toBeUndefined();
  });

  it('turns graphql-js\'s refusal of one token more into QUERY_TOO_COMPLEX', () => {
    const failure = parseFailure('{ client(id: "1") { id } }', 10);
    expect(failure).toBeDefined();
    expect(asTokenLimitError(failure!)).toEqual({ message: 'Token limit of 10 exceeded.', extensions: { code: 'QUERY_TOO_COMPLEX' } });
  });

  it('leaves other syntax errors as they are', () => {
    const failure = parseFailure('{ client(id: "1") { id }', 100)!;
    expect(asTokenLimitError(failure)).toBe(failure);
  });
});
