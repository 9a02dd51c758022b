import type { Purpose } from './labels.ts';
import { purposesOfRole } from './labels.ts';
import type { OidcConfig } from './oidc.ts';

/**
 * Who is signed in. Kept in sessionStorage — the token, the persona's role and agency, the chosen
 * purpose; never client data — so that a reload does not sign the user out, while closing the
 * tab or signing out forgets it. Not localStorage: that outlives the tab and is shared by all.
 */
export interface Session {
  readonly token: string;
  readonly persona: string;
  readonly agency: string;
  readonly role: string;
  readonly team?: string;
  readonly purposes: readonly Purpose[];
  readonly purpose: Purpose;
  /** Signed in through OpenID Connect: the provider, and the ID token to end its session with on sign-out. */
  readonly oidc?: { readonly config: OidcConfig; readonly idToken?: string };
}

const KEY = 'kim-console-session';

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Session;
    return parsed.token && parsed.purposes.includes(parsed.purpose) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

/** Sign-out: everything this origin kept in the tab goes. */
export function clearSession(): void {
  sessionStorage.clear();
}

export function newSession(token: string, persona: { id: string; agency: string; role: string; team?: string }, purpose?: Purpose): Session {
  const purposes = purposesOfRole(persona.role);
  const chosen = purpose && purposes.includes(purpose) ? purpose : purposes[0];
  if (!chosen) throw new Error(`role ${persona.role} has no purpose`);
  return { token, persona: persona.id, agency: persona.agency, role: persona.role, ...(persona.team ? { team: persona.team } : {}), purposes, purpose: chosen };
}

/** Only a purpose of the role: anything else keeps the current one. */
export function withPurpose(session: Session, purpose: string): Session {
  return session.purposes.includes(purpose as Purpose) ? { ...session, purpose: purpose as Purpose } : session;
}
