import { useEffect, useRef, useState } from 'react';
import { agencyName, PURPOSE_DE, purposesOfRole, ROLE_DE, townName, type Role } from '../labels.ts';
import { completeOidcSignIn, completeOidcSignOut, isOidcCallback, isOidcSignOutCallback, startOidcSignIn, type OidcConfig } from '../oidc.ts';
import { newSession, type Session } from '../session.ts';
import { Main } from '../ui.tsx';

interface DemoPersona {
  id: string;
  agency: string;
  role: string;
  team?: string;
  purposes: string[];
}

type State =
  | { kind: 'loading' }
  | { kind: 'demo'; personas: DemoPersona[] }
  | { kind: 'oidc'; config: OidcConfig; signedOut?: boolean }
  | { kind: 'production' }
  | { kind: 'error' };

/** Production: the identity provider the gateway names, if any. */
async function productionSignIn(): Promise<State> {
  const res = await fetch('/console-config.json');
  if (!res.ok) return { kind: 'production' };
  const { oidc } = (await res.json()) as { oidc: OidcConfig | null };
  return oidc ? { kind: 'oidc', config: oidc } : { kind: 'production' };
}

/**
 * Demo sign-in: offered only when the gateway was started by the demo launcher, which alone holds
 * the demo identity provider's key. A production gateway has no /demo/ routes (404 here).
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [persona, setPersona] = useState('');
  const [purpose, setPurpose] = useState('');
  const [failed, setFailed] = useState(false);
  // Read once, before anything rewrites the address: React runs the effect below twice in
  // development (StrictMode), and the second run must still know where the browser came from.
  const [returnedFromSignOut] = useState(isOidcSignOutCallback);
  const signedIn = useRef(onSignedIn);
  signedIn.current = onSignedIn;

  useEffect(() => {
    fetch('/demo/personas').then(
      async (res) => {
        if (res.status !== 404) {
          setState(res.ok ? { kind: 'demo', personas: ((await res.json()) as { personas: DemoPersona[] }).personas } : { kind: 'error' });
          return;
        }
        const production = await productionSignIn();
        if (production.kind === 'oidc' && isOidcCallback()) {
          const identity = await completeOidcSignIn(production.config);
          const session = newSession(identity.token, { id: identity.subject, agency: identity.agency, role: identity.role, ...(identity.team ? { team: identity.team } : {}) });
          signedIn.current({ ...session, oidc: { config: production.config, ...(identity.idToken ? { idToken: identity.idToken } : {}) } });
          return;
        }
        if (production.kind === 'oidc' && returnedFromSignOut) {
          await completeOidcSignOut(production.config).catch(() => undefined);
          setState({ ...production, signedOut: true });
          return;
        }
        setState(production);
      },
      () => setState({ kind: 'error' }),
    ).catch(() => setState({ kind: 'error' }));
  }, [returnedFromSignOut]);

  if (state.kind === 'loading') return <Main title="Anmelden"><p role="status">Wird geladen …</p></Main>;
  if (state.kind === 'error') return <Main title="Anmelden"><p role="alert">Anmeldung nicht möglich: der KIM Hub oder der Identitätsanbieter ist nicht erreichbar.</p></Main>;
  if (state.kind === 'oidc')
    return (
      <Main title="Anmelden">
        {state.signedOut && <p role="status">Sie sind abgemeldet, auch beim Identitätsanbieter.</p>}
        <p>Sie melden sich über den Identitätsanbieter Ihrer Behörde an und kehren danach hierher zurück.</p>
        <button type="button" onClick={() => void startOidcSignIn(state.config).catch(() => setState({ kind: 'error' }))}>
          Über den Identitätsanbieter anmelden
        </button>
      </Main>
    );
  if (state.kind === 'production')
    return (
      <Main title="Anmelden">
        <p>Die Anmeldung über den Identitätsanbieter Ihrer Behörde ist für diese Konsole noch nicht eingerichtet. Bitte wenden Sie sich an die Administration.</p>
      </Main>
    );

  const chosen = state.personas.find((p) => p.id === persona);
  const purposes = chosen ? purposesOfRole(chosen.role) : [];
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setFailed(false);
    const res = await fetch('/demo/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: chosen.id }) }).catch(() => undefined);
    if (!res?.ok) {
      setFailed(true);
      return;
    }
    const { token } = (await res.json()) as { token: string };
    onSignedIn(newSession(token, chosen, purposes.find((p) => p === purpose)));
  };

  return (
    <Main title="Anmelden (Demo)">
      <p className="notice">
        Demo-Betrieb: Wählen Sie eine Person und den Zweck, zu dem Sie arbeiten. Im Echtbetrieb melden Sie sich über den Identitätsanbieter Ihrer Behörde an.
      </p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Als wer möchten Sie sich anmelden?</legend>
          {state.personas.map((p) => (
            <div key={p.id} className="choice">
              <input
                type="radio"
                id={`persona-${p.id}`}
                name="persona"
                value={p.id}
                checked={persona === p.id}
                onChange={() => {
                  setPersona(p.id);
                  setPurpose(purposesOfRole(p.role)[0] ?? '');
                }}
              />
              <label htmlFor={`persona-${p.id}`}>
                {ROLE_DE[p.role as Role] ?? p.role}, {agencyName(p.agency)}
                {p.team ? `, Team ${townName(p.team)}` : ''} <span className="muted">({p.id})</span>
              </label>
            </div>
          ))}
        </fieldset>
        {chosen && (
          <p>
            <label htmlFor="purpose">Zweck der Verarbeitung</label>
            <br />
            <select id="purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
              {purposes.map((p) => (
                <option key={p} value={p}>
                  {PURPOSE_DE[p]}
                </option>
              ))}
            </select>
          </p>
        )}
        {failed && <p role="alert" className="error">Anmeldung fehlgeschlagen.</p>}
        <button type="submit" disabled={!chosen}>
          Anmelden
        </button>
      </form>
    </Main>
  );
}
