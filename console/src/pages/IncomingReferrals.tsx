import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import type { ReferralOutcome } from '../gql/graphql.ts';
import { Denials, reasonText, type FieldError } from '../denial.ts';
import { formatDate, label, REFERRAL_OUTCOME_DE, REFERRAL_REASON_DE } from '../labels.ts';
import { href } from '../route.ts';
import { ErrorBox, Loading, Main, ScrollTable, Success } from '../ui.tsx';

const Incoming = graphql(`
  query ConsoleIncomingReferrals {
    incomingReferrals(open: true) {
      id
      clientId
      reason
      healthReason
      sentAt
      firstContactAt
      outcome
      note
    }
  }
`);
const Acknowledge = graphql(`
  mutation ConsoleAcknowledgeReferral($id: ID!, $on: String!) {
    acknowledgeReferral(id: $id, firstContactOn: $on) {
      id
    }
  }
`);
const Outcome = graphql(`
  mutation ConsoleReferralOutcome($id: ID!, $outcome: ReferralOutcome!, $on: String!) {
    recordReferralOutcome(id: $id, outcome: $outcome, on: $on) {
      id
    }
  }
`);

const today = () => new Date().toISOString().slice(0, 10);

/** Why a cell has no value (never a blank). */
const Why = ({ error }: { error: FieldError | undefined }) => <span className="denied">{reasonText(error)}</span>;

/**
 * The referral's reason: the reason, or a health-related one (HEALTH, shown only where the
 * consent covers health data), or why neither can be shown.
 */
function ReasonCell({ reason, healthReason, denials, at }: { reason: string | null | undefined; healthReason: string | null | undefined; denials: Denials; at: string }) {
  if (reason) return <>{label(REFERRAL_REASON_DE, reason)}</>;
  if (healthReason) return <>{label(REFERRAL_REASON_DE, healthReason)} (gesundheitsbezogen)</>;
  const error = denials.at(`${at}.reason`) ?? denials.at(`${at}.healthReason`);
  return error ? <Why error={error} /> : <>–</>;
}

/** Referrals addressed to the caller's agency: first contact, then the outcome. */
export function IncomingReferrals() {
  const [result, reexecute] = useQuery({ query: Incoming });
  const [ack, acknowledge] = useMutation(Acknowledge);
  const [out, recordOutcome] = useMutation(Outcome);
  const [outcomes, setOutcomes] = useState<Record<string, ReferralOutcome>>({});
  const [done, setDone] = useState('');
  const d = new Denials(result.error);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Main title="Eingehende Verweisungen">
      {done && <Success>{done}</Success>}
      <ErrorBox error={ack.error ?? out.error ?? (result.data ? undefined : result.error)} />
      {result.fetching && !result.data && <Loading />}
      {result.data && (
        <ScrollTable label="Offene Verweisungen">
          <table>
            <caption className="sr-only">Offene Verweisungen an Ihre Stelle</caption>
            <thead>
              <tr>
                <th scope="col">Nummer</th>
                <th scope="col">Klient/in</th>
                <th scope="col">Anlass</th>
                <th scope="col">Hinweis der Case Managerin / des Case Managers</th>
                <th scope="col">Gesendet</th>
                <th scope="col">Erstkontakt</th>
                <th scope="col">Ergebnis</th>
              </tr>
            </thead>
            <tbody>
              {result.data.incomingReferrals.map((r, i) => (
                <tr key={r.id}>
                  <td>{r.id}</td>
                  <td>{r.clientId ? <a href={href('klienten', r.clientId)}>{r.clientId}</a> : <Why error={d.at(`incomingReferrals.${i}.clientId`)} />}</td>
                  <td>
                    <ReasonCell reason={r.reason} healthReason={r.healthReason} denials={d} at={`incomingReferrals.${i}`} />
                  </td>
                  <td>{r.note ?? (d.at(`incomingReferrals.${i}.note`) ? <Why error={d.at(`incomingReferrals.${i}.note`)} /> : 'kein Hinweis')}</td>
                  <td>{formatDate(r.sentAt)}</td>
                  <td>
                    {r.firstContactAt ? (
                      formatDate(r.firstContactAt)
                    ) : (
                      <button
                        type="button"
                        onClick={async () => {
                          const res = await acknowledge({ id: r.id, on: today() });
                          if (!res.error) {
                            setDone(`Erstkontakt zur Verweisung ${r.id} erfasst.`);
                            refresh();
                          }
                        }}
                      >
                        Erstkontakt heute erfassen ({r.id})
                      </button>
                    )}
                  </td>
                  <td>
                    <label htmlFor={`outcome-${r.id}`} className="sr-only">
                      Ergebnis der Verweisung {r.id}
                    </label>
                    <select id={`outcome-${r.id}`} value={outcomes[r.id] ?? 'SUPPORT_STARTED'} onChange={(e) => setOutcomes({ ...outcomes, [r.id]: e.target.value as ReferralOutcome })}>
                      {Object.entries(REFERRAL_OUTCOME_DE).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v}
                        </option>
                      ))}
                    </select>{' '}
                    <button
                      type="button"
                      onClick={async () => {
                        const res = await recordOutcome({ id: r.id, outcome: outcomes[r.id] ?? 'SUPPORT_STARTED', on: today() });
                        if (!res.error) {
                          setDone(`Ergebnis zur Verweisung ${r.id} erfasst.`);
                          refresh();
                        }
                      }}
                    >
                      Ergebnis erfassen<span className="sr-only"> ({r.id})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {result.data?.incomingReferrals.length === 0 && <p>Keine offenen Verweisungen.</p>}
    </Main>
  );
}
