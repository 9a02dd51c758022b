import type { ConsoleController, ConsoleOptions } from '@kim/gateway';
import { ensureConsoleBuilt } from '@kim/console/build';
import { issueToken } from './issueToken.ts';
import { PERSONAS, purposesOf, type PersonaName } from './personas.ts';

/**
 * The county as controller of KIM's processing, as its letterhead names it (the Kreishaus in
 * Neuss). A production gateway reads its own from KIM_CONTROLLER_NAME / _ADDRESS / _DPO.
 */
export const COUNTY_CONTROLLER: ConsoleController = {
  name: 'Rhein-Kreis Neuss – Der Landrat',
  address: ['Kommunales Integrationszentrum', 'Oberstraße 91', '41460 Neuss'],
  dpo: ['Datenschutzbeauftragte des Rhein-Kreises Neuss', 'Oberstraße 91, 41460 Neuss'],
};

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
    controller: COUNTY_CONTROLLER,
    demoSignIn: {
      personas,
      issue: (persona) => issueToken(idpPrivateKeyPem, persona as PersonaName),
    },
  };
}
