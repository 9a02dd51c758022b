import { serviceSdl, untaggedClientFields } from '@kim/schema';
import { fieldTag, resolveRules } from '@kim/service-kit';
import { buildASTSchema, isNonNullType, parse, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rules } from './permissions.ts';

/**
 * The SDL as plain GraphQL, to inspect tags and types. INTENTIONAL: assumeValidSDL, because
 * federation's directives are declared only by the subgraph library; and not
 * `buildSubgraphSchema`: under vitest, @apollo/subgraph loads graphql's CommonJS build and this
 * file its ESM build, and graphql refuses to mix the two.
 */
const schema = buildASTSchema(parse(serviceSdl(new URL('./schema.graphql', import.meta.url))), { assumeValidSDL: true });
const objectType = (name: string) => schema.getType(name) as GraphQLObjectType;

/** Fields owned by other subgraphs: never resolved here, so they carry no category and are denied outright. */
const EXTERNAL = ['Client.languageLevel', 'Client.receivesBenefits'];
const READINESS = { kind: 'category', category: 'NATURALISATION', inputs: ['RESIDENCE', 'EDUCATION_LANGUAGE', 'BENEFITS'] };
const category = (name: string, inputs: string[] = []) => ({ kind: 'category', category: name, inputs });
/** Residence data that also tells the asylum procedure (issue 14, item 4): the history, a title's statute. */
const RESIDENCE_WITH_ASYLUM = category('RESIDENCE', ['ASYLUM_PROCEDURE']);

describe('the immigration-office SDL', () => {
  it('tags every field reachable from Client with a category, but the external ones', () => {
    expect(untaggedClientFields(schema).filter((f) => !EXTERNAL.includes(f))).toEqual([]);
  });

  it('leaves no field to the fallback deny, and denies the external ones explicitly', () => {
    const { rules: resolved, unguarded } = resolveRules(schema, rules);
    expect(unguarded).toEqual([]);
    expect(EXTERNAL.every((f) => resolved.Client?.[f.split('.')[1]!] !== undefined)).toBe(true);
  });

  it('keeps the Client contract other services rely on', () => {
    const fields = Object.fromEntries(Object.values(objectType('Client').getFields()).map((f) => [f.name, [String(f.type), fieldTag(f)]]));
    expect(fields).toEqual({
      id: ['ID!', { kind: 'none' }],
      immigrationRecordId: ['String', category('IDENTITY')],
      residenceTitles: ['[ResidenceTitle!]', RESIDENCE_WITH_ASYLUM],
      currentResidenceTitle: ['ResidenceTitle', category('RESIDENCE')],
      currentResidenceTitleType: ['ResidenceTitleType', category('RESIDENCE')],
      residentSince: ['String', category('RESIDENCE')],
      workPermitted: ['Boolean', category('RESIDENCE')],
      asylumProcedure: ['AsylumProcedure', category('ASYLUM_PROCEDURE')],
      naturalisationApplication: ['NaturalisationApplication', category('NATURALISATION')],
      languageLevel: ['LanguageLevel', { kind: 'external' }],
      receivesBenefits: ['Boolean', { kind: 'external' }],
      naturalisationReadiness: ['NaturalisationReadiness', READINESS],
    });
  });

  it('tags every field of ResidenceTitle as residence data, its statute as asylum data too, and keeps it nullable', () => {
    for (const field of Object.values(objectType('ResidenceTitle').getFields())) {
      expect(fieldTag(field)).toEqual(field.name === 'legalBasis' ? RESIDENCE_WITH_ASYLUM : category('RESIDENCE'));
      expect(isNonNullType(field.type)).toBe(false);
    }
  });

  it.each([
    ['AsylumProcedure', category('ASYLUM_PROCEDURE')],
    ['NaturalisationApplication', category('NATURALISATION')],
  ])('tags every field of %s alike and keeps it nullable', (typeName, tag) => {
    for (const field of Object.values(objectType(typeName).getFields())) {
      expect(fieldTag(field)).toEqual(tag);
      expect(isNonNullType(field.type)).toBe(false);
    }
  });

  it('guards every field of NaturalisationReadiness with all its input categories', () => {
    const fields = Object.fromEntries(Object.values(objectType('NaturalisationReadiness').getFields()).map((f) => [f.name, [String(f.type), fieldTag(f)]]));
    expect(fields).toEqual({
      ready: ['Boolean!', READINESS],
      yearsOfResidence: ['Float', READINESS],
      unmetRequirements: ['[String!]!', READINESS],
      unmetRequirementCodes: ['[NaturalisationRequirement!]!', READINESS],
    });
  });
});
