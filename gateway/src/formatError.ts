import { ERROR_CODES, type ErrorCode } from '@kim/subgraph-runtime';
import type { GraphQLFormattedError } from 'graphql';
import { asTokenLimitError } from './limits/tokenLimit.ts';

/** Extensions a caller may see besides `code`: they name what was refused, never a value. */
const SAFE_EXTENSIONS = ['category', 'argument', 'norm'] as const;

const isKnownCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in ERROR_CODES;

/**
 * graphql-js ends messages with "Did you mean …?" naming fields, arguments, types and enum
 * values near a typo: a map of the schema for whoever probes it. Cut from there to the end.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean\b[\s\S]*$/, '');
}

/**
 * What leaves the gateway of an error: message, locations, path, code and the safe extensions.
 * Stack traces, `serviceName`, subgraph URLs, response bodies and SQL never do; an error
 * without a code of our catalogue becomes a generic INTERNAL_SERVER_ERROR (the log has it).
 * No message keeps a suggestion.
 */
export function formatError(original: GraphQLFormattedError): GraphQLFormattedError {
  const formatted = asTokenLimitError(original);
  const code = formatted.extensions?.code;
  const known = isKnownCode(code) && code !== 'INTERNAL_SERVER_ERROR';
  const extensions: Record<string, unknown> = { code: known ? code : 'INTERNAL_SERVER_ERROR' };
  if (known) {
    for (const key of SAFE_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
  }
  return {
    message: known ? withoutSuggestions(formatted.message) : 'Internal error; quote the x-request-id response header to the operators.',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}
