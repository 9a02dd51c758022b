import { useEffect } from 'react';
import { useQuery } from 'urql';
import { CATEGORY_TEXT, GRANT_EVENT_TEXT, PURPOSE_TEXT, SUPERVISORY_AUTHORITY } from '@kim/schema/clientTexts';
import { useController, type Controller } from '../consoleConfig.ts';
import { graphql } from '../gql/index.ts';
import type { ConsoleArt15Query } from '../gql/graphql.ts';
import { formatDate, type DataCategory, type Purpose } from '../labels.ts';
import { href } from '../route.ts';
import type { Session } from '../session.ts';
import { ErrorBox, Loading, Main, ScrollTable } from '../ui.tsx';

const Art15 = graphql(`
  query ConsoleArt15($clientId: ID!) {
    art15Report(clientId: $clientId) {
      clientId
      generatedAt
      retentionDays
      caseEndedAt
      recipients {
        name
        disclosures
        firstDisclosedAt
        lastDisclosedAt
        categories {
          category
          purposes
          firstDisclosedAt
          lastDisclosedAt
          legalBases {
            name
          }
        }
      }
      consentEvents {
        grantId
        type
        at
        granteeName
        categories
        purposes
        recordedByAgency
        reason
        validUntil
      }
    }
  }
`);

/** The case manager's team knows the client's name and address (each field by its consent, as always). */
const Addressee = graphql(`
  query ConsoleArt15Addressee($clientId: ID!) {
    client(id: $clientId) {
      id
      givenName
      familyName
      contact {
        address
      }
    }
  }
`);

type Report = ConsoleArt15Query['art15Report'];

const categoryText = (c: string) => CATEGORY_TEXT[c as DataCategory] ?? c;
const purposeText = (p: string) => PURPOSE_TEXT[p as Purpose] ?? p;
const unique = (values: readonly string[]) => [...new Set(values)];
/** Whole years where the period is a whole number of years (1095 days: three years). */
const period = (days: number) => (days % 365 === 0 ? `${days / 365} ${days === 365 ? 'Jahr' : 'Jahren'}` : `${days} Tagen`);

/**
 * The answer to a request under Art. 15 GDPR as a letter to the client, in plain German: who
 * answers (the controller), the items of Art. 15 (1)(a)–(h), and the client's consent record.
 * Its own page, so that printing prints the letter and nothing else.
 */
export function Art15LetterPage({ clientId, session }: { clientId: string; session: Session }) {
  const [result] = useQuery({ query: Art15, variables: { clientId } });
  const caseManager = session.role === 'CASE_MANAGER';
  const [addressee] = useQuery({ query: Addressee, variables: { clientId }, pause: !caseManager });
  const controller = useController();
  // While the letter is shown, printing leaves out everything but the letter (styles.css).
  useEffect(() => {
    document.body.classList.add('print-letter');
    return () => document.body.classList.remove('print-letter');
  }, []);
  const report = result.data?.art15Report;
  const known = report && (report.consentEvents.length > 0 || report.recipients.length > 0);
  return (
    <Main title={`Auskunft nach Art. 15 DSGVO (${clientId})`}>
      <p className="no-print">
        <a href={href(caseManager ? 'klienten' : 'protokoll', ...(caseManager ? [clientId] : []))}>Zurück</a>
      </p>
      <ErrorBox error={result.error} />
      {(result.fetching || controller === undefined) && <Loading />}
      {report && controller !== undefined && (
        <>
          {!known && (
            <p className="notice no-print" role="status">
              Zu dieser KIM-Nummer liegen keine Einwilligungen und keine Übermittlungen vor – oder die Person ist für Sie nicht sichtbar.
            </p>
          )}
          <p className="no-print">
            <button type="button" onClick={() => window.print()}>
              Brief drucken
            </button>
          </p>
          <Letter report={report} controller={controller} addressee={addressee.data?.client ?? null} />
        </>
      )}
    </Main>
  );
}

interface Addressee {
  readonly givenName?: string | null;
  readonly familyName?: string | null;
  readonly contact?: { readonly address?: string | null } | null;
}

