import { CONSENT_TICKET_HEADER, TECHNICAL_DENIALS_PATH, type ConsentQuestion } from '@kim/core';
import type { ConsentCallOptions } from './askConsent.ts';

/**
 * Tells the consent service which questions this subgraph denied because the answer it got was
 * unusable, so that the audit chain holds a TECHNICAL refusal for each. Resolves once recorded;
 * rejects otherwise (the denial stands either way: the caller then only logs).
 */
export async function reportTechnicalDenials(
  options: ConsentCallOptions,
  questions: readonly ConsentQuestion[],
): Promise<void> {
  if (questions.length === 0) return;
  const response = await options.post(
    `${options.consentUrl}${TECHNICAL_DENIALS_PATH}`,
    { [CONSENT_TICKET_HEADER]: options.ticket },
    { questions: questions.map(({ clientId, category, source }) => ({ clientId, category, ...(source ? { source } : {}) })) },
    options.timeoutMs,
  );
  if (!response.ok) throw new Error(`technical denials not recorded: HTTP ${response.status}`);
}
