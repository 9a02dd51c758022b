import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type FragmentSpreadNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export type ResponsePath = readonly (string | number)[];

/** One response key of one object, with the field it answers. */
export interface FieldVisit {
  readonly path: ResponsePath;
  readonly parentType: GraphQLObjectType;
  readonly field: GraphQLField<unknown, unknown>;
  readonly args: Readonly<Record<string, unknown>>;
  readonly value: unknown;
  /** The nearest enclosing client: the id of the Client object the value belongs to. */
  readonly clientId: string | undefined;
}

export interface ObjectVisit {
  readonly path: ResponsePath;
  readonly type: GraphQLObjectType;
  readonly object: Readonly<Record<string, unknown>>;
  /** The response keys under which this object answers a field (aliases included). */
  readonly keysOf: (fieldName: string) => readonly string[];
  readonly clientId: string | undefined;
}

export interface ResponseVisitor {
  field?(visit: FieldVisit): void;
  object?(visit: ObjectVisit): void;
}

export const pathText = (path: ResponsePath) => path.join('.');

/**
 * Walks a response's `data` along the operation that produced it, resolving aliases, inline and
 * named fragments and `@include`/`@skip` the way execution does, so that every value is known by
 * the schema field it answers. Returns what did not fit (a key nobody asked for, a missing one):
 * a response the walker cannot account for cannot be judged either.
 */
export function walkResponse(
  schema: GraphQLSchema,
  document: DocumentNode,
  data: Readonly<Record<string, unknown>>,
  visitor: ResponseVisitor,
  variables: Readonly<Record<string, unknown>> = {},
): string[] {
  const problems: string[] = [];
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const queryType = schema.getQueryType();
  if (operations.length !== 1 || operations[0]?.operation !== 'query' || !queryType) return ['expected exactly one query operation'];

  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode) =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;

  const collect = (type: GraphQLObjectType, set: SelectionSetNode, into: Map<string, FieldNode[]>) => {
    for (const selection of set.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        into.set(key, [...(into.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === type.name) collect(type, selection.selectionSet, into);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) problems.push(`unknown fragment ${selection.name.value}`);
        else if (fragment.typeCondition.name.value === type.name) collect(type, fragment.selectionSet, into);
      }
    }
  };

  const walkValue = (type: GraphQLObjectType, value: unknown, sets: readonly SelectionSetNode[], path: ResponsePath, clientId: string | undefined) => {
    if (value === null) return;
    if (Array.isArray(value)) value.forEach((item, i) => walkValue(type, item, sets, [...path, i], clientId));
    else if (typeof value === 'object') walkObject(type, value as Record<string, unknown>, sets, path, clientId);
    else problems.push(`${pathText(path)}: expected an object of ${type.name}, got ${JSON.stringify(value)}`);
  };

  const walkObject = (type: GraphQLObjectType, object: Readonly<Record<string, unknown>>, sets: readonly SelectionSetNode[], path: ResponsePath, inherited: string | undefined) => {
    const fields = new Map<string, FieldNode[]>();
    for (const set of sets) collect(type, set, fields);
    const keysOf = (fieldName: string) => [...fields].filter(([, nodes]) => nodes[0]?.name.value === fieldName).map(([key]) => key);
    let clientId = inherited;
    if (type.name === 'Client') {
      const id = keysOf('id').map((key) => object[key])[0];
      clientId = typeof id === 'string' ? id : undefined;
    }
    visitor.object?.({ path, type, object, keysOf, clientId });
    for (const key of Object.keys(object)) if (!fields.has(key)) problems.push(`${pathText([...path, key])}: a key the operation did not ask for`);
    for (const [key, nodes] of fields) {
      const [node] = nodes as [FieldNode];
      const at = [...path, key];
      if (!(key in object)) {
        problems.push(`${pathText(at)}: missing from the response`);
        continue;
      }
      const value = object[key];
      if (node.name.value === '__typename') {
        if (value !== type.name) problems.push(`${pathText(at)}: __typename ${JSON.stringify(value)} where ${type.name} was expected`);
        continue;
      }
      const field = type.getFields()[node.name.value];
      if (!field) {
        problems.push(`${pathText(at)}: ${type.name} has no field ${node.name.value}`);
        continue;
      }
      visitor.field?.({ path: at, parentType: type, field, args: getArgumentValues(field, node, variables), value, clientId });
      const named = getNamedType(field.type);
      if (isObjectType(named)) walkValue(named, value, nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])), at, clientId);
    }
  };

  walkObject(queryType, data, [operations[0].selectionSet], [], undefined);
  return problems;
}
