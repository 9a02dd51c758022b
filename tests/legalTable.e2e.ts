import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

// The legal table, norm by norm (issue 13, section 3): each statutory entry must name the norm
// that lets the data's owner pass exactly that data to exactly that recipient.

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('legal-table', 60);
});
afterAll(async () => {
  await hub?.stop();
});

/** Active grants of this grantee covering this category, by the consent database. */
async function grantedClients(grantee: string, category: string): Promise<Set<string>> {
  const now = new Date();
  const grants = await hub.services.consent.prisma.grant.findMany({
    where: { grantee, revokedAt: null, validFrom: { lte: now }, OR: [{ validUntil: null }, { validUntil: { gt: now } }], categories: { has: category } },
    select: { kimClientId: true },
  });
  return new Set(grants.map((g) => g.kimClientId));
}

describe('entries that had no norm behind them', () => {
  it('no longer give the jobcenter residence data from the immigration office (§ 69 SGB X binds social-benefit bodies, not the office)', async () => {
    const granted = await grantedClients('JOBCENTER', 'RESIDENCE');
    const cases = await hub.services.jobcenter.prisma.benefitCase.findMany({ select: { id: true, kimClientId: true }, orderBy: { id: 'asc' } });
    const target = cases.find((c) => !granted.has(c.kimClientId));
    expect(target).toBeDefined();
    const response = await hub.query('jobcenter', 'query($c: ID!) { clientByBenefitCase(caseId: $c) { id currentResidenceTitleType workPermitted } }', { c: target!.id }, {
      purpose: 'BENEFITS_ADMINISTRATION',
    });
    expect(response.body.data?.clientByBenefitCase).toEqual({ id: target!.kimClientId, currentResidenceTitleType: null, workPermitted: null });
    expect(errorCodes(response)).toEqual([
      { code: 'CONSENT_REQUIRED', path: 'clientByBenefitCase.currentResidenceTitleType', category: 'RESIDENCE' },
      { code: 'CONSENT_REQUIRED', path: 'clientByBenefitCase.workPermitted', category: 'RESIDENCE' },
    ]);
    const rows = await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId: response.headers.get('x-request-id')!, category: 'RESIDENCE' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.allowed && r.basis === null)).toBe(true);
  });

  it('no longer give the naturalisation procedure the benefit case on § 32 StAG alone (§ 35 (2) SGB I)', async () => {
    const granted = await grantedClients('IMMIGRATION_OFFICE', 'BENEFITS');
    const receiving = await hub.services.jobcenter.prisma.benefitCase.findMany({ where: { status: 'RECEIVING' }, select: { kimClientId: true } });
    const target = receiving.map((c) => c.kimClientId).find((id) => !granted.has(id));
    expect(target).toBeDefined();
    const file = await hub.services['immigration-office'].prisma.personRecord.findUniqueOrThrow({ where: { kimClientId: target! } });
    const response = await hub.query('abh', 'query($r: ID!) { clientByImmigrationRecord(recordId: $r) { id receivesBenefits benefitCase { status } } }', { r: file.id }, {
      purpose: 'NATURALISATION_PROCEDURE',
    });
    expect(response.body.data?.clientByImmigrationRecord).toEqual({ id: target, receivesBenefits: null, benefitCase: null });
    expect(errorCodes(response)).toEqual([
      { code: 'CONSENT_REQUIRED', path: 'clientByImmigrationRecord.receivesBenefits', category: 'BENEFITS' },
      { code: 'CONSENT_REQUIRED', path: 'clientByImmigrationRecord.benefitCase', category: 'BENEFITS' },
    ]);
  });
});
