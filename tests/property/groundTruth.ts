import { DATA_CATEGORIES, WELFARE_ASSOCIATIONS } from '@kim/schema';
import { getNamedType, getNullableType, isListType, isObjectType, isScalarType, parse, type GraphQLSchema } from 'graphql';
import { removeGrants, storeGrants } from '../../consent/src/grants/storeGrants.testSupport.ts';
import type { TestHub } from '../support/testHub.ts';
import type { FieldRules } from './fieldRules.ts';
import { fullSelectionSet } from './operations.ts';
import { ASSOCIATION_HELD_LISTS } from './oracle.ts';
import { walkResponse } from './walkResponse.ts';

/** One text value of one field of one client (`Type.field`). */
export interface TruthValue {
  readonly clientId: string;
  readonly fieldKey: string;
  readonly value: string;
}

/**
 * One row of one list of one client (`Client.goals`, `Client.counsellingContacts`, …): its id (or
 * its position, for rows without one) and, for rows an association holds, the association.
 */
export interface TruthRow {
  readonly clientId: string;
  readonly list: string;
  readonly id: string;
  readonly association?: string;
}

/** A client's own list of objects (`Client.measures`): the lists the oracle counts rows of. */
export function isClientList(parentType: string, field: { type: Parameters<typeof getNullableType>[0] }): boolean {
  const type = getNullableType(field.type);
  return parentType === 'Client' && isListType(type) && isObjectType(getNamedType(type));
}

export interface GroundTruth {
  readonly values: readonly TruthValue[];
  readonly rows: readonly TruthRow[];
}

const TRUTH_READER = { persona: 'jobcenter', agency: 'JOBCENTER', purpose: 'LABOUR_MARKET_INTEGRATION' } as const;

/**
 * Everything the hub holds about the clients, read once through the gateway by a caller made to
 * see it all: the jobcenter, with temporary grants of every category from every client, one
 * released by each association (its scope is then every client, and no secrecy barrier concerns
 * it). Removed again afterwards.
 * Reading through the gateway gives the values in the form a response would carry them.
 */
export async function readGroundTruth(hub: TestHub, schema: GraphQLSchema, rules: FieldRules, clientIds: readonly string[]): Promise<GroundTruth> {
  const owner = hub.services.consent.owner.sql;
  await storeGrants(
    owner,
    hub.auditKey,
    clientIds.flatMap((clientId) =>
      WELFARE_ASSOCIATIONS.map((association) => ({
        id: `T-${clientId}-${association}`,
        kimClientId: clientId,
        grantee: TRUTH_READER.agency,
        categories: [...DATA_CATEGORIES],
        purposes: [TRUTH_READER.purpose],
        releasingOrganisation: association,
        validFrom: new Date(Date.now() - 24 * 60 * 60 * 1000),
        recordedBy: 'property-test',
      })),
    ),
  );
  try {
    // Grant records are not client data of a category (and not the jobcenter's to read).
    const client = fullSelectionSet(schema, 'Client', (type, field) => rules.get(`${type}.${field}`)?.kind !== 'restricted');
    const query = `query Truth { clients(first: ${clientIds.length}) { totalCount edges { node ${client} } } }`;
    const response = await hub.query(TRUTH_READER.persona, query, undefined, { purpose: TRUTH_READER.purpose });
    const total = (response.body.data?.clients as { totalCount?: unknown } | undefined)?.totalCount;
    if (response.body.errors || total !== clientIds.length) {
      throw new Error(`the ground truth is incomplete: ${JSON.stringify({ total, errors: response.body.errors })}`);
    }
    const values: TruthValue[] = [];
    const rows: TruthRow[] = [];
    const problems = walkResponse(schema, parse(query), response.body.data ?? {}, {
      field: ({ parentType, field, value, clientId }) => {
        if (clientId === undefined || value === null) return;
        const fieldKey = `${parentType.name}.${field.name}`;
        const named = getNamedType(field.type);
        // Enum values are the vocabulary (HEALTH is also a category's name): only free text and ids.
        if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) {
          for (const text of [value].flat()) if (typeof text === 'string') values.push({ clientId, fieldKey, value: text });
        }
        if (isClientList(parentType.name, field) && Array.isArray(value)) {
          const held = (ASSOCIATION_HELD_LISTS as readonly string[]).includes(fieldKey);
          for (const [i, row] of (value as { id?: string; association?: string }[]).entries()) {
            rows.push({ clientId, list: fieldKey, id: row.id ?? String(i), ...(held && row.association ? { association: row.association } : {}) });
          }
        }
      },
    });
    if (problems.length > 0) throw new Error(`the ground truth does not fit its query: ${problems.join('; ')}`);
    return { values, rows };
  } finally {
    await removeGrants(owner, 'T-');
  }
}
