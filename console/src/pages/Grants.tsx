import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import type { Agency } from '../gql/graphql.ts';
import { agencyName, CATEGORY_DE, formatDate, GRANT_EVENT_DE, GRANT_STATE_DE, label, PARTNER_AGENCIES, type DataCategory } from '../labels.ts';
import { AgencySelect, ErrorBox, Loading, Main, ScrollTable } from '../ui.tsx';

const GrantsQuery = graphql(`
  query ConsoleGrants($filter: GrantFilter!) {
    consentGrants(filter: $filter) {
      id
      clientId
      grantee
      categories
      state
      evidenceRef
      recordedAt
      events {
        type
        at
        agencyName
        reason
      }
    }
  }
`);

/** Data-protection officer: grants and their events. */
export function Grants() {
  const [grantee, setGrantee] = useState<Agency | ''>('');
  const [clientId, setClientId] = useState('');
  const [applied, setApplied] = useState<{ grantee?: Agency; clientId?: string }>({});
  const [result] = useQuery({ query: GrantsQuery, variables: { filter: applied } });
  return (
    <Main title="Einwilligungen und ihre Ereignisse">
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ ...(grantee ? { grantee } : {}), ...(clientId.trim() ? { clientId: clientId.trim() } : {}) });
        }}
      >
        <p>
          <label htmlFor="grant-client">KIM-Nummer</label>
          <input id="grant-client" value={clientId} onChange={(e) => setClientId(e.target.value)} />
        </p>
        <p>
          <label htmlFor="grant-grantee">Empfänger</label>
          <AgencySelect id="grant-grantee" agencies={PARTNER_AGENCIES} value={grantee} onChange={setGrantee} empty="alle" />
        </p>
        <button type="submit">Anzeigen</button>
      </form>
      <ErrorBox error={result.error} />
      {result.fetching && <Loading />}
      {result.data && (
        <ScrollTable label="Tabelle der Einwilligungen">
          <table>
            <caption className="sr-only">Einwilligungen</caption>
            <thead>
              <tr>
                <th scope="col">Nummer</th>
                <th scope="col">KIM-Nummer</th>
                <th scope="col">Empfänger</th>
                <th scope="col">Kategorien</th>
                <th scope="col">Stand</th>
                <th scope="col">Nachweis</th>
                <th scope="col">Ereignisse</th>
              </tr>
            </thead>
            <tbody>
              {result.data.consentGrants.slice(0, 200).map((g) => (
                <tr key={g.id}>
                  <td>{g.id}</td>
                  <td>{g.clientId}</td>
                  <td>{agencyName(g.grantee)}</td>
                  <td>{g.categories.map((c) => CATEGORY_DE[c as DataCategory] ?? c).join(', ')}</td>
                  <td>{label(GRANT_STATE_DE, g.state)}</td>
                  <td>{g.evidenceRef ?? 'kein Nachweis erfasst'}</td>
                  <td>
                    <ul>
                      {g.events.map((ev, i) => (
                        <li key={i}>
                          {formatDate(ev.at)} {label(GRANT_EVENT_DE, ev.type)} ({ev.agencyName}){ev.reason ? `: ${ev.reason}` : ''}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </Main>
  );
}
