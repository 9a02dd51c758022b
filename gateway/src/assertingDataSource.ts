import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ASSERTION_HEADER, signAssertion, type Caller } from '@kim/subgraph-runtime';
import type { CryptoKey } from 'jose';

export interface GatewayContext {
  readonly caller: Caller;
}

/**
 * Sends each subgraph request with one fresh assertion addressed to that subgraph, and nothing
 * of the caller's own headers: services trust the gateway's signature, never what a caller says.
 */
export class AssertingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly service: string,
    url: string,
    private readonly privateKey: CryptoKey,
    private readonly timeoutMs: number,
  ) {
    super({
      url,
      fetcher: (input, init) => fetch(input as string, { ...(init as RequestInit), signal: AbortSignal.timeout(this.timeoutMs) }) as never,
    });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers || !('caller' in context) || !context.caller) return;
    headers.set(ASSERTION_HEADER, await signAssertion(this.privateKey, context.caller, this.service));
  }
}
