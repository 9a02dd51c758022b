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
  readonly #byRule = new Map<string, Map<string, Decided>>();

  /**
   * The rule's outcome for this client, decided by `decide(input, clientId)` the first time it is
   * asked. INTENTIONAL: a function and its input rather than a closure, and a map per rule rather
   * than one keyed by a joined string: a field whose outcome is known allocates nothing.
   */
  of<I>(clientId: string, rule: string, decide: (input: I, clientId: string) => Promise<CategoryOutcome>, input: I): Promise<CategoryOutcome> {
    let clients = this.#byRule.get(rule);
    if (!clients) this.#byRule.set(rule, (clients = new Map()));
    let decided = clients.get(clientId);
    if (!decided) {
      const entry: Decided = { outcome: decide(input, clientId), settled: undefined };
      // A decider that rejects leaves nothing settled (the field's own await reports it).
      void entry.outcome.then(
        (o) => {
          entry.settled = o;
        },
        () => undefined,
      );
      clients.set(clientId, (decided = entry));
    }
    return decided.outcome;
  }

  /**
   * The rule's outcome for this client if it is already decided, synchronously; undefined while
   * it is still being decided or was never asked (then `of` decides it). A field guard reads this
   * first: a client's later fields need neither a promise nor a tick.
   */
  settled(clientId: string, rule: string): CategoryOutcome | undefined {
    return this.#byRule.get(rule)?.get(clientId)?.settled;
  }
}

interface Decided {
  readonly outcome: Promise<CategoryOutcome>;
  settled: CategoryOutcome | undefined;
}
