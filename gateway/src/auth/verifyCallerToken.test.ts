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
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '5m')
    .sign(keys.privateKey);
}

describe('verifyCallerToken', () => {
  it('reads agency, role, team and the default purpose', async () => {
    const identity = await verifyCallerToken(`Bearer ${await token({ agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', team: 'KAARST' })}`, key, expected);
    expect(identity).toEqual({ subject: 'u1', agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', team: 'KAARST', defaultPurpose: 'BENEFITS_ADMINISTRATION' });
    const kim = await verifyCallerToken(`Bearer ${await token({ agency: 'KIM_DORMAGEN', role: 'CASE_MANAGER' })}`, key, expected);
    expect(kim).toMatchObject({ team: 'DORMAGEN' });
    const lead = await verifyCallerToken(`Bearer ${await token({ agency: 'JOBCENTER', role: 'JOBCENTER_TEAM_LEAD', team: 'KAARST' })}`, key, expected);
    expect(lead).not.toHaveProperty('team');
  });

  it.each([
    ['a team role without a team', { agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER' }],
    ['a team that is no town', { agency: 'IMMIGRATION_OFFICE', role: 'IMMIGRATION_CASEWORKER', team: 'ATLANTIS' }],
    ['a KIM team claiming another town', { agency: 'KIM_NEUSS', role: 'CASE_MANAGER', team: 'KAARST' }],
  ])('refuses %s', async (_name, claims) => {
    await expect(verifyCallerToken(`Bearer ${await token(claims)}`, key, expected)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  describe('issue time and lifetime, at the limits', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const timed = (iat: number, exp: number) =>
      new SignJWT({ agency: 'KI', role: 'COORDINATOR' }).setProtectedHeader({ alg: 'EdDSA' }).setIssuer('idp').setAudience('kim-hub').setSubject('u1').setIssuedAt(iat).setExpirationTime(exp).sign(keys.privateKey);
    const limits = { ...expected, maxLifetimeSeconds: 600 };
    const verify = async (jwt: string) => verifyCallerToken(`Bearer ${jwt}`, key, limits);
    const refused = { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } };

    it('accepts an issue time within the clock skew (5 s) and a lifetime of exactly the maximum', async () => {
      const t = now();
      await expect(verify(await timed(t + 3, t + 60))).resolves.toMatchObject({ agency: 'KI' });
      await expect(verify(await timed(t, t + 600))).resolves.toMatchObject({ agency: 'KI' });
    });

    it('refuses an issue time beyond the skew, and a lifetime one second over the maximum, with 401 and WWW-Authenticate: Bearer', async () => {
      const t = now();
      const future = await verify(await timed(t + 60, t + 120)).catch((e: unknown) => e);
      expect(future).toMatchObject(refused);
      expect((future as { extensions: { http: { headers: Map<string, string> } } }).extensions.http.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
      await expect(verify(await timed(t, t + 601))).rejects.toMatchObject(refused);
    });
  });

  it.each([
    ['no header', undefined],
    ['a header without Bearer', 'Basic dXNlcjpwYXNz'],
    ['garbage', 'Bearer not-a-jwt'],
  ])('refuses %s', async (_name, header) => {
    await expect(verifyCallerToken(header, key, expected)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it.each([
    ['the coordinating office as a case manager', { agency: 'KI', role: 'CASE_MANAGER' }],
    ['an agency without staff in the hub', { agency: 'BAMF', role: 'COORDINATOR' }],
  ])('refuses a role of the right organisation that the agency does not hold: %s', async (_name, claims) => {
    await expect(verifyCallerToken(`Bearer ${await token(claims)}`, key, expected)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
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

describe('verifyCallerToken with a JWKS URL', () => {
  it('finds the key by kid at the identity provider, and refuses a token whose kid it does not publish', async () => {
    const { createServer } = await import('node:http');
    const { exportJWK } = await import('jose');
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const jwks = await tokenKeyResolver({ kind: 'jwks', url: `http://127.0.0.1:${port}/jwks.json` });
      const sign = (kid: string) =>
        new SignJWT({ agency: 'KIM_NEUSS', role: 'CASE_MANAGER' })
          .setProtectedHeader({ alg: 'EdDSA', kid })
          .setIssuer('idp')
          .setAudience('kim-hub')
          .setSubject('u1')
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(keys.privateKey);
      await expect(verifyCallerToken(`Bearer ${await sign('k1')}`, jwks, expected)).resolves.toMatchObject({ agency: 'KIM_NEUSS' });
      await expect(verifyCallerToken(`Bearer ${await sign('unknown')}`, jwks, expected)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      server.close();
    }
  });
});
