import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { createOperationQuestions, type FieldQuestionMap, type QuestionTemplate } from '@kim/core';
import type { RuleMap } from './buildPermissions.ts';
import { categoryQuestions } from './categoryQuestions.ts';
import { fieldTag } from './fieldTags.ts';

/**
 * Each field of the schema with the type it returns and, where its rule is its SDL tag's category
 * rule (resolveRules: an explicit rule wins and asks for itself), the questions that rule asks
 * for each client. What the gateway and this subgraph read operations against to know ahead
 * what a fetch will ask (`npm run compose` writes every subgraph's to `@kim/schema`).
 */
export function fieldQuestionMap(schema: GraphQLSchema, explicit: RuleMap): FieldQuestionMap {
  const map: Record<string, { type?: string; questions?: readonly QuestionTemplate[] }> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const tag = fieldTag(field);
      const questions = tag.kind === 'category' && !explicit[type.name]?.[field.name] ? categoryQuestions(tag.category, tag.inputs) : undefined;
      const returns = getNamedType(field.type);
      const composite = !('serialize' in returns);
      if (!questions && !composite) continue;
      map[`${type.name}.${field.name}`] = { ...(composite ? { type: returns.name } : {}), ...(questions ? { questions } : {}) };
    }
  }
  return map;
}

/**
 * The questions the category rules will ask for the fields of the given operations (the later
 * fetches of this subgraph in the same gateway request, named in its assertion), so the first
 * fetch can ask them together with its own. An operation that does not parse asks nothing extra
 * — its fetch then asks for itself, as without this.
 */
export function createPlannedQuestions(schema: GraphQLSchema, explicit: RuleMap, maxRemembered = 500): (operations: readonly string[]) => readonly QuestionTemplate[] {
  return createOperationQuestions(fieldQuestionMap(schema, explicit), maxRemembered);
}
