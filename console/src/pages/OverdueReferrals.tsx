import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import { Denials, reasonText } from '../denial.ts';
import { agencyName, formatDate, label, REFERRAL_REASON_DE } from '../labels.ts';
import { href } from '../route.ts';
import { ErrorBox, Loading, Main, ScrollTable } from '../ui.tsx';

const Overdue = graphql(`
  query ConsoleOverdueReferrals($days: Int!) {
    overdueReferrals(days: $days) {
      id
      clientId
      toAgency
      reason
      sentAt
    }
  }
`);

const DEFAULT_DAYS = 14;

/** A referral without a `reason`: denied (and why), or one whose reason speaks of health (`healthReason`). */
function ReasonWithout({ error }: { error: ReturnType<Denials['at']> }) {
  return <span className="denied">{error ? reasonText(error) : 'gesundheitsbezogen (besonders geschützt)'}</span>;
}

/**
 * The team's referrals without first contact or outcome some days after they were sent, oldest
 * first: where cooperation stalls (only clients who still take part in case management).
 */
export function OverdueReferrals() {
  const [days, setDays] = useState(DEFAULT_DAYS);
  const [input, setInput] = useState(String(DEFAULT_DAYS));
  const [result] = useQuery({ query: Overdue, variables: { days } });
  const denials = new Denials(result.error);
  const rows = result.data?.overdueReferrals ?? [];
  return (
    <Main title="Überfällige Verweisungen des Teams">
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setDays(Number(input));
        }}
      >
        <p>
          <label htmlFor="overdue-days">Ohne Erstkontakt und Ergebnis seit mehr als (Tage)</label>
          <input id="overdue-days" type="number" min={1} max={365} value={input} onChange={(e) => setInput(e.target.value)} />
        </p>
        <button type="submit">Anzeigen</button>
      </form>
      <ErrorBox error={result.data ? undefined : result.error} />
      {result.fetching && <Loading />}
      {result.data && (
        <>
          <p role="status">
            {rows.length === 0 ? `Keine Verweisung ist länger als ${days} Tage ohne Erstkontakt.` : `${rows.length} Verweisungen seit mehr als ${days} Tagen ohne Erstkontakt und Ergebnis.`}
          </p>
          {rows.length > 0 && (
            <ScrollTable label="Überfällige Verweisungen">
              <table>
                <caption className="sr-only">Überfällige Verweisungen</caption>
                <thead>
                  <tr>
                    <th scope="col">KIM-Nummer</th>
                    <th scope="col">An</th>
                    <th scope="col">Anlass</th>
                    <th scope="col">Gesendet am</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={r.id}>
                      <td>{r.clientId ? <a href={href('klienten', r.clientId)}>{r.clientId}</a> : <ReasonWithout error={denials.at(`overdueReferrals.${i}.clientId`)} />}</td>
                      <td>{agencyName(r.toAgency)}</td>
                      <td>{r.reason ? label(REFERRAL_REASON_DE, r.reason) : <ReasonWithout error={denials.at(`overdueReferrals.${i}.reason`)} />}</td>
                      <td>{formatDate(r.sentAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </>
      )}
    </Main>
  );
}
