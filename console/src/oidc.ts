import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** What the gateway tells the console (`/console-config.json`): a public client, no secret. */
export interface OidcConfig {
  readonly authority: string;
  readonly clientId: string;
  readonly scope: string;
}

export interface OidcIdentity {
  readonly token: string;
  /** The ID token, kept only as the hint for ending the session at the provider. */
  readonly idToken?: string;
  readonly subject: string;
  readonly agency: string;
  readonly role: string;
  readonly team?: string;
}

/**
 * Authorisation code with PKCE, in the browser. Its state (the PKCE verifier) and the user are
 * kept in sessionStorage — oidc-client-ts's default for the state is localStorage, which would
 * outlive the tab.
 */
function manager(config: OidcConfig): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: config.scope,
    loadUserInfo: false,
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export function startOidcSignIn(config: OidcConfig): Promise<void> {
  return manager(config).signinRedirect();
}

export function isOidcCallback(): boolean {
  const query = new URLSearchParams(window.location.search);
  return query.has('code') && query.has('state');
}

/** The access token is what the gateway verifies; its claims say who the user is. */
export async function completeOidcSignIn(config: OidcConfig): Promise<OidcIdentity> {
  const user = await manager(config).signinCallback();
  window.history.replaceState(null, '', '/');
  if (!user?.access_token) throw new Error('no access token');
  const payload = user.access_token.split('.')[1] ?? '';
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
  const agency = text('agency');
  const role = text('role');
  if (!agency || !role) throw new Error('the token names no agency or role');
  const team = text('team');
  return { token: user.access_token, ...(user.id_token ? { idToken: user.id_token } : {}), subject: text('sub') ?? '', agency, role, ...(team ? { team } : {}) };
}

/**
 * Ends the session at the provider too, when its discovery document offers an
 * `end_session_endpoint` (RP-initiated logout): the browser goes there with the ID token as hint
 * and comes back to the console's origin. Resolves `false` when the provider offers none (or its
 * discovery cannot be read): the sign-out then stays in this tab. The caller has already cleared
 * everything the console kept before this is called — a provider that does not answer never
 * keeps the user signed in here.
 */
export async function endOidcSession(config: OidcConfig, idToken: string | undefined): Promise<boolean> {
  const oidc = manager(config);
  const endpoint = await oidc.metadataService.getEndSessionEndpoint().catch(() => undefined);
  if (!endpoint) return false;
  // A state makes the provider send it back (`?state=…`): how the sign-in page knows the way back
  // is the end of a sign-out, and the library drops its stored state then.
  await oidc.signoutRedirect({ ...(idToken ? { id_token_hint: idToken } : {}), post_logout_redirect_uri: `${window.location.origin}/`, state: 'signed-out' });
  return true;
}

/** The provider sent the browser back after ending its session: `?state=…` without a code. */
export function isOidcSignOutCallback(): boolean {
  const query = new URLSearchParams(window.location.search);
  return query.has('state') && !query.has('code');
}

/** Consumes the sign-out's state and leaves nothing of it in the tab or the address bar. */
export async function completeOidcSignOut(config: OidcConfig): Promise<void> {
  try {
    await manager(config).signoutCallback();
  } finally {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  }
}
