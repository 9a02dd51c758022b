import type { PersonaName } from '@kim/demo';
import type { Purpose } from '@kim/schema';
import type { TestHub } from '../support/testHub.ts';

/** A response exactly as it came over the wire, to compare two answers byte for byte. */
export interface RawResponse {
  readonly status: number;
  readonly text: string;
}

export async function rawQuery(hub: TestHub, persona: PersonaName, purpose: Purpose, query: string, variables?: Record<string, unknown>): Promise<RawResponse> {
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.token(persona)}`, 'x-kim-purpose': purpose },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}
