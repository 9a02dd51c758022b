import { describe, expect, it } from 'vitest';
import { weakEvidence } from './pages/ReviewQueue.tsx';

const complete = {
  id: 'G-1', clientId: 'K-000010', grantee: 'CARITAS', state: 'ACTIVE', evidenceRef: 'EV-2026-000010', form: 'WRITTEN',
  informedOfPurpose: true, informedOfRefusalConsequences: true, informedOfWithdrawalRight: true,
  informationSheetVersion: 'KIM-EW-2026.1', informationSheetLanguage: 'ar', interpreterLanguage: 'ar', validUntil: null,
} as Parameters<typeof weakEvidence>[0];

describe('weak evidence in the review queue', () => {
  it('passes a complete record', () => {
    expect(weakEvidence(complete, [complete])).toBeNull();
  });

  it('names what a record from before the required fields lacks', () => {
    expect(weakEvidence({ ...complete, evidenceRef: null }, [])).toBe('kein Ablagezeichen');
    expect(weakEvidence({ ...complete, informedOfWithdrawalRight: false }, [])).toBe('Belehrung unvollständig');
  });

  it('flags a sheet in German only where an interpreter explained the consent', () => {
    expect(weakEvidence({ ...complete, informationSheetLanguage: 'de' }, [])).toBe('mit Dolmetscher erklärt, Informationsblatt nur auf Deutsch');
    expect(weakEvidence({ ...complete, informationSheetLanguage: 'de', interpreterLanguage: null }, [])).toBeNull();
  });

  it('flags one filing reference for two clients, not two grants of one client', () => {
    const sameClient = { ...complete, id: 'G-2', grantee: 'DIAKONIE' as const };
    expect(weakEvidence(complete, [complete, sameClient])).toBeNull();
    const other = { ...complete, id: 'G-3', clientId: 'K-000011' };
    expect(weakEvidence(complete, [complete, other])).toBe('Ablagezeichen EV-2026-000010 auch für K-000011');
  });
});
