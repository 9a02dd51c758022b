import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { declaredPurpose, tokenKeyResolver, verifyCallerToken } from './verifyCallerToken.ts';

const keys = await generateKeyPair('EdDSA', { extractable: true });
const key = await tokenKeyResolver({ kind: 'pem', pem: await exportSPKI(keys.publicKey) });
const expected = { issuer: 'idp', audience: 'kim-hub' };

function token(claims: Record<string, unknown>, options: { alg?: string; exp?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'EdDSA' })
    .setIssuer('idp')
    .setAudience('kim-hub')
    .setSubject('u1')
    .setExpirationTime(options.exp ?? '5m')
    .sign(keys.privateKey);
}

describe('verifyCallerToken', () => {
  it('reads agency, role and the default purpose', async () => {
    const identity = await verifyCallerToken(`Bearer ${await token({ agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER' })}`, key, expected);
    expect(identity).toEqual({ subject: 'u1', agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', defaultPurpose: 'BENEFITS_ADMINISTRATION' });
  });

  it.each([
    ['no header', undefined],
    ['a header without Bearer', 'Basic dXNlcjpwYXNz'],
    ['garbage', 'Bearer not-a-jwt'],
  ])('refuses %s', async (_name, header) => {
    await expect(verifyCallerToken(header, key, expected)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a role the agency cannot hold, and an unknown agency', async () => {
    const wrongPair = await token({ agency: 'JOBCENTER', role: 'IMMIGRATION_CASEWORKER' });
    await expect(verifyCallerToken(`Bearer ${wrongPair}`, key, expected)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const unknown = await token({ agency: 'NSA', role: 'CASE_MANAGER' });
    await expect(verifyCallerToken(`Bearer ${unknown}`, key, expected)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('declaredPurpose', () => {
  const identity = { subject: 'u1', agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', defaultPurpose: 'BENEFITS_ADMINISTRATION' } as const;

  it('takes the default without a header and a purpose of the role with one', () => {
    expect(declaredPurpose(identity, undefined)).toBe('BENEFITS_ADMINISTRATION');
    expect(declaredPurpose(identity, 'LABOUR_MARKET_INTEGRATION')).toBe('LABOUR_MARKET_INTEGRATION');
  });

  it('refuses a purpose of another role and an unknown one', () => {
    expect(() => declaredPurpose(identity, 'RESIDENCE_PROCEDURE')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(() => declaredPurpose(identity, 'whatever')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
  });
});
