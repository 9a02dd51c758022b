import { useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../gql/index.ts';
import { go } from '../route.ts';
import { isImmigrationRole } from './FileClientView.tsx';

const ByImmigrationRecord = graphql(`
  query ConsoleByImmigrationRecord($recordId: ID!) {
    clientByImmigrationRecord(recordId: $recordId) {
      id
    }
  }
`);
const ByBenefitCase = graphql(`
  query ConsoleByBenefitCase($caseId: ID!) {
    clientByBenefitCase(caseId: $caseId) {
      id
    }
  }
`);

/** The immigration office and the jobcenter reach a client by their own file id (FileClientView). */
export function FileLookup({ role }: { role: string }) {
  const client = useClient();
  const [fileId, setFileId] = useState('');
  const [message, setMessage] = useState('');
  const immigration = isImmigrationRole(role);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setMessage('');
    const id = fileId.trim();
    const found = immigration
      ? (await client.query(ByImmigrationRecord, { recordId: id }).toPromise()).data?.clientByImmigrationRecord?.id
      : (await client.query(ByBenefitCase, { caseId: id }).toPromise()).data?.clientByBenefitCase?.id;
    // The joined view by the file, not by KIM id: a team's caseworker reaches the client only so.
    if (found) go('akte', id);
    else setMessage('Keine Akte mit dieser Nummer in Ihrem Team.');
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Akte öffnen">
      <p>
        <label htmlFor="file-id">{immigration ? 'Aktenzeichen der Ausländerbehörde' : 'Fallnummer des Jobcenters'}</label>
        <input id="file-id" value={fileId} onChange={(e) => setFileId(e.target.value)} />
      </p>
      <button type="submit">Akte öffnen</button>
      {message && <p role="alert">{message}</p>}
    </form>
  );
}
