import { Client, fetchExchange, Provider } from 'urql';
import { useEffect, useMemo, useRef, useState } from 'react';
import { agencyName, PURPOSE_DE, ROLE_DE, townName, type Role } from './labels.ts';
import { clearSession, loadSession, saveSession, withPurpose, type Session } from './session.ts';
import { go, href, useRoute } from './route.ts';
import { endOidcSession } from './oidc.ts';
import { revokeAllBlobUrls } from './blobUrls.ts';
import { Main } from './ui.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { ClientList } from './pages/ClientList.tsx';
import { ClientView } from './pages/ClientView.tsx';
import { ConsentForm } from './pages/ConsentForm.tsx';
import { Receipt } from './pages/Receipt.tsx';
import { IncomingReferrals } from './pages/IncomingReferrals.tsx';
import { Grants } from './pages/Grants.tsx';
import { ReviewQueue } from './pages/ReviewQueue.tsx';
import { AuditTrail } from './pages/AuditTrail.tsx';
import { Art15LetterPage } from './pages/Art15Letter.tsx';
import { FileClientView } from './pages/FileClientView.tsx';
import { Figures } from './pages/Figures.tsx';
import { Intake } from './pages/Intake.tsx';
import { OverdueReferrals } from './pages/OverdueReferrals.tsx';

interface NavItem {
  readonly path: string;
  readonly label: string;
}

const PARTNER_NAV: readonly NavItem[] = [
  { path: 'klienten', label: 'Geteilte Klientinnen und Klienten' },
  { path: 'verweisungen', label: 'Eingehende Verweisungen' },
];

/** Each role's pages; the first is its start page. The graph decides what each may read. */
const NAV: Record<Role, readonly NavItem[]> = {
  CASE_MANAGER: [
    { path: 'klienten', label: 'Klientinnen und Klienten' },
    { path: 'aufnahme', label: 'Aufnahme' },
    { path: 'ueberfaellig', label: 'Überfällige Verweisungen' },
  ],
  IMMIGRATION_CASEWORKER: PARTNER_NAV,
  IMMIGRATION_TEAM_LEAD: PARTNER_NAV,
  JOBCENTER_CASEWORKER: PARTNER_NAV,
  JOBCENTER_TEAM_LEAD: PARTNER_NAV,
  COUNSELLOR: PARTNER_NAV,
  DATA_PROTECTION_OFFICER: [
    { path: 'pruefliste', label: 'Prüfliste' },
    { path: 'einwilligungen', label: 'Einwilligungen' },
    { path: 'protokoll', label: 'Prüfprotokoll' },
  ],
  COORDINATOR: [{ path: 'kennzahlen', label: 'Kennzahlen' }],
  STEERING_GROUP: [{ path: 'kennzahlen', label: 'Kennzahlen' }],
};

/** One urql client per sign-in, without a document cache: nothing of a client outlives the page. */
function makeClient(session: React.RefObject<Session | null>): Client {
  return new Client({
    url: '/graphql',
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    // POST only: a GET would put client ids into URLs (and server logs), and the gateway's CSRF
    // guard refuses GETs without a preflight header.
    preferGetMethod: false,
    fetchOptions: () => {
      const s = session.current;
      const headers: Record<string, string> = s ? { authorization: `Bearer ${s.token}`, 'x-kim-purpose': s.purpose } : {};
      return { headers };
    },
  });
}

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const sessionRef = useRef<Session | null>(session);
  sessionRef.current = session;
  const client = useMemo(() => makeClient(sessionRef), [session?.token, session?.purpose]);
  const route = useRoute();

  useEffect(() => {
    if (session) saveSession(session);
  }, [session]);

  // Everything the console kept goes first; then, signed in through a provider that offers it,
  // the browser ends the session there too (and comes back to the sign-in page).
  const signOut = () => {
    const oidc = session?.oidc;
    clearSession();
    // Downloads offered on the page (receipt, export, CSV) hold client data: none outlives the session.
    revokeAllBlobUrls();
    setSession(null);
    go('anmelden');
    if (oidc) void endOidcSession(oidc.config, oidc.idToken).catch(() => undefined);
  };

  if (!session) {
    return (
      <Shell>
        <SignIn
          onSignedIn={(s) => {
            setSession(s);
            go(NAV[s.role as Role]?.[0]?.path ?? '');
          }}
        />
      </Shell>
    );
  }
  const nav = NAV[session.role as Role] ?? [];
  return (
    <Provider value={client}>
      <Shell
        header={
          <div className="session">
            <p className="who">
              <span className="sr-label">Angemeldet als </span>
              <strong>{ROLE_DE[session.role as Role] ?? session.role}</strong>, {agencyName(session.agency)}
              {session.team ? `, Team ${townName(session.team)}` : ''}
            </p>
            <label className="purpose">
              Zweck der Verarbeitung:{' '}
              <select
                value={session.purpose}
                onChange={(e) => setSession(withPurpose(session, e.target.value))}
                aria-describedby="purpose-hint"
              >
                {session.purposes.map((p) => (
                  <option key={p} value={p}>
                    {PURPOSE_DE[p]}
                  </option>
                ))}
              </select>
            </label>
            <span id="purpose-hint" className="hint">
              Jede Anfrage wird mit diesem Zweck gestellt und protokolliert.
            </span>
            <button type="button" onClick={signOut}>
              Abmelden
            </button>
          </div>
        }
        nav={
          <nav aria-label="Hauptnavigation">
            <ul>
              {nav.map((n) => (
                <li key={n.path}>
                  <a href={href(n.path)} aria-current={route[0] === n.path ? 'page' : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        }
      >
        <Page route={route} session={session} />
      </Shell>
    </Provider>
  );
}

function Page({ route, session }: { route: string[]; session: Session }) {
  const [first, second, third] = route;
  switch (first) {
    case 'klienten':
      return second ? <ClientView id={second} session={session} /> : <ClientList session={session} />;
    case 'einwilligung':
      return second === 'neu' && third ? <ConsentForm clientId={third} ownAgency={session.agency} /> : <NotFound />;
    case 'quittung':
      return second ? <Receipt grantId={second} /> : <NotFound />;
    case 'verweisungen':
      return <IncomingReferrals />;
    case 'aufnahme':
      return <Intake />;
    case 'ueberfaellig':
      return <OverdueReferrals />;
    case 'einwilligungen':
      return <Grants />;
    case 'pruefliste':
      return <ReviewQueue />;
    case 'protokoll':
      return <AuditTrail />;
    case 'akte':
      return second ? <FileClientView key={second} fileId={second} session={session} /> : <NotFound />;
    case 'auskunft':
      return second ? <Art15LetterPage clientId={second} session={session} /> : <NotFound />;
    case 'kennzahlen':
      return <Figures />;
    default: {
      const start = NAV[session.role as Role]?.[0];
      return start ? <Start to={start.path} /> : <NotFound />;
    }
  }
}

function Start({ to }: { to: string }) {
  useEffect(() => go(to), [to]);
  return null;
}

function NotFound() {
  return (
    <Main title="Seite nicht gefunden">
      <p>Diese Seite gibt es nicht.</p>
    </Main>
  );
}

function Shell({ header, nav, children }: { header?: React.ReactNode; nav?: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      <a className="skip" href="#inhalt" onClick={(e) => { e.preventDefault(); document.getElementById('inhalt')?.focus(); }}>
        Zum Inhalt springen
      </a>
      <header className="top">
        <p className="brand">KIM Hub – Rhein-Kreis Neuss</p>
        {header}
      </header>
      {nav}
      {children}
    </>
  );
}
