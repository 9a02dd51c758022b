import DataLoader from 'dataloader';
import { SERVICES, isDataCategory, type ServiceName } from '@kim/schema';
import { type Logger, DECISIONS_PATH, consentQuestion, parseTransferRequest, questionKey, questionKeyOf, technicalDenial, type ConsentDecision, type ConsentQuestion, type QuestionTemplate } from '@kim/core';
import { askConsent, type ConsentCallOptions } from './askConsent.ts';
import { reportTechnicalDenials } from './reportTechnicalDenials.ts';
import type { RequestDecisions } from './requestDecisions.ts';

export type ConsentLoader = DataLoader<ConsentQuestion, ConsentDecision, string>;

export interface ConsentLoaderOptions extends ConsentCallOptions {
  /** Where a technical denial that could not be recorded is logged (without client data). */
  readonly log?: Pick<Logger, 'error'>;
  /**
   * The decisions this gateway request already got in an earlier fetch of this subgraph, kept
   * for its later ones (createRequestDecisionStore); absent when the plan fetches it once.
   */
  readonly requestDecisions?: RequestDecisions;
  /**
   * What the later fetches of this request will ask for each client (plannedQuestions): asked
   * in the same call, for the clients this call asks about, and kept in `requestDecisions`.
   */
  readonly planned?: readonly QuestionTemplate[];
  /** Told how many decisions each call had recorded (answered, or reported as technical denials). */
  readonly onRecorded?: (decisions: number) => void;
  /** Given the signed decisions a call brought for other subgraphs' later fetches, by subgraph. */
  readonly onBundles?: (bundles: Readonly<Record<string, string>>) => void;
}

/**
 * The consent decisions of ONE request. DataLoader gathers every question asked in the same tick
 * into one call, and remembers answers for the rest of the request — never longer: a new loader
 * per request is what makes a revocation count on the very next request. When the gateway's
 * plan comes back to this subgraph, `requestDecisions` carries the answers from one fetch of the
 * same gateway request to the next, and `planned` has the first call ask the later fetches'
 * questions too.
 *
 * Whatever this subgraph denies on its own, because the answer was unusable or never came, is
 * reported back to be audited as a TECHNICAL refusal: awaited when the service answered (it is
 * up, so the record should land before the denial is served); not awaited when it did not (the
 * caller is not kept waiting a second timeout for a service that just failed).
 */
export function createConsentLoader(options: ConsentLoaderOptions): ConsentLoader {
  const report = (denied: readonly ConsentQuestion[]) =>
    reportTechnicalDenials(options, denied).then(() => options.onRecorded?.(denied.length)).catch((err: unknown) => {
      options.log?.error({ err, denied: denied.length }, 'technical denials could not be audited');
    });
  const kept = options.requestDecisions;
  const planned = kept ? (options.planned ?? []) : [];
  return new DataLoader<ConsentQuestion, ConsentDecision, string>(
    async (questions) => {
      // Each question's key once: DataLoader's batch holds each key once, and the answers, what
      // is kept and what is reported all go by it.
      const keys = questions.map(questionKey);
      const open = new Map<string, ConsentQuestion>();
      questions.forEach((q, i) => {
        if (!kept?.has(keys[i]!)) open.set(keys[i]!, q);
      });
      if (open.size === 0) return keys.map((k) => kept!.get(k)!);
      const asked = withPlanned(open, planned, kept);
      const askedQuestions = [...asked.values()];
      let body: unknown;
      try {
        body = await askConsent(options, DECISIONS_PATH, { questions: askedQuestions });
      } catch (error) {
        // Only what this fetch denies is a denial; a planned question is asked again when needed.
        void report([...open.values()]);
        throw error;
      }
      const { decisions: answered, bundles, bundled } = (body ?? {}) as { decisions?: unknown; bundles?: unknown; bundled?: unknown };
      if (Array.isArray(answered)) options.onRecorded?.(answered.length + (typeof bundled === 'number' ? bundled : 0));
      if (bundles && typeof bundles === 'object' && !Array.isArray(bundles)) {
        const tokens = Object.fromEntries(Object.entries(bundles).filter(([, t]) => typeof t === 'string')) as Record<string, string>;
        if (Object.keys(tokens).length > 0) options.onBundles?.(tokens);
      }
      // matchDecisions answers in the order asked, so each answer pairs with its question's key.
      const matched = matchDecisions(askedQuestions, body);
      const decisions = new Map([...asked.keys()].map((k, i) => [k, matched[i]!]));
      // A technical denial is never kept: a later fetch asks again rather than inherit a failure.
      if (kept) for (const [key, d] of decisions) if (d.reason !== 'TECHNICAL') kept.set(key, d);
      await report([...open.keys()].map((k) => decisions.get(k)!).filter((d) => d.reason === 'TECHNICAL'));
      return keys.map((k) => decisions.get(k) ?? kept!.get(k)!);
    },
    { cacheKeyFn: questionKey },
  );
}

/** The open questions by key, then the planned ones for each of their clients not yet answered or asked. */
function withPlanned(open: ReadonlyMap<string, ConsentQuestion>, planned: readonly QuestionTemplate[], kept: RequestDecisions | undefined): ReadonlyMap<string, ConsentQuestion> {
  if (planned.length === 0) return open;
  const asked = new Map(open);
  for (const clientId of new Set([...open.values()].map((q) => q.clientId))) {
    for (const template of planned) {
      const key = questionKeyOf(clientId, template.category, template.source, template.request);
      if (!asked.has(key) && !kept?.has(key)) asked.set(key, consentQuestion(clientId, template.category, template.source, template.request));
    }
  }
  return asked;
}

/**
 * Pairs each question with the decision the service gave for exactly that question. An answer
 * that is short, out of order, malformed or about something else never grants: a question
 * without a well-formed decision of its own is denied as a technical failure.
 */
export function matchDecisions(questions: readonly ConsentQuestion[], body: unknown): ConsentDecision[] {
  const byKey = decisionsByKey((body as { decisions?: unknown } | null)?.decisions);
  return questions.map((q) => byKey.get(questionKey(q)) ?? technicalDenial(q));
}

/**
 * The well-formed decisions of a list, by their question's key; one given twice is trusted in
 * neither form (a technical denial). Anything else in the list is dropped: its question then
 * has no answer here.
 */
export function decisionsByKey(decisions: unknown): Map<string, ConsentDecision> {
  const byKey = new Map<string, ConsentDecision>();
  if (!Array.isArray(decisions)) return byKey;
  for (const d of decisions as Partial<ConsentDecision>[]) {
    if (typeof d?.clientId !== 'string' || !isDataCategory(d.category) || typeof d.allowed !== 'boolean') continue;
    if (d.source !== undefined && !(SERVICES as readonly unknown[]).includes(d.source)) continue;
    let request: ConsentQuestion['request'];
    if (d.request !== undefined) {
      const parsed = parseTransferRequest(d.request);
      if (typeof parsed === 'string') continue;
      request = parsed;
    }
    // The answer's key from its parts: no question object built per decision.
    const source = d.source ? (d.source as ServiceName) : undefined;
    const key = questionKeyOf(d.clientId, d.category, source, request);
    // Two answers to one question: trust neither.
    if (byKey.has(key)) byKey.set(key, technicalDenial(consentQuestion(d.clientId, d.category, source, request)));
    else byKey.set(key, d as ConsentDecision);
  }
  return byKey;
}
