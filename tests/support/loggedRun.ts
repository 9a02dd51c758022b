// A whole hub with demo data and every service logging at `info` to stdout, as a deployment
// logs; runs a set of requests (pages, joined views, refusals, case work, bad tokens) and ends.
// Started as a child process by tests/logs.e2e.ts, which reads what it logged. Writes one JSON
// line to stderr when done: each request's error codes and request id, so that the test knows
// they did what it meant and finds their lines.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, startHub, type PersonaName } from '@kim/demo';

/** Clients seeded (the first argument): tests/logs.e2e.ts greps the log for each one's name. */
const clients = Number(process.argv[2] ?? 60);

const PAGE_WITH_FORBIDDEN = '{ clients(first: 40) { edges { node { id consents { grantee } } } } }';
const JOINED = `{ client(id: "K-000001") { givenName familyName birthDate town currentResidenceTitleType receivesBenefits languageLevel
  naturalisationReadiness { ready unmetRequirements } consents { grantee active } referrals { reason } healthNotes { text } } }`;
const PAGE = '{ clients(first: 40) { totalCount edges { node { id givenName familyName birthDate nationality contact { phone email address } languageLevel } } } }';

const run: { persona: PersonaName | null; query: string; token?: string; purpose?: string }[] = [
  { persona: 'jobcenter', query: PAGE_WITH_FORBIDDEN },
  { persona: 'cm-neuss', query: PAGE },
  { persona: 'cm-neuss', query: JOINED },
  { persona: 'jobcenter', query: JOINED, purpose: 'LABOUR_MARKET_INTEGRATION' },
  { persona: 'abh', query: JOINED },
  { persona: 'abh', query: PAGE },
  { persona: 'welfare-caritas', query: PAGE },
  { persona: 'ki', query: PAGE },
  { persona: 'dpo', query: '{ auditTrail(filter: { clientId: "K-000001" }, first: 50) { edges { node { agency reason } } } }' },
  { persona: 'cm-dormagen', query: JOINED },
  {
    persona: 'cm-neuss',
    query:
      'mutation { registerClient(input: {givenName: "Amal", familyName: "Haddad", birthDate: "2001-04-12", nationality: "syrisch", firstContactOn: "2026-12-01", residenceTitleType: AUFENTHALTSERLAUBNIS, priorCaseManagement: false}) { clientId } }',
  },
  { persona: null, query: '{ __typename }', token: 'not.a.token' },
  { persona: 'welfare-caritas', query: '{ __typename }', purpose: 'RESIDENCE_PROCEDURE' },
];

const hub = await startHub({
  dataDir: 'memory://',
  keysDir: mkdtempSync(join(tmpdir(), 'kim-keys-')),
  port: 0,
  seed: { count: clients },
  env: { LOG_LEVEL: 'info', KIM_RATE_LIMIT_CAPACITY: '1000000', KIM_RATE_LIMIT_REFILL_PER_MINUTE: '1000000' },
});
const codes: string[][] = [];
const requestIds: (string | null)[] = [];
try {
  for (const step of run) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = step.token ?? (step.persona ? await issueToken(hub.idpPrivateKeyPem, step.persona) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    if (step.purpose) headers['x-kim-purpose'] = step.purpose;
    const response = await fetch(hub.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query: step.query }) });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    codes.push((body.errors ?? []).map((e) => e.extensions?.code ?? '?'));
    requestIds.push(response.headers.get('x-request-id'));
  }
} finally {
  await hub.stop();
}
process.stderr.write(`${JSON.stringify({ codes, requestIds })}\n`);
