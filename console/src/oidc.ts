import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** What the gateway tells the console (`/console-config.json`): a public client, no secret. */
export interface OidcConfig {
  readonly authority: string;
  readonly clientId: string;
  readonly scope: string;
}

export interface OidcIdentity {
  readonly token: string;
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
  return { token: user.access_token, subject: text('sub') ?? '', agency, role, ...(team ? { team } : {}) };
}
