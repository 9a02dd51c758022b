import { CATEGORY_SOURCE, type DataCategory } from '@kim/schema';
import { matchDecisions, type Caller, type ConsentDecision } from '@kim/service-kit';
import { decisionRecord } from '../../consent/src/audit/decisionRecord.ts';
import { decide, type ActiveGrant } from '../../consent/src/decisions/decide.ts';
import { parseQuestions } from '../../consent/src/decisions/readQuestionRequest.ts';

/**
 * `npx tsx bench/src/decisionObjects.ts`: CPU per consent decision of the objects the hub builds
 * for it, in one process, no database and no network — the consent service's parse of the
 * questions, `decide` and the audit record of each, its answer as JSON, and the subgraph's
 * `matchDecisions` of that answer. A page of 50 clients × 6 categories as the jobcenter asks it
 * (a third of the questions about a derived field's input, with a `source`; grants for some).
 * Median of 5 samples of 400 calls. Issue 18 item 5: object spread with added properties hits a
 * slow path on Node 20; this shows what the decision path pays for it.
 */
const CLIENTS = 50;
const CATEGORIES: DataCategory[] = ['BENEFITS', 'EMPLOYMENT', 'EDUCATION_LANGUAGE', 'IDENTITY', 'RESIDENCE', 'CONTACT'];
// The jobcenter's own categories plainly; every third question about a derived field's input at its source.
const questions = Array.from({ length: CLIENTS }, (_, i) =>
  CATEGORIES.map((category, k) => (k % 3 === 2 ? { clientId: `K-${i}`, category, source: CATEGORY_SOURCE[category] } : { clientId: `K-${i}`, category })),
).flat();
const body = JSON.parse(JSON.stringify({ questions })) as unknown;
const grants: ActiveGrant[] = Array.from({ length: CLIENTS }, (_, i) => ({
  id: `g-${i}`, kimClientId: `K-${i}`, grantee: 'JOBCENTER', categories: ['EDUCATION_LANGUAGE', 'IDENTITY'], purposes: ['LABOUR_MARKET_INTEGRATION'], legalBasis: 'CONSENT',
}));
const grantsOf = new Map(grants.map((g) => [g.kimClientId, [g]]));
const caller: Caller = { subject: 'bench', agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', purpose: 'LABOUR_MARKET_INTEGRATION', requestId: 'r' };
const at = new Date();

function call(): number {
  const parsed = parseQuestions(body);
  if (!parsed) throw new Error('questions refused');
  const decisions: ConsentDecision[] = [];
  let records = 0;
  for (const q of parsed) {
    const d = decide({ agency: caller.agency, purpose: caller.purpose, service: q.source ?? 'jobcenter' }, q, grantsOf.get(q.clientId) ?? []);
    decisions.push(d);
    if (decisionRecord(caller, 'jobcenter', at, d).allowed) records++;
  }
  const answer = JSON.parse(JSON.stringify({ decisions })) as unknown;
  const matched = matchDecisions(parsed, answer);
  if (matched.length !== parsed.length || matched.some((d) => d.reason === 'TECHNICAL')) throw new Error('answers do not match');
  return records;
}

for (let i = 0; i < 200; i++) call();
const samples: number[] = [];
for (let k = 0; k < 5; k++) {
  const before = process.cpuUsage();
  for (let i = 0; i < 400; i++) call();
  const used = process.cpuUsage(before);
  samples.push((used.user + used.system) / 400);
}
samples.sort((a, b) => a - b);
const median = samples[2]!;
process.stdout.write(
  `${questions.length} questions per call: ${(median / 1000).toFixed(3)} ms CPU per call ` +
    `(samples ${samples.map((s) => (s / 1000).toFixed(3)).join(' / ')}), ${(median / questions.length).toFixed(2)} µs per decision\n`,
);
