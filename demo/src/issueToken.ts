import type { Purpose } from '@kim/schema';
import { importPKCS8, SignJWT } from 'jose';
import { PERSONAS, type Persona, type PersonaName } from './personas.ts';

export const DEMO_ISSUER = 'kim-demo-idp';
export const DEMO_AUDIENCE = 'kim-hub';

/** Issues a token as the demo identity provider would, for one persona. */
export async function issueToken(
  privateKeyPem: string,
  persona: PersonaName,
  options: { purpose?: Purpose; expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  const p: Persona = PERSONAS[persona];
  const key = await importPKCS8(privateKeyPem, 'EdDSA');
  return new SignJWT({ agency: p.agency, role: p.role, ...(p.team ? { team: p.team } : {}), name: p.name, ...(options.purpose ? { purpose: options.purpose } : {}) })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(options.issuer ?? DEMO_ISSUER)
    .setAudience(options.audience ?? DEMO_AUDIENCE)
    .setSubject(p.subject)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(key);
}
