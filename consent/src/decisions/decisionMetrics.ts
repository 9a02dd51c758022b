import { DECISION_REASONS, type ConsentDecision } from '@kim/service-kit';
import { Counter, Histogram, type Registry } from 'prom-client';

/** What the consent service counts: its decisions and how long recording them takes. */
export interface DecisionMetrics {
  /** Counts decisions once they are committed (answered), by outcome and reason. */
  countDecisions(decisions: readonly ConsentDecision[]): void;
  /** Starts timing one group's decide-and-append transaction; call the result when it committed. */
  timeAppend(): () => void;
}

/**
 * Decisions by outcome (`allowed`, `denied`) and reason (a DecisionReason: OWNER, STATUTE, GRANT,
 * NO_BASIS, LEGALLY_BARRED, TECHNICAL, …): labels from fixed lists only, never a client, category
 * value or caller. Audit append latency: one group's transaction (chain lock, read, append,
 * commit), in seconds.
 */
export function decisionMetrics(registry: Registry): DecisionMetrics {
  const decisions = new Counter({
    name: 'kim_consent_decisions_total',
    help: 'Consent decisions recorded in the audit chain and answered, by outcome and reason.',
    labelNames: ['outcome', 'reason'] as const,
    registers: [registry],
  });
  // Every series from the start, so that a rate over a reason never seen yet reads 0, not nothing.
  for (const reason of DECISION_REASONS) for (const outcome of ['allowed', 'denied']) decisions.inc({ outcome, reason }, 0);
  const append = new Histogram({
    name: 'kim_consent_audit_append_seconds',
    help: "Duration of one group's decide-and-append transaction (chain lock, read, append, commit).",
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  return {
    countDecisions: (answered) => {
      for (const d of answered) decisions.inc({ outcome: d.allowed ? 'allowed' : 'denied', reason: d.reason });
    },
    timeAppend: () => append.startTimer(),
  };
}
