import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '@kim/schema';
import type { GraphQLSchema } from 'graphql';
import { apolloGatewayWithoutTelemetry } from '../apolloGateway.ts';

/** For unit tests: the schema callers see, planned from the committed supergraph as the gateway does. */
export async function loadApiSchema(): Promise<GraphQLSchema> {
  const gateway = apolloGatewayWithoutTelemetry({ supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'), logger: { debug() {}, info() {}, warn() {}, error() {} } });
  const { schema } = await gateway.load();
  await gateway.stop();
  return schema;
}

/** Client fields from every agency, as the README's joined view asks for them. */
export const ALL_AGENCIES_CLIENT_FIELDS = /* GraphQL */ `
  id givenName familyName town status contact { phone address } caseManager { id } referrals { toAgency sentAt }
  currentResidenceTitleType residenceTitles { titleType validFrom } asylumProcedure { state } benefitCase { status householdSize }
  receivesBenefits measures { type } counsellingContacts { association service } healthNeeds { description } languageLevel
  naturalisationReadiness { ready unmetRequirements } targetGroup(on: "2024-06-01") { eligible stage } consents { grantee active }
`;
