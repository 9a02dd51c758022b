import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';

/** The argument that sets a page's length: `clients(first:)`, `auditTrail(first:)`. */
export const PAGE_SIZE_ARGUMENT = 'first';

const integer = (value: unknown): number | undefined => (typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined);

function literal(value: ValueNode | null | undefined): number | undefined {
  return value?.kind === Kind.INT ? Number.parseInt(value.value, 10) : undefined;
}

/** A document with every page size written in, and its operation to run. */
export interface SizedDocument {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode | undefined;
}

/**
 * The page size a field will run with: its literal, else its variable's value, else the
 * variable's default, else the argument's default in the schema.
 */
function pageSize(
  given: ValueNode | undefined,
  argument: GraphQLArgument,
  variables: Readonly<Record<string, unknown>>,
  variableDefaults: ReadonlyMap<string, ValueNode | undefined>,
): number | undefined {
  const fallback = integer(argument.defaultValue);
  if (!given || given.kind === Kind.NULL) return fallback;
  if (given.kind === Kind.VARIABLE) {
    const name = given.name.value;
    return integer(variables[name]) ?? literal(variableDefaults.get(name)) ?? fallback;
  }
  return literal(given) ?? fallback;
}

/**
 * Writes each page size into the operation as a literal `first: <n>`, from variables and
 * defaults. Limits are checked on the result, so `clients(first: $n)` and `clients` (default 20)
 * cost what they will fetch, not what a literal-only reading would guess (one item).
 */
export function resolvePageSizes(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  variables: Readonly<Record<string, unknown>> = {},
): SizedDocument {
  const variableDefaults = new Map((operation?.variableDefinitions ?? []).map((d) => [d.variable.name.value, d.defaultValue]));
  const typeInfo = new TypeInfo(schema);
  const sized = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        leave(node) {
          const argument = typeInfo.getFieldDef()?.args.find((a) => a.name === PAGE_SIZE_ARGUMENT);
          if (!argument) return undefined;
          const given = node.arguments?.find((a) => a.name.value === PAGE_SIZE_ARGUMENT);
          const size = pageSize(given?.value, argument, variables, variableDefaults);
          if (size === undefined) return undefined;
          const resolved: ArgumentNode = {
            kind: Kind.ARGUMENT,
            name: { kind: Kind.NAME, value: PAGE_SIZE_ARGUMENT },
            value: { kind: Kind.INT, value: String(size) },
          };
          return { ...node, arguments: [...(node.arguments ?? []).filter((a) => a !== given), resolved] };
        },
      },
    }),
  );
  // visit keeps the order of definitions: the operation is where it was.
  const index = operation ? document.definitions.indexOf(operation) : -1;
  const sizedOperation = index >= 0 ? sized.definitions[index] : undefined;
  return { document: sized, operation: sizedOperation?.kind === Kind.OPERATION_DEFINITION ? sizedOperation : undefined };
}
