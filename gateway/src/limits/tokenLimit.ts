import type { GraphQLFormattedError, ParseOptions } from 'graphql';

/** Apollo Server parses with these: graphql-js itself stops lexing past the token limit. */
export function tokenLimitParseOptions(maxTokens: number): ParseOptions {
  return { maxLexicalTokens: maxTokens };
}

// graphql-js 16.15 words it "more that" (sic); the pattern takes "than" too, should it be fixed.
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * graphql-js reports the token limit as a syntax error (GRAPHQL_PARSE_FAILED); this gives it
 * the code of every other limit, QUERY_TOO_COMPLEX, and leaves any other error as it is.
 */
export function asTokenLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const match = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (!match) return formatted;
  return { message: `Token limit of ${match[1]} exceeded.`, extensions: { ...formatted.extensions, code: 'QUERY_TOO_COMPLEX' } };
}
