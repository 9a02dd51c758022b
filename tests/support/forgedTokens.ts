import { generateKeyPair, SignJWT } from 'jose';

/**
 * Tokens that look right (issuer, audience, claims) but are signed with a key of their own, as
 * a spray of bad tokens would be: the `i`th names subject `spray-<i>`.
 */
export async function forgedTokens(): Promise<(i: number) => Promise<string>> {
  const { privateKey } = await generateKeyPair('EdDSA');
  return (i) =>
    new SignJWT({ agency: 'KIM_NEUSS', role: 'CASE_MANAGER' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('kim-demo-idp')
      .setAudience('kim-hub')
      .setSubject(`spray-${i}`)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
}
