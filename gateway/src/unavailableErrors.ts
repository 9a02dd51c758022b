import { Kind, parse, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';

const MESSAGE = 'A service did not answer; these fields could not be fetched.';

function fieldNames(selectionSet: SelectionSetNode | undefined): string[] {
  return (selectionSet?.selections ?? []).flatMap((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === '__typename' ? [] : [(s.alias ?? s.name).value];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldNames(s.selectionSet);
    return [];
  });
}

/**
 * The errors a failed subgraph fetch stands for, one per field the gateway asked of that
 * subgraph, with paths the gateway maps onto the caller's response — so a caller sees which
 * fields are missing, and nothing about why (no URL, status or service name).
 */
export function unavailableErrors(query: string | undefined, variables: Record<string, unknown> | undefined): GraphQLFormattedError[] {
  const error = (path: (string | number)[]): GraphQLFormattedError => ({ message: MESSAGE, path, extensions: { code: 'SERVICE_UNAVAILABLE' } });
  let document;
  try {
    document = parse(query ?? '');
  } catch {
    return [error([])];
  }
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [error([])];
  return operation.selectionSet.selections.flatMap((root) => {
    if (root.kind !== Kind.FIELD) return [];
    const name = (root.alias ?? root.name).value;
    if (root.name.value !== '_entities') return [error([name])];
    const representations = Array.isArray(variables?.representations) ? variables.representations : [];
    const fields = fieldNames(root.selectionSet);
    return representations.flatMap((_r, i) => fields.map((f) => error([name, i, f])));
  });
}
