import {
  Kind,
  getNamedType,
  isCompositeType,
  isUnionType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { PAGE_SIZE_ARGUMENT } from './resolvePageSizes.ts';

/** The type whose objects carry a person's data when asked for one by one (`client(id:)`). */
export const COUNTED_TYPE = 'Client';

/**
 * How many objects an operation asks for, before it runs: each page's size (`first`, as
 * resolved by resolvePageSizes: a page of 100 clients or audit entries is 100) and one for each
 * Client asked for outside a page. A field repeated, aliased or spread again counts again; a page
 * inside a page multiplies. Fragments are counted once each (memoised), so a fragment that
 * spreads another many times costs the walk no more than the document's length.
 */
export function requestedObjects(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();

  const count = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, insidePage: boolean): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__') || isUnionType(parent)) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const type = getNamedType(field.type);
        const children = selection.selectionSet && isCompositeType(type);
        const size = selection.arguments?.find((a) => a.name.value === PAGE_SIZE_ARGUMENT)?.value;
        if (size?.kind === Kind.INT && field.args.some((a) => a.name === PAGE_SIZE_ARGUMENT)) {
          const items = Math.max(0, Number.parseInt(size.value, 10));
          total += items + (children ? items * count(selection.selectionSet, type, true) : 0);
        } else {
          total += (type.name === COUNTED_TYPE && !insidePage ? 1 : 0) + (children ? count(selection.selectionSet, type, insidePage) : 0);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += count(selection.selectionSet, type, insidePage);
      } else {
        const key = `${selection.name.value}:${insidePage}`;
        let objects = memo.get(key);
        if (objects === undefined) {
          const fragment = fragments.get(selection.name.value);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          // Validation has already refused cycles; the memo entry guards the walk regardless.
          memo.set(key, 0);
          objects = fragment && type && isCompositeType(type) ? count(fragment.selectionSet, type, insidePage) : 0;
          memo.set(key, objects);
        }
        total += objects;
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  return root ? count(operation.selectionSet, root, false) : 0;
}
