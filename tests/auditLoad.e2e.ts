import type { PersonaName } from '@kim/demo';
import type { Purpose } from '@kim/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './support/testHub.ts';
import { withClientIds } from './support/auditRows.ts';

const CALLERS = 50;
const REQUESTS = 2000;

let hub: TestHub;
beforeAll(async () => {
  // The whole hub runs in this one process: 50 callers saturate it on a small shared machine, and
  // the default timeouts would then (rightly) fail requests closed. This test is about the audit,
  // so it waits longer, and lifts the per-agency rate limit that 2,000 quick requests would meet.
  hub = await startTestHub('auditload', 60, {
    env: {
      KIM_CONSENT_TIMEOUT_MS: '60000',
      KIM_SUBGRAPH_TIMEOUT_MS: '120000',
      KIM_RATE_LIMIT_CAPACITY: '1000000',
      KIM_RATE_LIMIT_REFILL_PER_MINUTE: '1000000',
    },
  });
});
afterAll(async () => {
  await hub?.stop();
});

/** One kind of request, and the decisions it must cause: one per (service, client, category). */
interface Plan {
  readonly persona: PersonaName;
  readonly purpose?: Purpose;
  readonly query: string;
  readonly clientId: string;
  readonly decisions: readonly string[];
}

const decision = (service: string, clientId: string, category: string) => `${service}|${clientId}|${category}`;
const ownAndLanguage = (persona: PersonaName, clientId: string): Plan => ({
  persona,
  query: 'query($id: ID!) { client(id: $id) { givenName familyName languageLevel } }',
  clientId,
  // givenName and familyName are one category of one service: one decision between them.
  decisions: [decision('case-registry', clientId, 'IDENTITY'), decision('welfare', clientId, 'EDUCATION_LANGUAGE')],
});
const aliased = (clientId: string): Plan => ({
  persona: 'cm-neuss',
  query: 'query($id: ID!) { a: client(id: $id) { givenName } b: client(id: $id) { familyName town } }',
  clientId,
  // Two aliases of the same client in one fetch: still one decision.
  decisions: [decision('case-registry', clientId, 'IDENTITY')],
});
const jobcenter: Plan = {
  persona: 'jobcenter',
  purpose: 'LABOUR_MARKET_INTEGRATION',
  query: 'query($id: ID!) { client(id: $id) { languageLevel benefitCase { status } } }',
  clientId: 'K-000001',
  decisions: [decision('welfare', 'K-000001', 'EDUCATION_LANGUAGE'), decision('jobcenter', 'K-000001', 'BENEFITS')],
};

async function clientsOf(persona: PersonaName): Promise<string[]> {
  const response = await hub.query(persona, '{ clients(first: 100) { edges { node { id } } } }');
  const ids = (response.body.data?.clients as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
  expect(ids.length).toBeGreaterThan(0);
  return ids;
}

describe('the audit log under concurrent load', () => {
  it(`holds exactly one entry per decision for ${CALLERS} parallel callers and ${REQUESTS} requests, and the chain verifies`, { timeout: 900_000 }, async () => {
    const neuss = await clientsOf('cm-neuss');
    const dormagen = await clientsOf('cm-dormagen');
    const plans: Plan[] = Array.from({ length: REQUESTS }, (_, i) => {
      switch (i % 4) {
        case 0:
          return ownAndLanguage('cm-neuss', neuss[i % neuss.length]!);
        case 1:
          return ownAndLanguage('cm-dormagen', dormagen[i % dormagen.length]!);
        case 2:
          return jobcenter;
        default:
          return aliased(neuss[(i >> 2) % neuss.length]!);
      }
    });
    const prisma = hub.services.consent.prisma;
    const lastSeqBefore = (await prisma.auditEntry.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0n;
    const countBefore = await prisma.auditEntry.count();

    const requestIds: string[] = new Array(REQUESTS);
    const unexpectedErrors: unknown[] = [];
    let next = 0;
    const caller = async () => {
      while (next < plans.length) {
        const i = next++;
        const plan = plans[i]!;
        const response = await hub.query(plan.persona, plan.query, { id: plan.clientId }, plan.purpose ? { purpose: plan.purpose } : {});
        requestIds[i] = response.headers.get('x-request-id') ?? '';
        // Denials are expected (CONSENT_REQUIRED); anything else would mean a decision went missing.
        for (const error of response.body.errors ?? []) if (error.extensions?.code !== 'CONSENT_REQUIRED') unexpectedErrors.push(error);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CALLERS }, caller));
    const seconds = (performance.now() - started) / 1000;
    const expected = plans.reduce((n, p) => n + p.decisions.length, 0);
    console.info(
      `audit load (${hub.services.consent.db.kind}): ${REQUESTS} requests by ${CALLERS} callers in ${seconds.toFixed(1)} s ` +
        `(${(REQUESTS / seconds).toFixed(0)} requests/s, ${(expected / seconds).toFixed(0)} audited decisions/s)`,
    );

    expect(unexpectedErrors).toEqual([]);
    expect(new Set(requestIds).size).toBe(REQUESTS);
    expect((await prisma.auditEntry.count()) - countBefore).toBe(expected);

    // Not only as many: exactly the decisions each request asked for, under its own request id.
    const rows = await withClientIds(prisma, await prisma.auditEntry.findMany({ where: { seq: { gt: lastSeqBefore } }, select: { requestId: true, service: true, kimClientId: true, category: true } }));
    const byRequest = new Map<string, string[]>();
    for (const r of rows) byRequest.set(r.requestId, [...(byRequest.get(r.requestId) ?? []), decision(r.service, r.kimClientId, r.category)]);
    const mismatches = plans.flatMap((plan, i) => {
      const recorded = (byRequest.get(requestIds[i]!) ?? []).sort();
      return JSON.stringify(recorded) === JSON.stringify([...plan.decisions].sort()) ? [] : [{ request: i, expected: plan.decisions, recorded }];
    });
    expect(mismatches).toEqual([]);

    const total = await prisma.auditEntry.count();
    const verified = await hub.query('dpo', '{ all: verifyAuditChain { valid entries problem } one: verifyAuditChain(clientId: "K-000001") { valid problem } }');
    expect(verified.body.data).toEqual({ all: { valid: true, entries: total, problem: null }, one: { valid: true, problem: null } });
  });
});
