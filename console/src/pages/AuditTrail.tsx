import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import { agencyName, AUDIT_REASON_DE, CATEGORY_DE, NORM_DE, CHAIN_PROBLEM_DE, label, PURPOSE_DE, type DataCategory, type Purpose } from '../labels.ts';
import { ErrorBox, Loading, Main } from '../ui.tsx';
import { Art15Letter } from './Art15Letter.tsx';

const Trail = graphql(`
  query ConsoleAuditTrail($clientId: ID!) {
    auditTrail(filter: { clientId: $clientId }, first: 100) {
      edges {
        node {
          seq
          at
          agency
          purpose
          category
          allowed
          reason
          legalBar
        }
      }
    }
    verifyAuditChain(clientId: $clientId) {
      valid
      entries
      problem
      firstBrokenSeq
    }
  }
`);
const Export = graphql(`
  query ConsoleAuditExport($clientId: ID!) {
    auditExport(clientId: $clientId) {
      entries
      document
    }
  }
`);

/** Data-protection officer: one client's audit trail, its chain verified, and the export. */
export function AuditTrail() {
  const [input, setInput] = useState('');
  const [clientId, setClientId] = useState('');
  return (
    <Main title="Prüfprotokoll">
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setClientId(input.trim());
        }}
      >
        <p>
          <label htmlFor="audit-client">KIM-Nummer</label>
          <input id="audit-client" required value={input} onChange={(e) => setInput(e.target.value)} />
        </p>
        <button type="submit">Protokoll anzeigen</button>
      </form>
      {clientId && <TrailOf clientId={clientId} />}
      {clientId && <Art15Letter clientId={clientId} />}
    </Main>
  );
}

function TrailOf({ clientId }: { clientId: string }) {
  const [result] = useQuery({ query: Trail, variables: { clientId } });
  const [exportResult] = useQuery({ query: Export, variables: { clientId } });
  const doc = exportResult.data?.auditExport.document;
  const download = useMemo(() => (doc ? URL.createObjectURL(new Blob([doc], { type: 'application/json' })) : ''), [doc]);
  const v = result.data?.verifyAuditChain;
  return (
    <section aria-labelledby="trail">
      <h2 id="trail">Protokoll für {clientId}</h2>
      <ErrorBox error={result.error} />
      {result.fetching && <Loading />}
      {v && (
        <p role="status" className={v.valid ? 'success' : 'error'}>
          {v.valid
            ? `Kette geprüft: unverändert (${v.entries} Einträge).`
            : `Kette beschädigt: ${label(CHAIN_PROBLEM_DE, v.problem)} ab Eintrag ${v.firstBrokenSeq ?? '–'}.`}
        </p>
      )}
      {download && (
        <p>
          <a className="button" href={download} download={`pruefprotokoll-${clientId}.json`}>
            Export herunterladen
          </a>{' '}
          Offline prüfen mit <code>npm run audit:verify -- pruefprotokoll-{clientId}.json &lt;öffentlicher Prüfschlüssel&gt;</code>.
        </p>
      )}
      {result.data && (
        <table>
          <caption className="sr-only">Protokolleinträge</caption>
          <thead>
            <tr>
              <th scope="col">Nr.</th>
              <th scope="col">Zeitpunkt</th>
              <th scope="col">Stelle</th>
              <th scope="col">Zweck</th>
              <th scope="col">Kategorie</th>
              <th scope="col">Entscheidung</th>
              <th scope="col">Grund</th>
            </tr>
          </thead>
          <tbody>
            {result.data.auditTrail.edges.map(({ node: n }) => (
              <tr key={n.seq}>
                <td>{n.seq}</td>
                <td>{new Date(n.at).toLocaleString('de-DE')}</td>
                <td>{agencyName(n.agency)}</td>
                <td>{n.purpose ? (PURPOSE_DE[n.purpose as Purpose] ?? n.purpose) : '–'}</td>
                <td>{n.category ? (CATEGORY_DE[n.category as DataCategory] ?? n.category) : '–'}</td>
                <td>{n.allowed ? 'erlaubt' : 'verweigert'}</td>
                <td>{label(AUDIT_REASON_DE, n.reason)}{n.legalBar ? ` (${label(NORM_DE, n.legalBar)})` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
