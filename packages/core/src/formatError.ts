import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from './errors.ts';

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
 * What leaves the hub of an error — the gateway's answers and every service's alike (a service
 * is reached directly by whoever holds an assertion for it): message, locations, path, code and
 * the safe extensions. Stack traces, `serviceName`, URLs, response bodies, SQL and Prisma's
 * messages (with file paths and source lines) never do; an error without a code of our catalogue
 * becomes a generic INTERNAL_SERVER_ERROR (the log has it). No message keeps a suggestion.
 */
export function formatHubError(formatted: GraphQLFormattedError): GraphQLFormattedError {
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
