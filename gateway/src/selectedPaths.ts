import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';

/**
 * Whether a response path names a field the caller selected (by response key, through inline
 * fragments and fragment spreads; list indices pass). The gateway also fetches fields nobody
 * selected — the inputs of a `@requires` — and a refusal or failure of such an input comes back
 * with a path into the response that the caller never asked for. The derived field carries an
 * error of its own, so those are only noise.
 */
export function isSelectedPath(document: DocumentNode, operationName: string | null | undefined, path: readonly (string | number)[]): boolean {
  return selectedPathTest(document, operationName)(path);
}

/** `isSelectedPath` for one operation, its fragments looked up once for every path asked. */
function selectedPathTest(document: DocumentNode, operationName: string | null | undefined): (path: readonly (string | number)[]) => boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return () => true;

  // Every selection set a response key can be answered from, fragments flattened.
  const childSets = (sets: readonly SelectionSetNode[], key: string, seen = new Set<string>()): SelectionSetNode[] =>
    sets.flatMap((set) =>
      set.selections.flatMap((s) => {
        if (s.kind === Kind.FIELD) return (s.alias ?? s.name).value === key ? [s.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }] : [];
        if (s.kind === Kind.INLINE_FRAGMENT) return childSets([s.selectionSet], key, seen);
        const fragment = fragments.get(s.name.value);
        if (!fragment || seen.has(s.name.value)) return [];
        return childSets([fragment.selectionSet], key, new Set([...seen, s.name.value]));
      }),
    );

  const walk = (keys: readonly string[]) => {
    let sets: SelectionSetNode[] = [operation.selectionSet];
    for (const key of keys) {
      sets = childSets(sets, key);
      if (sets.length === 0) return false;
    }
    return true;
  };
  // A page's errors repeat the same few paths but for the list index (300 refusals on a page of
  // 50 clients, at a handful of fields): each is walked once.
  const known = new Map<string, boolean>();
  return (path) => {
    const keys = path.filter((segment): segment is string => typeof segment === 'string');
    const id = keys.join('\u0000');
    let selected = known.get(id);
    if (selected === undefined) known.set(id, (selected = walk(keys)));
    return selected;
  };
}

/** The errors to send: those without a path (the whole request) and those at selected paths. */
export function errorsAtSelectedPaths(
  errors: readonly GraphQLFormattedError[],
  document: DocumentNode | undefined,
  operationName: string | null | undefined,
): GraphQLFormattedError[] {
  if (!document) return [...errors];
  const selected = selectedPathTest(document, operationName);
  return errors.filter((e) => !e.path || selected(e.path));
}
