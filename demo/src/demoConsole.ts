import type { ConsoleOptions } from '@kim/gateway';
import { ensureConsoleBuilt } from '@kim/console/build';
import { issueToken } from './issueToken.ts';
import { PERSONAS, purposesOf, type PersonaName } from './personas.ts';

/**
 * The console with the demo sign-in: the personas and a token minted with the demo identity
 * provider's key, which only this launcher holds. A gateway started on its own (production)
 * serves no sign-in at all.
 */
export async function demoConsole(idpPrivateKeyPem: string): Promise<ConsoleOptions> {
  const personas = (Object.keys(PERSONAS) as PersonaName[]).map((id) => {
    const p = PERSONAS[id];
    return { id, agency: p.agency, role: p.role, ...('team' in p ? { team: p.team } : {}), purposes: purposesOf(id) };
  });
  return {
    dir: await ensureConsoleBuilt(),
    demoSignIn: {
      personas,
      issue: (persona) => issueToken(idpPrivateKeyPem, persona as PersonaName),
    },
  };
}
