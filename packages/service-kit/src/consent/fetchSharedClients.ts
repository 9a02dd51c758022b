import { ConsentUnavailableError, askConsent, type ConsentCallOptions } from './askConsent.ts';
import { SHARED_CLIENTS_PATH } from '@kim/core';

/** Asks the consent service which clients share anything with the caller; fails closed. */
export async function fetchSharedClients(options: ConsentCallOptions): Promise<readonly string[]> {
  const body = await askConsent(options, SHARED_CLIENTS_PATH, undefined);
  const ids = (body as { clientIds?: unknown } | null)?.clientIds;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new ConsentUnavailableError('malformed answer');
  return ids as string[];
}