function Letter({ report, controller, addressee }: { report: Report; controller: Controller | null; addressee: Addressee | null }) {
  const name = [addressee?.givenName, addressee?.familyName].filter(Boolean).join(' ');
  const address = addressee?.contact?.address;
  const purposes = unique(['CASE_MANAGEMENT', ...report.consentEvents.flatMap((e) => e.purposes), ...report.recipients.flatMap((r) => r.categories.flatMap((c) => c.purposes))]);
  const categories = unique([...report.consentEvents.flatMap((e) => e.categories), ...report.recipients.flatMap((r) => r.categories.map((c) => c.category))]);
  const deletion = report.caseEndedAt ? new Date(new Date(report.caseEndedAt).getTime() + report.retentionDays * 86_400_000).toISOString() : null;
  return (
    <article className="letter" aria-label={`Brief: Auskunft nach Art. 15 DSGVO zur KIM-Nummer ${report.clientId}`}>
      <header className="letterhead">
        {controller ? (
          <p>
            <strong>{controller.name}</strong>
            {controller.address.map((line) => (
              <span key={line}>
                <br />
                {line}
              </span>
            ))}
          </p>
        ) : (
          <p className="error">Die verantwortliche Stelle ist nicht eingerichtet (KIM_CONTROLLER_NAME, KIM_CONTROLLER_ADDRESS): bitte vor dem Versand von Hand ergänzen.</p>
        )}
      </header>
      <p className="addressee">
        {name || `Klientin / Klient mit der KIM-Nummer ${report.clientId}`}
        <br />
        {address ?? <span className="fill-in">Anschrift: ______________________________</span>}
      </p>
      <p className="date">Datum: {formatDate(report.generatedAt)}</p>
      <p className="subject">
        <strong>Auskunft nach Art. 15 der Datenschutz-Grundverordnung (DSGVO) – Ihre KIM-Nummer {report.clientId}</strong>
      </p>
      <p>Guten Tag{name ? ` ${name}` : ''},</p>
      <p>
        Sie haben uns gefragt, welche Daten wir über Sie verarbeiten. Wir verarbeiten Daten über Sie im Kommunalen Integrationsmanagement (KIM). Hier ist unsere
        Auskunft.
      </p>

      <h2>1. Wofür wir Ihre Daten verarbeiten (Art. 15 Abs. 1 Buchst. a)</h2>
      <ul>
        {purposes.map((p) => (
          <li key={p}>{purposeText(p)}</li>
        ))}
      </ul>

      <h2>2. Welche Daten (Art. 15 Abs. 1 Buchst. b)</h2>
      {categories.length ? (
        <ul>
          {categories.map((c) => (
            <li key={c}>{categoryText(c)}</li>
          ))}
        </ul>
      ) : (
        <p>Angaben zu Ihrer Person und zu Ihrer Begleitung im Integrationsmanagement, so wie Sie sie uns gegeben haben.</p>
      )}

      <h2>3. Wer Ihre Daten erhalten hat (Art. 15 Abs. 1 Buchst. c)</h2>
      {report.recipients.length === 0 ? (
        <p>Bisher hat keine andere Stelle Daten über Sie von uns erhalten.</p>
      ) : (
        <>
          <p>Diese Stellen haben Daten über Sie erhalten. Jede Übermittlung ist protokolliert.</p>
          <ScrollTable label="Empfänger Ihrer Daten">
            <table>
              <caption>Empfänger, Daten und Zeitraum</caption>
              <thead>
                <tr>
                  <th scope="col">Stelle</th>
                  <th scope="col">Welche Daten</th>
                  <th scope="col">Wann</th>
                  <th scope="col">Rechtsgrundlage</th>
                </tr>
              </thead>
              <tbody>
                {report.recipients.flatMap((r) =>
                  r.categories.map((c) => (
                    <tr key={`${r.name}-${c.category}`}>
                      <th scope="row">{r.name}</th>
                      <td>
                        {categoryText(c.category)}
                        <br />
                        <span className="muted">für: {c.purposes.map(purposeText).join('; ')}</span>
                      </td>
                      <td>{c.firstDisclosedAt.slice(0, 10) === c.lastDisclosedAt.slice(0, 10) ? `am ${formatDate(c.firstDisclosedAt)}` : `vom ${formatDate(c.firstDisclosedAt)} bis ${formatDate(c.lastDisclosedAt)}`}</td>
                      <td>{c.legalBases.map((b) => b.name).join('; ')}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}

      <h2>4. Wie lange wir Ihre Daten speichern (Art. 15 Abs. 1 Buchst. d)</h2>
      <p>
        Wir löschen Ihre Daten im Integrationsmanagement {period(report.retentionDays)} nach dem Ende Ihrer Begleitung.
        {report.caseEndedAt && deletion
          ? ` Ihre Begleitung endete am ${formatDate(report.caseEndedAt)}; Ihre Daten werden ab dem ${formatDate(deletion)} gelöscht.`
          : ' Ihre Begleitung läuft noch.'}{' '}
        Die Ausländerbehörde, das Jobcenter und die Wohlfahrtsverbände bewahren ihre eigenen Akten nach den für sie geltenden Vorschriften auf.
      </p>

      <h2>5. Ihre Rechte (Art. 15 Abs. 1 Buchst. e)</h2>
      <ul>
        <li>Sind Daten falsch, berichtigen wir sie (Art. 16 DSGVO).</li>
        <li>Sie können verlangen, dass wir Daten löschen, die wir nicht mehr brauchen oder nicht speichern dürfen (Art. 17 DSGVO).</li>
        <li>Sie können verlangen, dass wir Daten nur noch eingeschränkt verarbeiten, zum Beispiel solange geprüft wird, ob sie richtig sind (Art. 18 DSGVO).</li>
        <li>Sie können der Verarbeitung widersprechen, wenn sie auf einer gesetzlichen Aufgabe beruht und Ihre besondere Lage dagegen spricht (Art. 21 DSGVO).</li>
        <li>Eine Einwilligung können Sie jederzeit widerrufen, ohne Nachteile bei Leistungen, auf die Sie einen Anspruch haben; sie gilt dann ab sofort nicht mehr (Art. 7 Abs. 3 DSGVO).</li>
      </ul>

      <h2>6. Beschwerde (Art. 15 Abs. 1 Buchst. f)</h2>
      <p>
        Sie können sich bei der Aufsichtsbehörde für den Datenschutz beschweren: {SUPERVISORY_AUTHORITY.name}, {SUPERVISORY_AUTHORITY.address.join(', ')}, {SUPERVISORY_AUTHORITY.email},{' '}
        {SUPERVISORY_AUTHORITY.web}.
      </p>

      <h2>7. Woher Ihre Daten stammen (Art. 15 Abs. 1 Buchst. g)</h2>
      <p>
        Die meisten Daten haben Sie uns selbst gegeben, im Aufnahmegespräch und in der Beratung. Daten der Ausländerbehörde, des Jobcenters und der Wohlfahrtsverbände stammen
        aus deren Akten; wir sehen sie nur, soweit Sie eingewilligt haben oder ein Gesetz es erlaubt.
      </p>

      <h2>8. Automatisierte Entscheidungen (Art. 15 Abs. 1 Buchst. h)</h2>
      <p>
        Über Sie wird nicht automatisiert entschieden, auch nicht durch Profiling (Art. 22 DSGVO). Ob Sie zur Zielgruppe des Integrationsmanagements gehören, wird aus
        Geburtsdatum und Aufenthaltstitel berechnet; darüber, ob Sie begleitet werden, entscheidet Ihre Case Managerin oder Ihr Case Manager.
      </p>

      <h2>9. Ihre Einwilligungen</h2>
      {report.consentEvents.length === 0 ? (
        <p>Es sind keine Einwilligungen von Ihnen erfasst.</p>
      ) : (
        <ScrollTable label="Ihre Einwilligungen">
          <table>
            <caption>Einwilligungen, Ablehnungen, Verlängerungen und Widerrufe, älteste zuerst</caption>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Was</th>
                <th scope="col">An wen</th>
                <th scope="col">Welche Daten, wofür</th>
                <th scope="col">Erfasst von</th>
              </tr>
            </thead>
            <tbody>
              {report.consentEvents.map((e, i) => (
                <tr key={`${e.grantId}-${i}`}>
                  <td>{formatDate(e.at)}</td>
                  <td>
                    {GRANT_EVENT_TEXT[e.type] ?? e.type}
                    {e.validUntil ? `, gültig bis ${formatDate(e.validUntil)}` : ''}
                    {e.reason ? ` – ${e.reason}` : ''}
                    <br />
                    <span className="muted">Nr. {e.grantId}</span>
                  </td>
                  <td>{e.granteeName}</td>
                  <td>
                    {e.categories.map(categoryText).join('; ')}
                    <br />
                    <span className="muted">für: {e.purposes.map(purposeText).join('; ')}</span>
                  </td>
                  <td>{e.recordedByAgency}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}

      <p>Haben Sie Fragen, wenden Sie sich an Ihr Integrationsmanagement oder an unsere Datenschutzbeauftragte{controller?.dpo.length ? `: ${controller.dpo.join(', ')}` : '.'}</p>
      <p className="closing">
        Mit freundlichen Grüßen
        <br />
        Im Auftrag
      </p>
      <p className="signature">______________________________</p>
    </article>
  );
}
