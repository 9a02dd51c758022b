import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, PURPOSES, RETIRED_LEGAL_BASES, SERVICES, STATUTORY_BASES, type ServiceName } from '@kim/schema';
import { decide, type ActiveGrant, type DecisionInput } from './decide.ts';

const q = (category: 'RESIDENCE' | 'HEALTH' | 'COUNSELLING' | 'BENEFITS' | 'IDENTITY', clientId = 'K-1') => ({ clientId, category });
const grant = (over: Partial<ActiveGrant> = {}): ActiveGrant => ({
  id: 'g1',
  kimClientId: 'K-1',
  grantee: 'KIM_NEUSS',
  categories: ['RESIDENCE', 'HEALTH'],
  purposes: ['CASE_MANAGEMENT'],
  legalBasis: 'CONSENT',
  ...over,
});
const cm: DecisionInput = { agency: 'KIM_NEUSS', purpose: 'CASE_MANAGEMENT', service: 'immigration-office' };

describe('decide', () => {
  it('lets the owner read its own data for its own purposes', () => {
    expect(decide({ agency: 'IMMIGRATION_OFFICE', purpose: 'RESIDENCE_PROCEDURE', service: 'immigration-office' }, q('RESIDENCE'), [])).toMatchObject({
      allowed: true,
      reason: 'OWNER',
      basis: 'AUFENTHG_86',
    });
  });

  it('does not let the owner read for a purpose outside its basis', () => {
    expect(decide({ agency: 'KI', purpose: 'STEERING', service: 'case-registry' }, q('IDENTITY'), [])).toMatchObject({ allowed: false, reason: 'NO_BASIS' });
  });

  it('allows with a matching grant and names it', () => {
    expect(decide(cm, q('RESIDENCE'), [grant()])).toEqual({ clientId: 'K-1', category: 'RESIDENCE', allowed: true, reason: 'GRANT', basis: 'CONSENT', grantId: 'g1' });
  });

  it.each([
    ['another client', grant({ kimClientId: 'K-2' })],
    ['another grantee', grant({ grantee: 'KIM_DORMAGEN' })],
    ['another category', grant({ categories: ['IDENTITY'] })],
    ['another purpose', grant({ purposes: ['REFERRAL'] })],
  ])('denies when the only grant is for %s', (_name, g) => {
    expect(decide(cm, q('RESIDENCE'), [g])).toMatchObject({ allowed: false, reason: 'NO_BASIS', grantId: null, basis: null });
  });

  it('applies a statute on request only to a question that carries the request, and only to benefit receipt', () => {
    const abh: DecisionInput = { agency: 'IMMIGRATION_OFFICE', purpose: 'RESIDENCE_PROCEDURE', service: 'jobcenter' };
    const request = { reason: 'Verlängerung der Aufenthaltserlaubnis', fileReference: 'AZ-1' };
    expect(decide(abh, { clientId: 'K-1', category: 'BENEFIT_RECEIPT', request }, [])).toMatchObject({
      allowed: true,
      reason: 'STATUTE',
      basis: 'AUFENTHG_87_SGB_X_71',
    });
    expect(decide(abh, { clientId: 'K-1', category: 'BENEFIT_RECEIPT' }, [])).toMatchObject({ allowed: false, reason: 'NO_BASIS' });
    expect(decide(abh, { ...q('BENEFITS'), request }, [])).toMatchObject({ allowed: false, reason: 'NO_BASIS' });
  });

  it.each([
    ['the jobcenter residence data (no § 69 SGB X for the immigration office)', 'JOBCENTER', 'BENEFITS_ADMINISTRATION', 'immigration-office', 'RESIDENCE'],
    ['the naturalisation procedure benefit data (§ 32 StAG alone)', 'IMMIGRATION_OFFICE', 'NATURALISATION_PROCEDURE', 'jobcenter', 'BENEFITS'],
  ] as const)('gives no statute %s', (_name, agency, purpose, service, category) => {
    expect(decide({ agency, purpose, service }, q(category), [])).toMatchObject({ allowed: false, reason: 'NO_BASIS', basis: null });
  });

  it('applies no statute the configuration switched off', () => {
    const abh: DecisionInput = { agency: 'IMMIGRATION_OFFICE', purpose: 'RESIDENCE_PROCEDURE', service: 'jobcenter', statutesOff: new Set(['AUFENTHG_87_SGB_X_71']) };
    const request = { reason: 'Verlängerung der Aufenthaltserlaubnis', fileReference: 'AZ-1' };
    expect(decide(abh, { clientId: 'K-1', category: 'BENEFIT_RECEIPT', request }, [])).toMatchObject({ allowed: false, reason: 'NO_BASIS' });
  });

  it('applies no retired basis', () => {
    expect(STATUTORY_BASES.filter((s) => RETIRED_LEGAL_BASES.includes(s.basis))).toEqual([]);
  });

  it('never passes counselling data to the immigration office, even with consent', () => {
    const g = grant({ grantee: 'IMMIGRATION_OFFICE', categories: ['COUNSELLING'], purposes: ['RESIDENCE_PROCEDURE'] });
    expect(decide({ agency: 'IMMIGRATION_OFFICE', purpose: 'RESIDENCE_PROCEDURE', service: 'welfare' }, q('COUNSELLING'), [g])).toMatchObject({
      allowed: false,
      reason: 'LEGALLY_BARRED',
      basis: 'AUFENTHG_88_STGB_203',
      grantId: null,
    });
  });

  it('requires explicit consent for health data, not another basis', () => {
    const contract = grant({ legalBasis: 'SGB_X_67B' });
    expect(decide({ ...cm, service: 'welfare' }, q('HEALTH'), [contract])).toMatchObject({ allowed: false, reason: 'SPECIAL_CATEGORY_NEEDS_CONSENT' });
    expect(decide({ ...cm, service: 'welfare' }, q('HEALTH'), [grant()])).toMatchObject({ allowed: true, reason: 'GRANT' });
  });
});

