import { Kind, parse, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { questionKeyOf, type QuestionTemplate } from './decision.ts';

/**
 * What one subgraph's fields ask consent, by `Type.field`: the named type the field returns (to
 * follow its selections) and the questions its category rule asks for each client. Built from a
 * subgraph's schema and rules (`fieldQuestionMap` in the service kit); the gateway reads every
 * subgraph's from `@kim/schema` (`plannedQuestions.json`, written by `npm run compose`).
 */
export type FieldQuestionMap = Readonly<Record<string, { readonly type?: string; readonly questions?: readonly QuestionTemplate[] }>>;

/**
 * The questions the category rules will ask for the fields of one operation, each once; none for
 * an operation that does not parse (its fetch then asks for itself). Follows inline fragments and
 * fragment spreads by their type condition (`_entities { ... on Client }`), so no schema is needed.
 */
export function operationQuestions(map: FieldQuestionMap, operation: string): QuestionTemplate[] {
  let document;
  try {
    document = parse(operation);
  } catch {
    return [];
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const found = new Map<string, QuestionTemplate>();
  const spreading = new Set<string>();
  const walk = (selections: SelectionSetNode, parent: string): void => {
    for (const s of selections.selections) {
      if (s.kind === Kind.FIELD) {
        const entry = map[`${parent}.${s.name.value}`];
        if (!entry) continue;
        for (const q of entry.questions ?? []) found.set(questionKeyOf('', q.category, q.source, q.request), q);
        if (s.selectionSet && entry.type) walk(s.selectionSet, entry.type);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, s.typeCondition?.name.value ?? parent);
      } else {
        const fragment = fragments.get(s.name.value);
        // A fragment that spreads itself is invalid GraphQL: followed once, not forever.
        if (!fragment || spreading.has(s.name.value)) continue;
        spreading.add(s.name.value);
        walk(fragment.selectionSet, fragment.typeCondition.name.value);
        spreading.delete(s.name.value);
      }
    }
  };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    walk(d.selectionSet, d.operation === 'query' ? 'Query' : d.operation === 'mutation' ? 'Mutation' : 'Subscription');
  }
  return [...found.values()];
}

/**
 * `operationQuestions` over several operations (each question once), each operation's remembered:
 * a plan's operations repeat from request to request. Bounded: the oldest is forgotten first.
 */
export function createOperationQuestions(map: FieldQuestionMap, maxRemembered = 500): (operations: readonly string[]) => readonly QuestionTemplate[] {
  const remembered = new Map<string, readonly QuestionTemplate[]>();
  const ofOperation = (operation: string): readonly QuestionTemplate[] => {
    const known = remembered.get(operation);
    if (known) return known;
    const templates = operationQuestions(map, operation);
    if (remembered.size >= maxRemembered) remembered.delete(remembered.keys().next().value!);
    remembered.set(operation, templates);
    return templates;
  };
  return (operations) => {
    if (operations.length === 0) return [];
    if (operations.length === 1) return ofOperation(operations[0]!);
    const all = new Map<string, QuestionTemplate>();
    for (const operation of operations) for (const q of ofOperation(operation)) all.set(questionKeyOf('', q.category, q.source, q.request), q);
    return [...all.values()];
  };
}
