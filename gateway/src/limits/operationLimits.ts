import { ApolloArmor } from '@escape.tech/graphql-armor';
import { hubError } from '@kim/core';
import { validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';

/** How big an operation may be. Each is configurable (see env.ts); the defaults fit the hub's own queries. */
export interface OperationLimits {
  /** Nesting of selections: `clients { edges { node { contact { phone } } } }` is 5. */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** Lexical tokens of the whole document, checked while parsing. */
  readonly maxTokens: number;
  /** graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, × each page's `first`. */
  readonly maxCost: number;
}

/**
 * Defaults, measured on the hub's own queries: the joined client view costs 95 (depth 3), a
 * page of 100 clients with fields of every agency 23 000 (depth 5, 92 tokens), a DPO's
 * page of 500 audit entries 35 500; three full pages of clients in one request do not pass.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = Object.freeze({
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 1000,
  maxCost: 50_000,
});

export function queryTooComplex(message: string): GraphQLError {
  const error = hubError('QUERY_TOO_COMPLEX', message);
  // Read by Apollo Server for the HTTP status; formatError never passes it on.
  error.extensions.http = { status: 400 };
  return error;
}

/** graphql-armor prefixes every refusal with "Syntax Error: ", which it is not. */
function report(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(queryTooComplex(error.message.replace(/^Syntax Error: /, '')));
}

/**
 * graphql-armor's depth, alias, directive and cost rules, reporting QUERY_TOO_COMPLEX.
 * Not armor's token limit: under Apollo Server it turns every syntax error into HTTP 500
 * (graphql-armor#751); graphql-js's own parser limit does that job (`parseOptions`). Not armor's
 * suggestion masking either: its pattern misses enum suggestions; formatError removes them all.
 */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  // Fresh option objects per protection: armor writes into them.
  const options = () => ({ propagateOnRejection: false, onReject: [report], exposeLimits: true });
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...options() },
    maxAliases: { n: limits.maxAliases, ...options() },
    maxDirectives: { n: limits.maxDirectives, ...options() },
    costLimit: { maxCost: limits.maxCost, ...options() },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect().validationRules;
}

/** The first limit the document breaks, or undefined. The document is already valid. */
export function exceededLimit(schema: GraphQLSchema, document: DocumentNode, rules: readonly ValidationRule[]): GraphQLError | undefined {
  return validate(schema, document, rules)[0];
}
