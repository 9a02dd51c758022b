import type { PersonaName } from '@kim/demo';
import type { Purpose } from '@kim/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';
import { withClientIds } from './support/auditRows.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('isolation', 20);
});
afterAll(async () => {
  await hub?.stop();
});

/** A response with its errors in a fixed order: subgraphs answer in parallel, in any order. */
function normalised(body: { data?: unknown; errors?: unknown[] }) {
  return { ...body, ...(body.errors ? { errors: [...body.errors].map((e) => JSON.stringify(e)).sort() } : {}) };
}

const VIEW = '{ client(id: "K-000001") { givenName currentResidenceTitleType receivesBenefits languageLevel healthNeeds { kind } counsellingContacts { service } } }';

describe('per-request isolation', () => {
  it('gives interleaved concurrent callers of different agencies each exactly their own answer', async () => {
    const callers: [PersonaName, Purpose | undefined][] = [
      ['cm-neuss', undefined],
      ['jobcenter', 'LABOUR_MARKET_INTEGRATION'],
      ['jobcenter', 'BENEFITS_ADMINISTRATION'],
      ['abh', undefined],
    ];
    const baseline = new Map<string, unknown>();
    for (const [persona, purpose] of callers) {
      baseline.set(`${persona}/${purpose}`, normalised((await hub.query(persona, VIEW, undefined, { purpose })).body));
    }
    // The answers differ, or the test would prove nothing.
    expect(new Set([...baseline.values()].map((b) => JSON.stringify(b))).size).toBe(callers.length);
    const rounds = Array.from({ length: 48 }, (_, i) => callers[i % callers.length]!);
    const answers = await Promise.all(rounds.map(([persona, purpose]) => hub.query(persona, VIEW, undefined, { purpose })));
    answers.forEach((answer, i) => {
      const [persona, purpose] = rounds[i]!;
      expect(normalised(answer.body), `${persona}/${purpose}`).toEqual(baseline.get(`${persona}/${purpose}`));
    });
  });
});

describe('representations', () => {
  it('never decide access: forged @requires values and a forged client id in a representation change nothing', async () => {
    const requestId = 'forged-representation-test';
    const request = {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id naturalisationReadiness { ready } } } }',
      variables: { r: [{ __typename: 'Client', id: 'K-000001', kimClientId: 'K-000002', languageLevel: 'C1', receivesBenefits: false }] },
    };
    const caller = { subject: 'abh-lead-1', agency: 'IMMIGRATION_OFFICE', role: 'IMMIGRATION_TEAM_LEAD', purpose: 'NATURALISATION_PROCEDURE', requestId } as const;
    const response = await fetch(hub.serviceUrls['immigration-office'], {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...hub.gatewayHeaders(caller, 'immigration-office', request) },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as Parameters<typeof errorCodes>[0]['body'];
    // K-000001 shares no language data with the immigration office: the readiness stays closed,
    // whatever the representation claims.
    expect(body.data).toEqual({ _entities: [{ id: 'K-000001', naturalisationReadiness: null }] });
    expect(errorCodes({ status: 200, headers: new Headers(), body })).toEqual([
      { code: 'CONSENT_REQUIRED', path: '_entities.0.naturalisationReadiness', category: 'EDUCATION_LANGUAGE' },
    ]);
    const audited = await withClientIds(hub.services.consent.prisma, await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId } }));
    expect(new Set(audited.map((a) => a.kimClientId))).toEqual(new Set(['K-000001']));
  });
});
