import { ASSERTION_HEADER } from '../auth/caller.ts';
import { ConsentUnavailableError, type ConsentLoaderOptions } from './createConsentLoader.ts';
import { SHARED_CLIENTS_PATH } from './decision.ts';

/** Asks the consent service which clients share anything with the caller; fails closed. */
export async function fetchSharedClients(options: ConsentLoaderOptions): Promise<readonly string[]> {
  let body: unknown;
  try {
    const response = await options.post(`${options.consentUrl}${SHARED_CLIENTS_PATH}`, { [ASSERTION_HEADER]: options.assertion }, undefined, options.timeoutMs);
    if (!response.ok) throw new ConsentUnavailableError(`HTTP ${response.status}`);
    body = response.body;
  } catch (error) {
    throw error instanceof ConsentUnavailableError ? error : new ConsentUnavailableError((error as Error).name);
  }
  const ids = (body as { clientIds?: unknown } | null)?.clientIds;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new ConsentUnavailableError('malformed answer');
  return ids as string[];
}
