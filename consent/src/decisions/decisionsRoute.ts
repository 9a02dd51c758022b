import type { ServiceName } from '@kim/schema';
import { DECISIONS_PATH, consentQuestion, signDecisionBundle, type AssertionKey, type Caller, type ConsentDecision, type ConsentQuestion, type Logger, type PlannedForOthers } from '@kim/service-kit';
import express, { type Express } from 'express';
import type { DecisionRecorder } from './decideAndRecord.ts';
import { MAX_QUESTIONS, readQuestionRequest, validSource } from './readQuestionRequest.ts';

/** At most this many decisions are made ahead for other subgraphs in one call; beyond, they ask themselves. */
export const MAX_PLANNED_DECISIONS = 5_000;

/**
 * `POST /internal/decisions`: an agency subgraph forwards the gateway's consent ticket it was
 * called with; the ticket names the subgraph (and so the owner of the data) and the caller.
 *
 * When the ticket also names what the plan's later fetches of other subgraphs will ask (the
 * gateway's planned questions), those are decided and recorded here too, for the clients this
 * call asks about, in the same group commit; each such subgraph's decisions go back signed
 * (`bundles`), for the gateway to pass on. One consent round trip then serves the request.
 */
export function decisionsRoute(app: Express, deps: { recorder: DecisionRecorder; log: Logger; assertionKey: AssertionKey; sign: (message: string) => string }): void {
  app.post(DECISIONS_PATH, express.json({ limit: '2mb' }), async (req, res) => {
    const request = readQuestionRequest(req, res, deps.assertionKey);
    if (!request) return;
    const { caller, service, questions, planned } = request;
    try {
      const ahead = plannedJobs(planned, questions);
      // Submitted in the same tick: one group, one transaction (groupCommit.ts).
      const [decisions, ...others] = await Promise.all([
        deps.recorder.decide(caller, service, questions),
        ...ahead.map((job) => deps.recorder.decide(caller, job.service, job.questions)),
      ]);
      if (ahead.length === 0) {
        res.json({ decisions });
        return;
      }
      res.json({ decisions, bundles: bundlesOf(deps.sign, caller, ahead, others), bundled: others.reduce((n, d) => n + d.length, 0) });
    } catch (err) {
      deps.log.error({ err, requestId: caller.requestId }, 'could not decide or record; refusing');
      res.status(503).json({ error: 'CONSENT_UNAVAILABLE' });
    }
  });
}

type PlannedJob = { readonly service: ServiceName; readonly questions: ConsentQuestion[] };

/** The planned questions of each other subgraph for the clients of this call; none beyond MAX_PLANNED_DECISIONS. */
function plannedJobs(planned: PlannedForOthers, questions: readonly ConsentQuestion[]): PlannedJob[] {
  const entries = Object.entries(planned) as [ServiceName, NonNullable<PlannedForOthers[keyof PlannedForOthers]>][];
  if (entries.length === 0) return [];
  const clients = [...new Set(questions.map((q) => q.clientId))];
  const total = entries.reduce((n, [, templates]) => n + templates.length, 0) * clients.length;
  if (total === 0 || total > MAX_PLANNED_DECISIONS || total + questions.length > MAX_QUESTIONS) return [];
  return entries
    .map(([service, templates]) => ({
      service,
      // A source other than the input category's own is never decided (as in parseQuestions).
      questions: clients.flatMap((clientId) => templates.filter(validSource).map((t) => consentQuestion(clientId, t.category, t.source, undefined))),
    }))
    .filter((job) => job.questions.length > 0);
}

function bundlesOf(sign: (message: string) => string, caller: Caller, jobs: readonly PlannedJob[], decided: readonly ConsentDecision[][]): Record<string, string> {
  const bundles: Record<string, string> = {};
  jobs.forEach((job, i) => {
    bundles[job.service] = signDecisionBundle(sign, caller, job.service, decided[i]!);
  });
  return bundles;
}
