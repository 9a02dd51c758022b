import type { DataCategory } from '@kim/schema';

/** What a category rule decided for one parent object: allowed, refused for a category, or undecidable. */
export type CategoryOutcome =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'denied'; readonly category: DataCategory }
  | { readonly kind: 'unavailable' };

/**
 * The outcome of each category rule for each parent object of ONE request (made per request
 * with its context, never shared): a client's fields of one category (a page's name, date of
 * birth and nationality are all IDENTITY) are decided once, not once per field. The decision is
 * the same either way — the parent names the client, the rule names the questions, and the
 * request's consent loader answers each question once — but a field then costs a lookup instead
 * of a question list, a `loadMany` and its checks. Each field still gets its own result (a
 * refusal names the field's own path).
 */
export class RuleOutcomes {
  readonly #byParent = new WeakMap<object, Map<string, Promise<CategoryOutcome>>>();

  /** The rule's outcome for this parent, decided by `decide` the first time it is asked. */
  of(parent: unknown, rule: string, decide: () => Promise<CategoryOutcome>): Promise<CategoryOutcome> {
    if (typeof parent !== 'object' || parent === null) return decide();
    let rules = this.#byParent.get(parent);
    if (!rules) this.#byParent.set(parent, (rules = new Map()));
    let outcome = rules.get(rule);
    if (!outcome) rules.set(rule, (outcome = decide()));
    return outcome;
  }
}
