import { useState } from 'react';
import { useClient } from 'urql';
import { Denials, errorMessage, reasonText } from '../denial.ts';
import { graphql } from '../gql/index.ts';

const BenefitReceipt = graphql(`
  query ConsoleBenefitReceipt($id: ID!, $reason: String!, $fileReference: String!) {
    client(id: $id) {
      id
      benefitReceipt(reason: $reason, fileReference: $fileReference)
    }
  }
`);

/**
 * The immigration office's request in the individual case (§ 87 AufenthG with § 71 (2) SGB X):
 * whether SGB II benefits are granted now, and nothing else, with why and under which file.
 */
export function TransferRequest({ clientId }: { clientId: string }) {
  const client = useClient();
  const [reason, setReason] = useState('');
  const [fileReference, setFileReference] = useState('');
  const [answer, setAnswer] = useState<string>('');
  const [refusal, setRefusal] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setAnswer('');
    const result = await client.query(BenefitReceipt, { id: clientId, reason, fileReference }).toPromise();
    const value = result.data?.client?.benefitReceipt;
    const denied = new Denials(result.error).at('client.benefitReceipt');
    setRefusal(value === null || value === undefined ? (denied ? `Abgelehnt: ${reasonText(denied)}` : result.error ? errorMessage(result.error) : 'Nicht gefunden – oder für Sie nicht sichtbar.') : '');
    if (value !== null && value !== undefined) setAnswer(value ? 'Ja: Die Person bezieht derzeit Leistungen nach dem SGB II.' : 'Nein: Die Person bezieht derzeit keine Leistungen nach dem SGB II.');
  };
  return (
    <section aria-labelledby="transfer">
      <h2 id="transfer">Anfrage an das Jobcenter (§ 87 AufenthG i. V. m. § 71 Abs. 2 SGB X)</h2>
      <p className="hint">Sie erfahren nur, ob derzeit Leistungen bezogen werden. Grund und Aktenzeichen werden protokolliert; das Jobcenter sieht sie.</p>
      <form onSubmit={submit} className="stack">
        <p>
          <label htmlFor="transfer-reason">Grund der Anfrage (10–500 Zeichen)</label>
          <textarea id="transfer-reason" required minLength={10} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </p>
        <p>
          <label htmlFor="transfer-file">Aktenzeichen der Ausländerbehörde</label>
          <input id="transfer-file" required minLength={3} maxLength={100} value={fileReference} onChange={(e) => setFileReference(e.target.value)} />
        </p>
        <button type="submit">Anfrage stellen</button>
      </form>
      {refusal && (
        <p role="alert" className="error">
          {refusal}
        </p>
      )}
      {answer && <p role="status" className="success">{answer}</p>}
    </section>
  );
}
