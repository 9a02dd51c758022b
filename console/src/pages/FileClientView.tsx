import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import { href } from '../route.ts';
import type { Session } from '../session.ts';
import { ErrorBox, Loading, Main } from '../ui.tsx';
import { ClientView, type JoinedResult } from './ClientView.tsx';

const ByImmigrationRecord = graphql(`
  query ConsoleJoinedByImmigrationRecord($recordId: ID!) {
    clientByImmigrationRecord(recordId: $recordId) {
      ...ConsoleJoinedClientFields
    }
  }
`);
const ByBenefitCase = graphql(`
  query ConsoleJoinedByBenefitCase($caseId: ID!) {
    clientByBenefitCase(caseId: $caseId) {
      ...ConsoleJoinedClientFields
    }
  }
`);

/** The immigration office's roles look files up in its records, the jobcenter's in its cases. */
export const isImmigrationRole = (role: string) => role.startsWith('IMMIGRATION_');

/** The errors of a file lookup as if the joined view had asked `client`: its fields find their reasons. */
function rootedAtClient(error: CombinedError | undefined): CombinedError | undefined {
  if (!error) return undefined;
  return new CombinedError({
    ...(error.networkError ? { networkError: error.networkError } : {}),
    graphQLErrors: error.graphQLErrors.map((e) => new GraphQLError(e.message, { path: e.path ? ['client', ...e.path.slice(1)] : undefined, extensions: e.extensions })),
    response: error.response,
  });
}

/**
 * The joined view of a client reached by the agency's own file id: the only way a caseworker
 * scoped to a team reaches a client (the case registry's `client(id:)` knows no one for them; its
 * part comes through the file's entity, each field by consent as always).
 */
export function FileClientView({ fileId, session }: { fileId: string; session: Session }) {
  const immigration = isImmigrationRole(session.role);
  const [byRecord] = useQuery({ query: ByImmigrationRecord, variables: { recordId: fileId }, pause: !immigration });
  const [byCase] = useQuery({ query: ByBenefitCase, variables: { caseId: fileId }, pause: immigration });
  const client = immigration ? byRecord.data?.clientByImmigrationRecord : byCase.data?.clientByBenefitCase;
  const raw = immigration ? byRecord : byCase;
  const result: JoinedResult = { data: raw.data ? { client } : undefined, error: rootedAtClient(raw.error), fetching: raw.fetching };
  const title = `Akte ${fileId}`;
  if (raw.fetching && !raw.data) return <Main title={title}><Loading /></Main>;
  if (!client)
    return (
      <Main title={title}>
        <p><a href={href('klienten')}>Zurück zur Liste</a></p>
        {raw.error && !raw.data ? <ErrorBox error={raw.error} /> : <p role="alert">Keine Akte mit dieser Nummer in Ihrem Team.</p>}
      </Main>
    );
  return <ClientView id={client.id} session={session} loaded={result} />;
}
