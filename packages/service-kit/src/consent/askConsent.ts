import { CONSENT_TICKET_HEADER, type JsonResponse, type PostJson } from '@kim/core';

export class ConsentUnavailableError extends Error {
  constructor(cause: string) {
    super(`consent service unavailable: ${cause}`);
    this.name = 'ConsentUnavailableError';
  }
}

/** Where and how a subgraph calls the consent service for one request. */
export interface ConsentCallOptions {
  readonly consentUrl: string;
  /**
   * The gateway's consent ticket this request arrived with (a MAC under the consent service's
   * key, naming this subgraph and the request): forwarded as it is, the subgraph cannot forge it.
   */
  readonly ticket: string;
  readonly timeoutMs: number;
  /** How the calls are sent (createPostJson, made once per service). */
  readonly post: PostJson;
}

/**
 * One call to the consent service that must be answered: the answer's body, or
 * ConsentUnavailableError when it refused (an HTTP status) or never answered usably (network,
 * timeout, a body that is not JSON) — the caller then fails closed.
 */
export async function askConsent(options: ConsentCallOptions, path: string, body: unknown): Promise<unknown> {
  let response: JsonResponse;
  try {
    response = await options.post(`${options.consentUrl}${path}`, { [CONSENT_TICKET_HEADER]: options.ticket }, body, options.timeoutMs);
  } catch (error) {
    throw new ConsentUnavailableError((error as Error).name);
  }
  if (!response.ok) throw new ConsentUnavailableError(`HTTP ${response.status}`);
  return response.body;
}
