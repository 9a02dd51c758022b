import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import type { ClientFilter, ClientStatus } from '../gql/graphql.ts';
import { searchFilter } from '../search.ts';
import { Denials, reasonText } from '../denial.ts';
import { label, STATUS_DE, targetGroupText, townName } from '../labels.ts';
import { go, href } from '../route.ts';
import type { Session } from '../session.ts';
import { ErrorBox, Loading, Main, ScrollTable } from '../ui.tsx';
import { FileLookup } from './FileLookup.tsx';

const ClientsQuery = graphql(`
  query ConsoleClients($first: Int!, $after: String, $filter: ClientFilter) {
    clients(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          givenName
          familyName
          town
          status
          targetGroupAtIntake {
            eligible
            stage
          }
        }
      }
    }
  }
`);

const PAGE_SIZE = 20;
/** How long typing rests before the search is sent (one request per pause, not per key). */
const SEARCH_DELAY_MS = 300;

/**
 * The team's clients (a partner agency: the clients shared with it). Name or KIM id, status and
 * the target group at intake are filtered in the graph, over all pages: the graph matches a
 * filtered field only on clients whose field the caller may read for the chosen purpose.
 */
export function ClientList({ session }: { session: Session }) {
  const [status, setStatus] = useState<ClientStatus | ''>('');
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  const [target, setTarget] = useState<'' | 'yes' | 'no'>('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => {
    const timer = setTimeout(() => {
      setTerm(search.trim());
      setCursors([null]);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);
  const after = cursors[cursors.length - 1] ?? null;
  const filter: ClientFilter = { ...searchFilter(term), ...(status ? { status } : {}), ...(target ? { targetGroupAtIntake: target === 'yes' } : {}) };
  const [result] = useQuery({ query: ClientsQuery, variables: { first: PAGE_SIZE, after, filter: Object.keys(filter).length > 0 ? filter : null } });
  const isCaseManager = session.role === 'CASE_MANAGER';
  const title = isCaseManager ? 'Klientinnen und Klienten des Teams' : 'Geteilte Klientinnen und Klienten';

  const denials = new Denials(result.error);
  const rows = (result.data?.clients.edges ?? [])
    .map((e, index) => (e.node ? { ...e.node, index } : null))
    .filter((n): n is NonNullable<typeof n> => Boolean(n));

  const openById = (e: React.FormEvent) => {
    e.preventDefault();
    if (/^K-\d{6}$/i.test(search.trim())) go('klienten', search.trim().toUpperCase());
  };

  return (
    <Main title={title}>
      {(session.role === 'IMMIGRATION_CASEWORKER' || session.role === 'JOBCENTER_CASEWORKER' || session.role === 'IMMIGRATION_TEAM_LEAD' || session.role === 'JOBCENTER_TEAM_LEAD') && <FileLookup role={session.role} />}
      <form className="filters" onSubmit={openById} role="search" aria-label="Klientinnen und Klienten suchen">
        <p>
          <label htmlFor="search">Name oder KIM-Nummer</label>
          <input id="search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby="search-hint" />
          <span id="search-hint" className="hint">
            Sucht in allen Seiten: Teile des Vor- oder Nachnamens, oder der Anfang einer KIM-Nummer. Eine vollständige KIM-Nummer (z. B. K-000001) öffnet die Person mit Eingabe.
          </span>
        </p>
        <p>
          <label htmlFor="status">Status</label>
          <select
            id="status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as ClientStatus | '');
              setCursors([null]);
            }}
          >
            <option value="">alle</option>
            <option value="ACTIVE">aktiv</option>
            <option value="WAITING">wartend</option>
            <option value="CLOSED">abgeschlossen</option>
          </select>
        </p>
        <p>
          <label htmlFor="target">Zielgruppe (bei Aufnahme)</label>
          <select
            id="target"
            value={target}
            onChange={(e) => {
              setTarget(e.target.value as '' | 'yes' | 'no');
              setCursors([null]);
            }}
            aria-describedby="target-hint"
          >
            <option value="">alle</option>
            <option value="yes">gehörte zur Zielgruppe</option>
            <option value="no">gehörte nicht zur Zielgruppe</option>
          </select>
          <span id="target-hint" className="hint">
            Sucht in allen Seiten: das Ergebnis der Prüfung bei der Aufnahme. Personen, die vor Einführung der Aufnahme registriert wurden, sind nicht geprüft.
          </span>
        </p>
        <button type="submit">Öffnen</button>
      </form>
      {/* A partial answer (a field denied for some clients) is no failure: each cell says why. */}
      <ErrorBox error={result.data ? undefined : result.error} />
      {result.fetching && <Loading />}
      {result.data && (
        <>
          <p role="status">
            {result.data.clients.totalCount} {term || target ? 'Treffer' : 'Personen insgesamt'}; Seite {cursors.length}, {rows.length} angezeigt.
          </p>
          <ScrollTable label="Tabelle der Klientinnen und Klienten">
            <table>
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">KIM-Nummer</th>
                  <th scope="col">Name</th>
                  <th scope="col">Wohnort</th>
                  <th scope="col">Status</th>
                  <th scope="col">Zielgruppe (bei Aufnahme)</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <a href={href('klienten', n.id)}>{n.id}</a>
                    </td>
                    <td>{n.givenName || n.familyName ? `${n.givenName ?? '–'} ${n.familyName ?? ''}` : <Why denials={denials} path={`clients.edges.${n.index}.node.givenName`} />}</td>
                    <td>{n.town ? townName(n.town) : <Why denials={denials} path={`clients.edges.${n.index}.node.town`} />}</td>
                    <td>{n.status ? label(STATUS_DE, n.status) : <Why denials={denials} path={`clients.edges.${n.index}.node.status`} />}</td>
                    <td>
                      {n.targetGroupAtIntake ? (
                        targetGroupText(n.targetGroupAtIntake)
                      ) : denials.at(`clients.edges.${n.index}.node.targetGroupAtIntake`) ? (
                        <Why denials={denials} path={`clients.edges.${n.index}.node.targetGroupAtIntake`} />
                      ) : (
                        'nicht geprüft'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <nav aria-label="Seiten" className="pager">
            <button type="button" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
              Vorherige Seite
            </button>
            <button
              type="button"
              disabled={!result.data.clients.pageInfo.hasNextPage}
              onClick={() => setCursors([...cursors, result.data?.clients.pageInfo.endCursor ?? null])}
            >
              Nächste Seite
            </button>
          </nav>
        </>
      )}
    </Main>
  );
}

function Why({ denials, path }: { denials: Denials; path: string }) {
  return <span className="denied">{reasonText(denials.at(path))}</span>;
}
