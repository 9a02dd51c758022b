import type { DataCategory, LegalBar } from '@kim/schema';

/** What a category rule decided for one client: allowed, refused for a category, or undecidable. */
export type CategoryOutcome =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'denied'; readonly category: DataCategory }
  | { readonly kind: 'barred'; readonly category: DataCategory; readonly norm: LegalBar }
  | { readonly kind: 'unavailable' };

/**
 * The outcome of each category rule for each client of ONE request (made per request with its
 * context, never shared): a client's fields of one category (a page's name, date of birth and
 * nationality are all IDENTITY), on the client and on each object of its own (every counselling
 * contact, its benefit case), are decided once, not once per field or per object. The outcome
 * depends on nothing else — the rule names the questions, the client id the client, and the
 * request's consent loader answers each question once — but a field then costs two lookups
 * instead of a question list, a `loadMany` and its checks. Each field still gets its own result
 * (a refusal names the field's own path).
 */
export class RuleOutcomes {
  readonly #byRule = new Map<string, Map<string, Promise<CategoryOutcome>>>();

  /** The rule's outcome for this client, decided by `decide` the first time it is asked. */
  of(clientId: string, rule: string, decide: () => Promise<CategoryOutcome>): Promise<CategoryOutcome> {
    // INTENTIONAL: a map per rule, not one keyed by a joined string: no string built per field.
    let clients = this.#byRule.get(rule);
    if (!clients) this.#byRule.set(rule, (clients = new Map()));
    let outcome = clients.get(clientId);
    if (!outcome) clients.set(clientId, (outcome = decide()));
    return outcome;
  }
}
