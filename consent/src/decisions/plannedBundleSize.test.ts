import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { DATA_CATEGORIES, LEGAL_BASES, SERVICES, WELFARE_ASSOCIATIONS } from '@kim/schema';
import { MAX_BUNDLE_LENGTH, consentDecision, consentQuestion, openDecisionBundle, signDecisionBundle, type Caller } from '@kim/service-kit';
import { describe, expect, it } from 'vitest';
import { MAX_PLANNED_DECISIONS } from './decisionsRoute.ts';

describe('a bundle of as many decisions as one call makes ahead', () => {
  it('is read by the subgraph it is for: the limits on both sides agree', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const caller: Caller = { subject: 's'.repeat(64), agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'NATURALISATION_PROCEDURE', requestId: randomUUID() };
    const longest = <T extends string>(values: readonly T[]) => [...values].sort((a, b) => b.length - a.length)[0]!;
    const decisions = Array.from({ length: MAX_PLANNED_DECISIONS }, (_, i) => ({
      // The longest of everything a decision can hold (a client id of 64 characters, every association).
      ...consentDecision(consentQuestion(`K-${String(i).padStart(62, '0')}`, longest(DATA_CATEGORIES), longest(SERVICES), undefined), true, 'SPECIAL_CATEGORY_NEEDS_CONSENT', longest(LEGAL_BASES), randomUUID()),
      releasedBy: [...WELFARE_ASSOCIATIONS],
    }));
    const bundle = signDecisionBundle((m) => sign(null, Buffer.from(m), privateKey).toString('base64'), caller, 'immigration-office', decisions);
    expect(bundle.length).toBeLessThanOrEqual(MAX_BUNDLE_LENGTH);
    expect(openDecisionBundle(publicKey, bundle, 'immigration-office', caller)).toHaveLength(MAX_PLANNED_DECISIONS);
  });
});
