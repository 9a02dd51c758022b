import { generateKeyPairSync, sign } from 'node:crypto';
import { consentDecision, consentQuestion, type Caller } from '@kim/core';
import { describe, expect, it } from 'vitest';
import { BUNDLE_LIFETIME_SECONDS, openDecisionBundle, signDecisionBundle } from './decisionBundle.ts';

const keys = generateKeyPairSync('ed25519');
const signWith = (privateKey: typeof keys.privateKey) => (message: string) => sign(null, Buffer.from(message), privateKey).toString('base64');
const caller: Caller = { subject: 's', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId: 'r-1' };
const decisions = [consentDecision(consentQuestion('K-1', 'HEALTH', undefined, undefined), false, 'NO_BASIS', null, null)];
const now = Date.UTC(2026, 11, 7, 12);

describe('decision bundles', () => {
  const bundle = signDecisionBundle(signWith(keys.privateKey), caller, 'welfare', decisions, now);

  it('open for their subgraph, request and caller, with the decisions as signed', () => {
    expect(openDecisionBundle(keys.publicKey, bundle, 'welfare', caller, now)).toEqual(JSON.parse(JSON.stringify(decisions)));
  });

  it('open for no one else, under no other key, and not once expired', () => {
    expect(openDecisionBundle(keys.publicKey, bundle, 'jobcenter', caller, now)).toBeNull();
    expect(openDecisionBundle(keys.publicKey, bundle, 'welfare', { ...caller, requestId: 'r-2' }, now)).toBeNull();
    expect(openDecisionBundle(keys.publicKey, bundle, 'welfare', { ...caller, subject: 't' }, now)).toBeNull();
    expect(openDecisionBundle(keys.publicKey, bundle, 'welfare', { ...caller, purpose: 'STEERING' }, now)).toBeNull();
    expect(openDecisionBundle(keys.publicKey, bundle, 'welfare', caller, now + (BUNDLE_LIFETIME_SECONDS + 1) * 1000)).toBeNull();
    const other = generateKeyPairSync('ed25519');
    expect(openDecisionBundle(other.publicKey, bundle, 'welfare', caller, now)).toBeNull();
    expect(openDecisionBundle(keys.publicKey, signDecisionBundle(signWith(other.privateKey), caller, 'welfare', decisions, now), 'welfare', caller, now)).toBeNull();
    for (const junk of [undefined, 42, '', 'a.b.c', `${bundle}x`, bundle.replace('kim-decisions', 'kim-assertion')]) {
      expect(openDecisionBundle(keys.publicKey, junk, 'welfare', caller, now)).toBeNull();
    }
  });
});
