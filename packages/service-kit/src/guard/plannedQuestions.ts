import { TypeInfo, getNamedType, parse, visit, visitWithTypeInfo, type GraphQLSchema } from 'graphql';
import { questionKeyOf, type QuestionTemplate } from '@kim/core';
import type { RuleMap } from './buildPermissions.ts';
import { categoryQuestions } from './categoryQuestions.ts';
import { taggedFields } from './fieldTags.ts';

/**
 * The questions the category rules will ask for the fields of the given operations (the later
 * fetches of this subgraph in the same gateway request, named in its assertion), so the first
 * fetch can ask them together with its own. Operations are parsed against this subgraph's schema
 * once each and remembered (a plan's operations repeat from request to request); an operation
 * that does not parse asks nothing extra — its fetch then asks for itself, as without this.
 */
export function createPlannedQuestions(schema: GraphQLSchema, explicit: RuleMap, maxRemembered = 500): (operations: readonly string[]) => readonly QuestionTemplate[] {
  // The fields whose rule is their SDL tag's category rule (resolveRules: an explicit rule wins).
  const byField = new Map<string, readonly QuestionTemplate[]>();
  for (const { type, field, tag } of taggedFields(schema)) {
    if (tag.kind === 'category' && !explicit[type]?.[field]) byField.set(`${type}.${field}`, categoryQuestions(tag.category, tag.inputs));
  }
  const remembered = new Map<string, readonly QuestionTemplate[]>();
  const ofOperation = (operation: string): readonly QuestionTemplate[] => {
    const known = remembered.get(operation);
    if (known) return known;
    const found = new Map<string, QuestionTemplate>();
    try {
      const typeInfo = new TypeInfo(schema);
      visit(
        parse(operation),
        visitWithTypeInfo(typeInfo, {
          Field() {
            const parent = typeInfo.getParentType();
            const field = typeInfo.getFieldDef();
            if (!parent || !field) return;
            for (const q of byField.get(`${getNamedType(parent).name}.${field.name}`) ?? []) found.set(questionKeyOf('', q.category, q.source, q.request), q);
          },
        }),
      );
    } catch {
      found.clear();
    }
    const templates = [...found.values()];
    if (remembered.size >= maxRemembered) remembered.delete(remembered.keys().next().value!);
    remembered.set(operation, templates);
    return templates;
  };
  return (operations) => {
    if (operations.length === 0) return [];
    const all = new Map<string, QuestionTemplate>();
    for (const operation of operations) for (const q of ofOperation(operation)) all.set(questionKeyOf('', q.category, q.source, q.request), q);
    return [...all.values()];
  };
}
