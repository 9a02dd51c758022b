import { useState } from 'react';
import { useQuery } from 'urql';
import { useBlobUrl } from '../blobUrls.ts';
import { graphql } from '../gql/index.ts';
import { agencyName, AUDIT_REASON_DE, CATEGORY_DE, NORM_DE, CHAIN_PROBLEM_DE, label, PURPOSE_DE, type DataCategory, type Purpose } from '../labels.ts';
import { href } from '../route.ts';
import { ErrorBox, Loading, Main, ScrollTable } from '../ui.tsx';

/** Entries on one page of the trail (the API gives at most 500). */
export const TRAIL_PAGE_SIZE = 100;

const Trail = graphql(`
  query ConsoleAuditTrail($clientId: ID!, $first: Int!, $after: String) {
    auditTrail(filter: { clientId: $clientId }, first: $first, after: $after) {
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
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const Verification = graphql(`
  query ConsoleAuditVerification($clientId: ID!) {
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
      keyId
      document
    }
    auditPublicKey {
      keyId
      pem
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
      {clientId && <TrailOf key={clientId} clientId={clientId} />}
    </Main>
  );
}

function TrailOf({ clientId }: { clientId: string }) {
  // The cursors of the pages seen so far: the last one is the page shown.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [result] = useQuery({ query: Trail, variables: { clientId, first: TRAIL_PAGE_SIZE, after: cursors[cursors.length - 1] ?? null } });
  const [verification] = useQuery({ query: Verification, variables: { clientId } });
  const v = verification.data?.verifyAuditChain;
  const page = result.data?.auditTrail;
  const from = (cursors.length - 1) * TRAIL_PAGE_SIZE + 1;
  const to = from + (page?.edges.length ?? 0) - 1;
  return (
    <section aria-labelledby="trail">
      <h2 id="trail">Protokoll für {clientId}</h2>
      <ErrorBox error={verification.error ?? result.error} />
      {v && (
        <p role="status" className={v.valid ? 'success' : 'error'}>
          {v.valid
            ? `Kette geprüft: unverändert (${v.entries} Einträge).`
            : `Kette beschädigt: ${label(CHAIN_PROBLEM_DE, v.problem)} ab Eintrag ${v.firstBrokenSeq ?? '–'}.`}
        </p>
      )}
      <p>
        <a href={href('auskunft', clientId)}>Auskunft nach Art. 15 DSGVO als Brief (zum Drucken)</a>
      </p>
      <ExportDownload clientId={clientId} />
      {result.fetching && <Loading />}
      {page && (
        <>
          <h3 id="trail-page">
            {page.edges.length === 0
              ? 'Keine Einträge'
              : `Einträge ${from.toLocaleString('de-DE')}–${to.toLocaleString('de-DE')}${v ? ` von ${Number(v.entries).toLocaleString('de-DE')}` : ''}`}
          </h3>
          <ScrollTable label="Protokolleinträge">
            <table aria-labelledby="trail-page">
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
                {page.edges.map(({ node: n }) => (
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
          </ScrollTable>
          <nav aria-label="Seiten des Protokolls" className="pager">
            <button type="button" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
              Vorherige Seite
            </button>
            <button type="button" disabled={!page.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, page.pageInfo.endCursor ?? null])}>
              Nächste Seite
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

/** The signed export and the public key to check it with, and how, step by step. */
function ExportDownload({ clientId }: { clientId: string }) {
  const [result] = useQuery({ query: Export, variables: { clientId } });
  const exported = result.data?.auditExport;
  const key = result.data?.auditPublicKey;
  const exportFile = `pruefprotokoll-${clientId}.json`;
  const keyFile = key ? `kim-pruefschluessel-${key.keyId}.pem` : '';
  const exportUrl = useBlobUrl(exported?.document, 'application/json');
  const keyUrl = useBlobUrl(key?.pem, 'application/x-pem-file');
  return (
    <section aria-labelledby="export">
      <h3 id="export">Signierter Export zur Prüfung außerhalb des KIM Hub</h3>
      <ErrorBox error={result.error} />
      {exportUrl && keyUrl && exported && key && (
        <>
          <p>
            <a className="button" href={exportUrl} download={exportFile}>
              Export herunterladen
            </a>{' '}
            <a className="button" href={keyUrl} download={keyFile}>
              Öffentlichen Prüfschlüssel herunterladen
            </a>
          </p>
          <p className="hint">
            {exported.entries} Einträge, signiert mit dem Prüfschlüssel <code>{exported.keyId}</code>. Der öffentliche Schlüssel ist kein Geheimnis: Er kann nur prüfen, nicht signieren.
          </p>
          <details>
            <summary>So prüfen Sie den Export selbst – Schritt für Schritt</summary>
            <ol className="steps">
              <li>
                Laden Sie beide Dateien herunter (<code>{exportFile}</code> und <code>{keyFile}</code>) und legen Sie sie in einen Ordner.
              </li>
              <li>
                Vergleichen Sie die Kennung des Schlüssels, <code>{key.keyId}</code>, mit der Kennung, die Ihnen bei der Einrichtung des KIM Hub auf anderem Weg mitgeteilt
                wurde (zum Beispiel im Einrichtungsprotokoll der Administration). Nur wenn beide gleich sind, beweist die Prüfung, dass der Export vom Einwilligungsdienst des
                KIM Hub stammt – eine Datei, die jemand samt eigenem Schlüssel untergeschoben hat, fiele sonst nicht auf.
              </li>
              <li>
                Installieren Sie auf einem Rechner Ihrer Wahl (er braucht keine Verbindung zum KIM Hub) <strong>Node.js</strong> ab Version 20.19 und <strong>git</strong>.
              </li>
              <li>
                Holen Sie den Quellcode des KIM Hub in der Fassung, die Ihre Verwaltung betreibt (die Administration nennt Ihnen die Adresse des Repositorys), und
                installieren Sie ihn einmal: <code>git clone &lt;Adresse&gt; kim-hub</code>, dann <code>cd kim-hub</code> und <code>npm ci</code>.
              </li>
              <li>
                Prüfen Sie im Ordner <code>kim-hub</code>: <code>npm run audit:verify -- &lt;Ordner&gt;/{exportFile} &lt;Ordner&gt;/{keyFile}</code>. Das Programm (
                <code>consent/src/cli/verifyAuditExport.ts</code>) arbeitet nur mit den beiden Dateien.
              </li>
              <li>
                Ergebnis <code>valid: … audit entries of client {clientId}, signed by audit key {key.keyId}</code>: Der Export ist unverändert und mit diesem Schlüssel
                signiert, und jede Prüfsumme der Kette dieser Person (auch jeder Einwilligung) stimmt. Ergebnis <code>INVALID</code> mit einer Liste: Die Datei wurde
                verändert oder stammt nicht von diesem Schlüssel – bewahren Sie die Datei auf und melden Sie den Befund. Kann eine Datei nicht gelesen werden, sagt das
                Programm das (Rückgabewert 2; gültig 0, ungültig 1).
              </li>
            </ol>
          </details>
        </>
      )}
    </section>
  );
}
