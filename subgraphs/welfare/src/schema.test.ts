import { serviceSdl, untaggedClientFields } from '@kim/schema';
import { fieldTag, resolveRules } from '@kim/service-kit';
import { buildASTSchema, isNonNullType, isObjectType, parse, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rules } from './permissions.ts';

/**
 * The SDL as plain GraphQL, to inspect tags and types. INTENTIONAL: assumeValidSDL, because
 * federation's directives (@key, @link) are declared only by the subgraph library; and not
 * `buildSubgraphSchema` (nor `untaggedClientFieldsInSdl`): under vitest, @apollo/subgraph loads
 * graphql's CommonJS build and this file its ESM build, and graphql refuses to mix the two.
 */
const schema = buildASTSchema(parse(serviceSdl(new URL('./schema.graphql', import.meta.url))), { assumeValidSDL: true });
const objectType = (name: string) => schema.getType(name) as GraphQLObjectType;

describe('the welfare SDL', () => {
  it('tags every field reachable from Client with a category', () => {
    expect(untaggedClientFields(schema)).toEqual([]);
  });

  it('leaves no field to the fallback deny by accident', () => {
    expect(resolveRules(schema, rules).unguarded.filter((f) => !f.startsWith('Query.'))).toEqual([]);
  });

  it('keeps the Client contract other services rely on', () => {
    const tags = Object.fromEntries(Object.values(objectType('Client').getFields()).map((f) => [f.name, [String(f.type), fieldTag(f)]]));
    expect(tags).toEqual({
      id: ['ID!', { kind: 'none' }],
      counsellingContacts: ['[CounsellingContact!]', { kind: 'category', category: 'COUNSELLING', inputs: [] }],
      housingNeeds: ['[HousingNeed!]', { kind: 'category', category: 'HOUSING', inputs: [] }],
      healthNeeds: ['[HealthNeed!]', { kind: 'category', category: 'HEALTH', inputs: [] }],
      languageCourses: ['[LanguageCourse!]', { kind: 'category', category: 'EDUCATION_LANGUAGE', inputs: [] }],
      languageLevel: ['LanguageLevel', { kind: 'category', category: 'EDUCATION_LANGUAGE', inputs: [] }],
    });
  });

  it.each([
    ['CounsellingContact', 'COUNSELLING'],
    ['HousingNeed', 'HOUSING'],
    ['HealthNeed', 'HEALTH'],
    ['LanguageCourse', 'EDUCATION_LANGUAGE'],
  ])('tags every field of %s with %s and keeps it nullable', (typeName, category) => {
    const type = objectType(typeName);
    expect(isObjectType(type)).toBe(true);
    for (const field of Object.values(type.getFields())) {
      expect(fieldTag(field)).toEqual({ kind: 'category', category, inputs: [] });
      expect(isNonNullType(field.type)).toBe(false);
    }
  });
});
