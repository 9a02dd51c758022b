import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import { agencyName, CATEGORY_DE, formatDate, GRANT_STATE_DE, label, PURPOSE_DE, type DataCategory, type Purpose } from '../labels.ts';
import { href } from '../route.ts';
import { ErrorBox, ScrollTable, Success } from '../ui.tsx';

const ClientConsents = graphql(`
  query ConsoleClientConsents($clientId: ID!) {
    consentGrants(filter: { clientId: $clientId }) {
      id
      grantee
      categories
      purposes
      validFrom
      validUntil
      state
      active
      evidenceRef
    }
  }
`);

const Withdraw = graphql(`
  mutation ConsoleWithdrawConsent($id: ID!, $reason: String!) {
    withdrawConsent(id: $id, reason: $reason) {
      grantId
      state
      withdrawnAt
    }
  }
`);

/** The client's consents (the team that holds the client): receipts, withdrawal. */
export function Consents({ clientId }: { clientId: string }) {
  const [result, reexecute] = useQuery({ query: ClientConsents, variables: { clientId } });
  const [withdrawal, withdraw] = useMutation(Withdraw);
  const [open, setOpen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');

  const submit = async (e: React.FormEvent, id: string) => {
    e.preventDefault();
    const r = await withdraw({ id, reason });
    if (!r.error) {
      setDone(`Widerruf der Einwilligung ${id} erfasst; sie gilt ab der nächsten Anfrage nicht mehr.`);
      setOpen(null);
      setReason('');
      reexecute({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section aria-labelledby="consents">
      <h2 id="consents">Einwilligungen</h2>
      <p>
        <a className="button" href={href('einwilligung', 'neu', clientId)}>
          Einwilligung erfassen
        </a>
      </p>
      {done && <Success>{done}</Success>}
      <ErrorBox error={result.error ?? withdrawal.error} />
      {result.data && (
        <ScrollTable label="Tabelle der Einwilligungen">
          <table>
            <caption className="sr-only">Einwilligungen</caption>
            <thead>
              <tr>
                <th scope="col">Nummer</th>
                <th scope="col">Empfänger</th>
                <th scope="col">Datenkategorien</th>
                <th scope="col">Zwecke</th>
                <th scope="col">Gültig</th>
                <th scope="col">Stand</th>
                <th scope="col">Aktionen</th>
              </tr>
            </thead>
            <tbody>
              {result.data.consentGrants.map((g) => (
                <tr key={g.id}>
                  <td>{g.id}</td>
                  <td>{agencyName(g.grantee)}</td>
                  <td>{g.categories.map((c) => CATEGORY_DE[c as DataCategory] ?? c).join(', ')}</td>
                  <td>{g.purposes.map((p) => PURPOSE_DE[p as Purpose] ?? p).join(', ')}</td>
                  <td>
                    {formatDate(g.validFrom)} – {formatDate(g.validUntil)}
                  </td>
                  <td>{label(GRANT_STATE_DE, g.state)}</td>
                  <td>
                    <a href={href('quittung', g.id)}>Quittung {g.id}</a>
                    {g.active && (open === g.id ? (
                      <form onSubmit={(e) => submit(e, g.id)} className="inline">
                        <label htmlFor={`reason-${g.id}`}>Grund des Widerrufs (wie von der Person genannt)</label>
                        <input id={`reason-${g.id}`} required minLength={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
                        <button type="submit">Widerruf erfassen</button>
                      </form>
                    ) : (
                      <button type="button" onClick={() => setOpen(g.id)} aria-label={`Einwilligung ${g.id} widerrufen`}>
                        Widerrufen
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
