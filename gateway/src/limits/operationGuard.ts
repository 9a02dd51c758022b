import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { GatewayContext } from '../assertingDataSource.ts';
import type { AgencyRateLimiter } from './agencyRateLimiter.ts';
import { exceededLimit } from './operationLimits.ts';
import { requestedObjects } from './requestedObjects.ts';
import { resolvePageSizes } from './resolvePageSizes.ts';

/**
 * Once the operation is known (parsed, valid, variables at hand) and before any subgraph is
 * asked: refuses it when it breaks a limit (QUERY_TOO_COMPLEX), else charges the agency for the
 * objects it asks for (RATE_LIMITED when the budget does not cover them). The limits run here
 * rather than as validation rules so that page sizes from variables and defaults count, and so
 * that their code survives (Apollo Server recodes every validation error as
 * GRAPHQL_VALIDATION_FAILED).
 */
export function operationGuard(rules: readonly ValidationRule[], rateLimiter: AgencyRateLimiter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const sized = resolvePageSizes(schema, document, operation, request.variables);
          const exceeded = exceededLimit(schema, sized.document, rules);
          if (exceeded) throw exceeded;
          // Without an operation Apollo Server refuses the request next; nothing runs to charge for.
          if (sized.operation) rateLimiter.chargeObjects(contextValue.caller.agency, requestedObjects(schema, sized.document, sized.operation));
        },
      };
    },
  };
}
