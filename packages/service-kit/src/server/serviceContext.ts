import type { Caller, Logger } from '@kim/core';
import type { ConsentLoader } from '../consent/createConsentLoader.ts';
import type { RuleOutcomes } from '../guard/ruleOutcomes.ts';

/** What every resolver of every service gets: built anew for each request, never shared. */
export interface ServiceContext {
  readonly caller: Caller;
  readonly consent: ConsentLoader;
  /** The category rules' outcomes per client, for this request only. */
  readonly ruleOutcomes: RuleOutcomes;
  /** The clients with an active grant to the caller's agency for its purpose (asked on demand). */
  readonly sharedClientIds: () => Promise<readonly string[]>;
  /** One call to the consent service on behalf of this request, answered or ConsentUnavailableError. */
  readonly askConsent: (path: string, body: unknown) => Promise<unknown>;
  readonly log: Logger;
  /** Consent decisions recorded for this request so far (reported to the gateway, which charges them). */
  readonly recorded: { decisions: number; bundles?: Record<string, string[]> };
}
