import type { ApolloServerPlugin } from '@apollo/server';
import { hubError } from '@kim/core';
import type { GraphQLError, OperationDefinitionNode, ValidationRule } from 'graphql';
import type { GatewayContext } from '../assertingDataSource.ts';
import type { AgencyRateLimiter } from './agencyRateLimiter.ts';
import { exceededLimit } from './operationLimits.ts';
import { requestedObjects } from './requestedObjects.ts';
import { resolvePageSizes } from './resolvePageSizes.ts';

/**
 * Once the operation is known (parsed, valid, variables at hand) and before any subgraph is
 * asked: refuses it when it cannot run (BAD_REQUEST) or breaks a limit (QUERY_TOO_COMPLEX), else
 * charges the user and agency for the objects it asks for (RATE_LIMITED when a budget does not
 * cover them); once it ran, charges the consent decisions it made the services record. The
 * limits run here rather than as validation rules so that page sizes from variables and defaults
 * count, and so that their code survives (Apollo Server recodes every validation error as
 * GRAPHQL_VALIDATION_FAILED).
 */
export function operationGuard(rules: readonly ValidationRule[], rateLimiter: AgencyRateLimiter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        // What the request made the services decide and record, known once it ran (each decision
        // an audit row): charged after the fact, so that a cheap query matching many clients
        // cannot write the audit log faster than its user's budget allows.
        async willSendResponse({ contextValue }) {
          if (contextValue?.caller && contextValue.recorded) await rateLimiter.chargeAfter(contextValue.caller, contextValue.recorded.decisions);
        },
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const unrunnable = notRunnable(operation, request.operationName);
          if (unrunnable) throw unrunnable;
          const sized = resolvePageSizes(schema, document, operation, request.variables);
          const exceeded = exceededLimit(schema, sized.document, rules);
          if (exceeded) throw exceeded;
          if (sized.operation) await rateLimiter.chargeObjects(contextValue.caller, requestedObjects(schema, sized.document, sized.operation));
        },
      };
    },
  };
}

/**
 * An operation the gateway cannot run is the caller's mistake, not the hub's: no operation of
 * that name (or several and no name), or a subscription (the gateway serves none). Left to
 * @apollo/gateway, each became HTTP 500; here each is HTTP 400 with BAD_REQUEST.
 */
function notRunnable(operation: OperationDefinitionNode | undefined, operationName: string | undefined | null): GraphQLError | null {
  let message: string | null = null;
  if (!operation) message = operationName ? 'No operation of that operationName in the document.' : 'Name the operation to run (operationName): the document has several.';
  else if (operation.operation === 'subscription') message = 'Subscriptions are not served.';
  if (message === null) return null;
  const error = hubError('BAD_REQUEST', message);
  // Read by Apollo Server for the HTTP status; formatError never passes it on.
  error.extensions.http = { status: 400 };
  return error;
}
