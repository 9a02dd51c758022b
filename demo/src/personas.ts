import type { Agency, Purpose, Role, Town } from '@kim/schema';
import { ROLE_PURPOSES } from '@kim/schema';

export interface Persona {
  readonly subject: string;
  readonly name: string;
  readonly agency: Agency;
  readonly role: Role;
  /** For a role scoped to a team outside KIM: the town whose clients the team serves. */
  readonly team?: Town;
}

/** The demo callers that `npm run token -- <persona>` issues tokens for. */
export const PERSONAS = {
  'cm-neuss': { subject: 'cm-neuss-1', name: 'Case manager, KIM Neuss', agency: 'KIM_NEUSS', role: 'CASE_MANAGER' },
  'cm-dormagen': { subject: 'cm-dormagen-1', name: 'Case manager, KIM Dormagen', agency: 'KIM_DORMAGEN', role: 'CASE_MANAGER' },
  abh: { subject: 'abh-lead-1', name: 'Team lead, Ausländerbehörde', agency: 'IMMIGRATION_OFFICE', role: 'IMMIGRATION_TEAM_LEAD' },
  'abh-neuss': { subject: 'abh-caseworker-neuss-1', name: 'Caseworker, Ausländerbehörde, team Neuss', agency: 'IMMIGRATION_OFFICE', role: 'IMMIGRATION_CASEWORKER', team: 'NEUSS' },
  jobcenter: { subject: 'jc-lead-1', name: 'Team lead, Jobcenter', agency: 'JOBCENTER', role: 'JOBCENTER_TEAM_LEAD' },
  'jobcenter-dormagen': { subject: 'jc-caseworker-dormagen-1', name: 'Caseworker, Jobcenter, team Dormagen', agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', team: 'DORMAGEN' },
  'welfare-caritas': { subject: 'caritas-counsellor-1', name: 'Migration counsellor, Caritas', agency: 'CARITAS', role: 'COUNSELLOR' },
  dpo: { subject: 'dpo-1', name: 'Data-protection officer of the county', agency: 'DATA_PROTECTION', role: 'DATA_PROTECTION_OFFICER' },
  ki: { subject: 'ki-coordinator-1', name: 'Coordinator, Kommunales Integrationszentrum', agency: 'KI', role: 'COORDINATOR' },
  steering: { subject: 'steering-1', name: 'Member of the steering group (Lenkungsgruppe), through the Kommunales Integrationszentrum', agency: 'KI', role: 'STEERING_GROUP' },
} as const satisfies Record<string, Persona>;

export type PersonaName = keyof typeof PERSONAS;

export function isPersonaName(value: string): value is PersonaName {
  return Object.hasOwn(PERSONAS, value);
}

export function purposesOf(persona: PersonaName): readonly Purpose[] {
  return ROLE_PURPOSES[PERSONAS[persona].role];
}