describe("KIM's own processing rests on the client's consent to the team", () => {
  const own: DecisionInput = { agency: 'KIM_NEUSS', purpose: 'CASE_MANAGEMENT', service: 'case-registry' };
  const participation = grant({ id: 'p1', categories: ['IDENTITY'], purposes: ['CASE_MANAGEMENT'] });

  it('reads its own case data as owner while the team holds a consent for the purpose, naming that consent', () => {
    expect(decide(own, q('IDENTITY'), [participation])).toEqual({
      clientId: 'K-1', category: 'IDENTITY', allowed: true, reason: 'OWNER', basis: 'KIM_PARTICIPATION_CONSENT', grantId: 'p1',
    });
  });

  it.each([
    ['no consent at all (never given, or withdrawn)', []],
    ['a consent to another team', [grant({ grantee: 'KIM_DORMAGEN' })]],
    ['a consent for another purpose', [grant({ purposes: ['REFERRAL'] })]],
    ['a basis other than consent', [grant({ legalBasis: 'KIM_PARTICIPATION' })]],
    ["another client's consent", [grant({ kimClientId: 'K-2' })]],
  ] as const)('reads nothing of its own with %s', (_name, grants) => {
    expect(decide(own, q('IDENTITY'), grants)).toMatchObject({ allowed: false, reason: 'NO_BASIS', grantId: null });
  });

  it('reads its own health notes only with a consent that names health', () => {
    expect(decide(own, q('HEALTH'), [participation])).toMatchObject({ allowed: false, reason: 'SPECIAL_CATEGORY_NEEDS_CONSENT' });
    expect(decide(own, q('HEALTH'), [grant({ categories: ['HEALTH'] })])).toMatchObject({ allowed: true, reason: 'OWNER' });
  });
});

describe('each welfare association processes its own records under its own law', () => {
  it.each([
    ['CARITAS', 'WELFARE_KDG'],
    ['DIAKONIE', 'WELFARE_DSG_EKD'],
    ['AWO', 'WELFARE_DSGVO_BDSG'],
  ] as const)('%s reads as owner under %s', (agency, basis) => {
    expect(decide({ agency, purpose: 'MIGRATION_COUNSELLING', service: 'welfare' }, q('COUNSELLING'), [])).toMatchObject({ allowed: true, reason: 'OWNER', basis });
  });
});

describe('an agency with no configured basis (as any newly added one)', () => {
  const services = SERVICES.filter((s): s is Exclude<ServiceName, 'consent'> => s !== 'consent');
  it.each(['EMPLOYMENT_AGENCY', 'BAMF', 'DATA_PROTECTION', 'KI'] as const)('%s is denied every category of every service for every purpose', (agency) => {
    for (const service of services) {
      for (const purpose of PURPOSES) {
        for (const category of DATA_CATEGORIES) {
          expect(decide({ agency, purpose, service }, { clientId: 'K-1', category }, []).allowed, `${service} ${purpose} ${category}`).toBe(false);
        }
      }
    }
  });
});
