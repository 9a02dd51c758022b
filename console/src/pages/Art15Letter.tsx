import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import { CATEGORY_DE, formatDate, PURPOSE_DE, type DataCategory, type Purpose } from '../labels.ts';
import { ErrorBox, Loading } from '../ui.tsx';

const Art15 = graphql(`
  query ConsoleArt15($clientId: ID!) {
    art15Report(clientId: $clientId) {
      generatedAt
      recipients {
        name
        disclosures
        firstDisclosedAt
        lastDisclosedAt
        categories {
          category
          purposes
          legalBases {
            name
          }
        }
      }
    }
  }
`);

/** GDPR Art. 15 (1)(c): who received which data of the client, as a letter to print. */
export function Art15Letter({ clientId }: { clientId: string }) {
  const [result] = useQuery({ query: Art15, variables: { clientId } });
  const report = result.data?.art15Report;
  return (
    <section aria-labelledby="art15" className="letter">
      <h2 id="art15">Auskunft nach Art. 15 DSGVO: Empfänger Ihrer Daten</h2>
      <ErrorBox error={result.error} />
      {result.fetching && <Loading />}
      {report && (
        <>
          <p>
            Stand: {formatDate(report.generatedAt)}. Folgende Stellen haben Daten zu der Person mit der KIM-Nummer {clientId} erhalten:
          </p>
          {report.recipients.length === 0 && <p>Keine Stelle hat Daten erhalten.</p>}
          {report.recipients.map((r) => (
            <div key={r.name}>
              <h3>{r.name}</h3>
              <p>
                {r.disclosures} Übermittlungen, zuerst am {formatDate(r.firstDisclosedAt)}, zuletzt am {formatDate(r.lastDisclosedAt)}.
              </p>
              <ul>
                {r.categories.map((c) => (
                  <li key={c.category}>
                    {CATEGORY_DE[c.category as DataCategory] ?? c.category} – Zweck: {c.purposes.map((p) => PURPOSE_DE[p as Purpose] ?? p).join(', ')}; Rechtsgrundlage:{' '}
                    {c.legalBases.map((b) => b.name).join('; ')}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p className="no-print">
            <button type="button" onClick={() => window.print()}>
              Auskunft drucken
            </button>
          </p>
        </>
      )}
    </section>
  );
}
