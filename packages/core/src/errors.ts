import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { LEGAL_BAR_NAMES, type DataCategory, type LegalBar } from '@kim/schema';

/**
 * The error codes a caller can see, each defined once. Codes are stable API: clients branch on
 * `extensions.code`, never on message text.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: 'No valid token, or a token the hub does not accept.',
  FORBIDDEN: 'The caller is known but its role may not do this (or declare this purpose).',
  CONSENT_REQUIRED: 'No consent or statutory basis lets this agency see this category of this client for this purpose.',
  LEGALLY_BARRED: 'A norm bars this transfer whatever the consent (`extensions.norm`); a consent cannot open it.',
  CONSENT_UNAVAILABLE: 'The consent service could not decide or record the decision; nothing was disclosed.',
  NOT_FOUND: 'No such object, or none the caller may know of.',
  SERVICE_UNAVAILABLE: 'An agency service did not answer in time; its fields are null, everything else is complete.',
  BAD_USER_INPUT: 'An argument is malformed or out of range.',
  CLIENT_ALREADY_REGISTERED: 'Intake refused: a KIM team already holds a person with this name and birth date (nothing of that record is named).',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request the hub accepts.',
  GRAPHQL_VALIDATION_FAILED: 'The operation does not match the schema.',
  GRAPHQL_PARSE_FAILED: 'The operation is not valid GraphQL.',
  QUERY_TOO_COMPLEX: 'The operation exceeds a gateway limit (depth, aliases, directives, tokens or cost); nothing was run.',
  RATE_LIMITED: 'The user or its agency has used up its budget, or the address failed authentication too often, for now (HTTP 429, `retry-after`); nothing was run.',
  RATE_LIMIT_UNAVAILABLE: 'The budgets replicas share (Redis) could not be checked (HTTP 503); nothing was run.',
  INTERNAL_SERVER_ERROR: 'Something failed inside the hub; the log has the detail under the request id.',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** The field a refusal is the answer for (a resolver's or rule's `info`). */
export type ErrorSite = Pick<GraphQLResolveInfo, 'fieldNodes' | 'path'>;

/**
 * These errors are answers (a refusal, a bad argument), not faults: a stack trace would say
 * nothing, never reaches a caller, and costs — so none is captured. Given its site, the error is
 * built already located (nodes and path): graphql-js then uses it as it is, where it would
 * otherwise build a second GraphQLError around it and copy — format, through source maps under
 * tsx — the original's `stack`, once per denied field.
 */
function answerError(message: string, extensions: Record<string, unknown>, site?: ErrorSite): GraphQLError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError(message, site ? { extensions, nodes: site.fieldNodes, path: responsePathAsArray(site.path) } : { extensions });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function hubError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return answerError(message, { code, ...extensions });
}

/** An error that refuses the whole request, with the HTTP status that says so. */
export function requestError(code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'SERVICE_UNAVAILABLE', message: string): GraphQLError {
  const status = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, SERVICE_UNAVAILABLE: 503 }[code];
  return answerError(message, { code, http: { status } });
}

export function consentRequired(category: DataCategory, site?: ErrorSite): GraphQLError {
  return answerError(`No consent or legal basis for data category ${category}.`, { code: 'CONSENT_REQUIRED', category }, site);
}

export function consentUnavailable(site?: ErrorSite): GraphQLError {
  return answerError('Consent could not be checked; nothing was disclosed.', { code: 'CONSENT_UNAVAILABLE' }, site);
}

/** A refusal by a norm that no consent lifts: its own code, so that nobody asks for a consent. */
export function legallyBarred(category: DataCategory, norm: LegalBar, site?: ErrorSite): GraphQLError {
  return answerError(`Barred by law for data category ${category}: ${LEGAL_BAR_NAMES[norm]}.`, { code: 'LEGALLY_BARRED', category, norm }, site);
}
