import { SignJWT, exportSPKI, generateKeyPair, importSPKI, type JWTVerifyGetKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { CallerAuthenticator, DEFAULT_AUTH_FAILURE_LIMIT } from './callerAuthenticator.ts';

const keys = await generateKeyPair('EdDSA', { extractable: true });
const publicKey = await importSPKI(await exportSPKI(keys.publicKey), 'EdDSA');
const expected = { issuer: 'idp', audience: 'kim-hub' };

/** A key resolver that counts signature checks: a cached token costs none. */
function countingKey() {
  const counter = { checks: 0 };
  const key: JWTVerifyGetKey = async () => {
    counter.checks += 1;
    return publicKey;
  };
  return { key, counter };
}

async function bearer(expiresInSeconds: number, subject = 'u1') {
  const iat = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ agency: 'KIM_NEUSS', role: 'CASE_MANAGER' })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setIssuer('idp')
    .setAudience('kim-hub')
    .setSubject(subject)
    .setIssuedAt(iat)
    .setExpirationTime(iat + expiresInSeconds)
    .sign(keys.privateKey);
  return { authorization: `Bearer ${token}`, exp: iat + expiresInSeconds };
}

describe('CallerAuthenticator', () => {
  it('verifies a token once and then recognises it without a signature check', async () => {
    const { key, counter } = countingKey();
    const authenticator = new CallerAuthenticator(key, expected, DEFAULT_AUTH_FAILURE_LIMIT);
    const { authorization } = await bearer(600);
    const first = await authenticator.authenticate(authorization, '10.0.0.1');
    expect(await authenticator.authenticate(authorization, '10.0.0.2')).toEqual(first);
    expect(first).toMatchObject({ subject: 'u1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER' });
    expect(counter.checks).toBe(1);
  });

  it("checks the token's expiry on every use: past its exp the cache does not answer", async () => {
    const { key, counter } = countingKey();
    let now = Date.now();
    const authenticator = new CallerAuthenticator(key, expected, DEFAULT_AUTH_FAILURE_LIMIT, undefined, () => now);
    const { authorization, exp } = await bearer(120);
    await authenticator.authenticate(authorization, '10.0.0.1');
    now = exp * 1000 - 1;
    await authenticator.authenticate(authorization, '10.0.0.1');
    expect(counter.checks).toBe(1);
    // One millisecond at its expiry: verified again (and jose, by the real clock, still accepts it).
    now = exp * 1000;
    await authenticator.authenticate(authorization, '10.0.0.1');
    expect(counter.checks).toBe(2);
  });

  it('keeps a long-lived token at most 5 minutes before checking its signature again', async () => {
    const { key, counter } = countingKey();
    let now = Date.now();
    const authenticator = new CallerAuthenticator(key, expected, DEFAULT_AUTH_FAILURE_LIMIT, undefined, () => now);
    const { authorization } = await bearer(3600);
    await authenticator.authenticate(authorization, '10.0.0.1');
    now += 299_000;
    await authenticator.authenticate(authorization, '10.0.0.1');
    expect(counter.checks).toBe(1);
    now += 2_000;
    await authenticator.authenticate(authorization, '10.0.0.1');
    expect(counter.checks).toBe(2);
  });

  it('refuses an expired token outright, whatever was cached for another', async () => {
    const { key } = countingKey();
    const authenticator = new CallerAuthenticator(key, expected, DEFAULT_AUTH_FAILURE_LIMIT);
    const { authorization } = await bearer(-60);
    await expect(authenticator.authenticate(authorization, '10.0.0.1')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
