import { formatHubError } from '@kim/core';
import type { GraphQLFormattedError } from 'graphql';
import { asTokenLimitError } from './limits/tokenLimit.ts';

export { withoutSuggestions } from '@kim/core';

/**
 * What leaves the gateway of an error: the hub's one format (formatHubError, which every
 * service applies too), after the token limit's syntax error is recoded as QUERY_TOO_COMPLEX.
 */
export function formatError(original: GraphQLFormattedError): GraphQLFormattedError {
  return formatHubError(asTokenLimitError(original));
}
