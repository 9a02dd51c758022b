import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { REQUEST_ARGUMENTS } from './fieldRules.ts';

/** `@include`/`@skip` on a selection, or none. */
export type Directive = 'none' | 'include-true' | 'include-false' | 'skip-true' | 'skip-false';

export interface FieldSelection {
  readonly kind: 'field';
  readonly name: string;
  /** The field's object type, for the fragments inside it; null for leaves. */
  readonly type: string | null;
  readonly alias: boolean;
  readonly directive: Directive;
  /** Argument values (strings only: the one argument below Client is a date). */
  readonly args: Readonly<Record<string, string>>;
  readonly selections: readonly Selection[] | null;
}

/** Selections moved into `... { }`, `... on T { }` or a named fragment on the same type. */
export interface FragmentSelection {
  readonly kind: 'fragment';
  readonly style: 'inline' | 'inline-typed' | 'named';
  readonly selections: readonly Selection[];
}

export type Selection = FieldSelection | FragmentSelection;

export interface ClientsFilter {
  readonly town?: string;
  readonly status?: string;
  readonly caseManagerId?: string;
  readonly name?: string;
  readonly idPrefix?: string;
  readonly targetGroupAtIntake?: boolean;
}

/**
 * Which client a `client(id:)` root asks for: a given id (known or unknown to anyone), or the
 * n-th of the clients the caller may know of, resolved once the consent state is written (a
 * random id would mostly miss a partner agency's few clients).
 */
export type ClientRef = string | { readonly known: number };

export type Root =
  | { readonly kind: 'client'; readonly alias: boolean; readonly id: ClientRef; readonly selections: readonly Selection[] }
  | { readonly kind: 'clients'; readonly alias: boolean; readonly first: number; readonly filter: ClientsFilter; readonly selections: readonly Selection[] };

export interface Operation {
  readonly roots: readonly Root[];
}

export interface OperationSpace {
  /** Ids to ask `client(id:)` for: known clients, and unknown ones. */
  readonly clientIds: readonly string[];
  /** Case-manager ids for `clients(filter: { caseManagerId })`. */
  readonly caseManagerIds: readonly string[];
  /** Largest `first` of a `clients` page. */
  readonly maxFirst: number;
  /** Names for `clients(filter: { name })`: of clients (whole, or parts) and one nobody has. */
  readonly names: readonly string[];
  /** Starts of KIM ids for `clients(filter: { idPrefix })`. */
  readonly idPrefixes: readonly string[];
}

/**
 * Fields a selection set always holds: the oracle needs each client's id, and a connection
 * without nodes tests little. Everything else is chosen at random.
 */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  Client: ['id'],
  ClientConnection: ['edges'],
  ClientEdge: ['node'],
};

/** Nesting of object fields below a root's type; the types below Client end well before this. */
const MAX_DEPTH = 6;

const weighted = <T>(...choices: [T, number][]) => fc.oneof(...choices.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

const weightedBool = (falseWeight: number, trueWeight: number) => weighted<boolean>([false, falseWeight], [true, trueWeight]);

const directiveArb = weighted<Directive>(['none', 16], ['include-true', 1], ['include-false', 1], ['skip-true', 1], ['skip-false', 1]);
const placementArb = weighted<'direct' | FragmentSelection['style']>(['direct', 6], ['inline', 1], ['inline-typed', 1], ['named', 2]);
const aliasArb = weightedBool(4, 1);

/** Dates in and around the funding periods, and a malformed one (an error path must not leak either). */
const dateArgArb = fc.oneof(
  { arbitrary: fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 4 },
  { arbitrary: fc.constantFrom('31.12.2024', '2024-02-30', 'today'), weight: 1 },
);

/** A request's reason and file reference (§ 87 AufenthG): whole ones mostly, now and then missing, blank or too short. */
const requestArgArb = (name: string) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...(name === 'reason' ? ['Verlängerung der Aufenthaltserlaubnis', 'Prüfung der Lebensunterhaltssicherung'] : ['ABH-AZ-2026-1', 'AZ 42/26'])), weight: 6 },
    { arbitrary: fc.constantFrom('', '   ', 'x'), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );

function argumentArb(owner: string, arg: GraphQLArgument): fc.Arbitrary<string | undefined> {
  if ((REQUEST_ARGUMENTS as readonly string[]).includes(arg.name)) return requestArgArb(arg.name);
  const named = getNamedType(arg.type);
  // INTENTIONAL: a new argument below Client fails here rather than going untested.
  if (!isScalarType(named) || named.name !== 'String') throw new Error(`no generator for argument ${owner}(${arg.name}: ${String(arg.type)})`);
  return isNonNullType(arg.type) ? dateArgArb : fc.option(dateArgArb, { nil: undefined, freq: 2 });
}

function argumentsArb(owner: string, field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, string>> {
  if (field.args.length === 0) return fc.constant({});
  return fc
    .tuple(...field.args.map((a) => argumentArb(`${owner}.${field.name}`, a).map((v) => [a.name, v] as const)))
    .map((pairs) => Object.fromEntries(pairs.filter((p): p is readonly [string, string] => p[1] !== undefined)));
}

/** Generates random selection sets over the supergraph's object types. */
export class SelectionGenerator {
  private readonly cache = new Map<string, fc.Arbitrary<Selection[]>>();

  constructor(private readonly schema: GraphQLSchema) {}

  objectType(name: string): GraphQLObjectType {
    const type = this.schema.getType(name);
    if (!isObjectType(type)) throw new Error(`${name} is not an object type of the supergraph`);
    return type;
  }

  /**
   * A random subset of the type's fields (plus `__typename` now and then) in random order, some
   * aliased, some under `@include`/`@skip`, some moved into inline or named fragments; object
   * fields get selection sets of their own, lists included.
   */
  selectionSet(typeName: string, depth = 0): fc.Arbitrary<Selection[]> {
    const key = `${typeName}@${depth}`;
    let made = this.cache.get(key);
    if (!made) this.cache.set(key, (made = this.makeSelectionSet(this.objectType(typeName), depth)));
    return made;
  }

  private makeSelectionSet(type: GraphQLObjectType, depth: number): fc.Arbitrary<Selection[]> {
    const required = REQUIRED[type.name] ?? [];
    const fields = Object.values(type.getFields());
    // Wide types (Client has dozens of fields) get a few fields each; small ones about half.
    const presence: [number, number] = fields.length > 12 ? [4, 1] : [1, 1];
    const slots = [
      ...fields.map((field) => {
        const slot = fc.record({ selection: this.field(type, field, depth), placement: placementArb, order: fc.nat(999) });
        if (!required.includes(field.name)) return optional(slot, presence);
        // A required field stays where the oracle finds it: directly in the set, never skipped.
        return slot.map((s) => ({ ...s, selection: { ...s.selection, directive: 'none' as const }, placement: 'direct' as const }));
      }),
      optional(fc.record({ selection: typenameArb, placement: placementArb, order: fc.nat(999) }), [6, 1]),
    ];
    return fc.tuple(...slots).map((chosen) => assemble(chosen.filter((c): c is NonNullable<typeof c> => c !== null)));
  }

  private field(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<FieldSelection> {
    const named = getNamedType(field.type);
    const object = isObjectType(named);
    if (!object && !isScalarType(named) && !isEnumType(named)) throw new Error(`${parent.name}.${field.name}: unexpected type ${named.name}`);
    const selections: fc.Arbitrary<Selection[] | null> = !object
      ? fc.constant(null)
      : depth < MAX_DEPTH
        ? this.selectionSet(named.name, depth + 1)
        : fc.constant([]);
    return fc.record({ alias: aliasArb, directive: directiveArb, args: argumentsArb(parent.name, field), selections }).map(
      ({ alias, directive, args, selections: sub }): FieldSelection => ({
        kind: 'field',
        name: field.name,
        type: object ? named.name : null,
        alias,
        directive,
        args,
        selections: sub,
      }),
    );
  }
}

const typenameArb: fc.Arbitrary<FieldSelection> = fc
  .record({ alias: aliasArb, directive: directiveArb })
  .map(({ alias, directive }) => ({ kind: 'field', name: '__typename', type: null, alias, directive, args: {}, selections: null }));

/** Present with weight `present` against `absent`; shrinks towards absent. */
function optional<T>(arb: fc.Arbitrary<T>, [absent, present]: [number, number]): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: absent }, { arbitrary: arb, weight: present });
}

interface Slot {
  readonly selection: FieldSelection;
  readonly placement: 'direct' | FragmentSelection['style'];
  readonly order: number;
}

/** Orders the chosen fields and gathers those placed in fragments, each group where its first member falls. */
function assemble(slots: readonly Slot[]): Selection[] {
  const ordered = [...slots].sort((a, b) => a.order - b.order);
  const out: Selection[] = [];
  const groups = new Map<FragmentSelection['style'], FieldSelection[]>();
  for (const { selection, placement } of ordered) {
    if (placement === 'direct') {
      out.push(selection);
      continue;
    }
    let group = groups.get(placement);
    if (!group) {
      groups.set(placement, (group = []));
      out.push({ kind: 'fragment', style: placement, selections: group });
    }
    group.push(selection);
  }
  return out;
}

/** Random operations rooted at `client(id:)` and `clients(first:, filter:)`, one to three roots. */
export function operationArb(schema: GraphQLSchema, space: OperationSpace): fc.Arbitrary<Operation> {
  const generator = new SelectionGenerator(schema);
  const enumValues = (name: string) => {
    const type = schema.getType(name);
    if (!isEnumType(type)) throw new Error(`${name} is not an enum of the supergraph`);
    return type.getValues().map((v) => v.name);
  };
  const filterType = schema.getType('ClientFilter');
  if (!isInputObjectType(filterType)) throw new Error('ClientFilter is not an input type of the supergraph');
  const filterFields = Object.keys(filterType.getFields()).sort();
  // INTENTIONAL: a new filter is a new way for a list to disclose something; generate it first.
  if (filterFields.join() !== 'caseManagerId,idPrefix,name,status,targetGroupAtIntake,town') throw new Error(`ClientFilter has new fields: ${filterFields.join(', ')}`);

  const clientRoot = fc.record({
    kind: fc.constant('client' as const),
    alias: weightedBool(1, 1),
    id: fc.oneof(
      { arbitrary: fc.nat().map((known) => ({ known })), weight: 3 },
      { arbitrary: fc.constantFrom(...space.clientIds), weight: 2 },
    ),
    selections: generator.selectionSet('Client'),
  });
  const filterValues = {
    town: fc.constantFrom(...enumValues('Town')),
    status: fc.constantFrom(...enumValues('ClientStatus')),
    caseManagerId: fc.constantFrom(...space.caseManagerIds),
    name: fc.constantFrom(...space.names),
    idPrefix: fc.constantFrom(...space.idPrefixes),
    targetGroupAtIntake: fc.boolean(),
  };
  // No filter, one, or any combination: combinations rarely match anyone, so they are rarer.
  const filter: fc.Arbitrary<ClientsFilter> = fc.oneof(
    { arbitrary: fc.constant({}), weight: 2 },
    { arbitrary: fc.oneof(...Object.entries(filterValues).map(([k, v]) => v.map((value) => ({ [k]: value })))), weight: 2 },
    { arbitrary: fc.record(filterValues, { requiredKeys: [] }), weight: 1 },
  );
  const clientsRoot = fc.record({
    kind: fc.constant('clients' as const),
    alias: weightedBool(1, 1),
    first: fc.integer({ min: 1, max: space.maxFirst }),
    filter,
    selections: generator.selectionSet('ClientConnection'),
  });
  return fc.record({ roots: fc.array(fc.oneof(clientRoot, clientsRoot), { minLength: 1, maxLength: 3 }) });
}

/** A selection set of every field below `typeName` that `keep` accepts (for reading the ground truth). */
export function fullSelectionSet(schema: GraphQLSchema, typeName: string, keep: (type: string, field: string) => boolean): string {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const parts = Object.values(type.getFields())
    .filter((f) => keep(type.name, f.name))
    .map((f) => {
      const named = getNamedType(f.type);
      if (isObjectType(named)) return `${f.name} ${fullSelectionSet(schema, named.name, keep)}`;
      // A field that answers a request in the individual case is read with a whole request.
      return REQUEST_ARGUMENTS.every((a) => f.args.some((arg) => arg.name === a)) ? `${f.name}(reason: "Lesen der Grundwahrheit", fileReference: "GT-1")` : f.name;
    });
  return `{ ${parts.join(' ')} }`;
}

/**
 * Aliases, directives and depth an operation may have: below the gateway's defaults (README,
 * `KIM_MAX_ALIASES` 15, `KIM_MAX_DIRECTIVES` 20, `KIM_MAX_DEPTH` 8), so that runs test
 * disclosure, not the limiter. Past the budget, optional aliases and directives are left out
 * and fragments are spelled out in place.
 */
export const PRINT_BUDGET = { aliases: 12, directives: 15, depth: 7 } as const;

/**
 * The gateway's alias limit (`KIM_MAX_ALIASES`' default). A field with arguments needs an alias of
 * its own, whatever the budget: past this limit such a field is left out (`__typename` instead),
 * or the gateway would refuse the operation as too complex (1 in about 2,500 at 10,000 cases).
 */
const MAX_ALIASES = 15;

/** Levels a fragment adds, as graphql-armor counts depth: an inline fragment one, a named one two (spread and definition). */
const fragmentLevels = (s: FragmentSelection) => (s.style === 'named' ? 2 : 1);

/** Nesting a selection list needs, counted as graphql-armor counts it: a leaf at level 1. */
function height(selections: readonly Selection[]): number {
  return Math.max(
    1,
    ...selections.map((s) => (s.kind === 'fragment' ? fragmentLevels(s) + height(s.selections) : 1 + (s.selections === null ? 0 : height(s.selections)))),
  );
}

/**
 * Prints an operation as GraphQL text: unique aliases, fragments defined after the query.
 * `known` are the ids the caller may know of (in any fixed order); without any, a reference to
 * one falls back to `fallback`.
 */
export function printOperation(schema: GraphQLSchema, operation: Operation, known: readonly string[] = [], fallback = 'K-000001'): string {
  const resolve = (ref: ClientRef) => (typeof ref === 'string' ? ref : (known[ref.known % Math.max(known.length, 1)] ?? fallback));
  let aliases = 0;
  let fieldAliasLimit = MAX_ALIASES;
  let directives = 0;
  const fragments: string[] = [];
  const queryType = schema.getQueryType();
  if (!queryType) throw new Error('the supergraph has no Query type');

  // `depth` is the level of the selections being printed (a root field is at 1).
  const selectionSet = (typeName: string, selections: readonly Selection[], depth: number): string => {
    const printed = selections.map((s) => selection(typeName, s, depth));
    // An empty choice still has to be a valid selection set.
    return `{ ${printed.length > 0 ? printed.join(' ') : '__typename'} }`;
  };
  const selection = (typeName: string, s: Selection, depth: number): string => {
    if (s.kind === 'fragment') {
      const levels = fragmentLevels(s);
      if (depth + levels - 1 + height(s.selections) > PRINT_BUDGET.depth) return s.selections.map((inner) => selection(typeName, inner, depth)).join(' ') || '__typename';
      const body = selectionSet(typeName, s.selections, depth + levels);
      if (s.style === 'inline') return `... ${body}`;
      if (s.style === 'inline-typed') return `... on ${typeName} ${body}`;
      const name = `F${fragments.length + 1}`;
      fragments.push(`fragment ${name} on ${typeName} ${body}`);
      return `...${name}`;
    }
    const args = Object.entries(s.args);
    // Fields with arguments always get their own alias: two of them with different arguments
    // under one response key would not merge.
    if (args.length > 0 && aliases >= fieldAliasLimit) return '__typename';
    const alias = args.length > 0 || (s.alias && aliases < PRINT_BUDGET.aliases) ? `a${++aliases}: ` : '';
    const printedArgs = args.length > 0 ? `(${args.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')})` : '';
    const [name, value] = s.directive.split('-');
    const directive = s.directive !== 'none' && directives++ < PRINT_BUDGET.directives ? ` @${name}(if: ${value})` : '';
    const body = s.selections === null ? '' : ` ${selectionSet(s.type ?? '', s.selections, depth + 1)}`;
    return `${alias}${s.name}${printedArgs}${directive}${body}`;
  };

  const rootNames = new Map<string, number>();
  for (const root of operation.roots) rootNames.set(root.kind, (rootNames.get(root.kind) ?? 0) + 1);
  // The roots that must be aliased (two of a kind) keep their aliases within the limit.
  fieldAliasLimit = MAX_ALIASES - [...rootNames.values()].filter((n) => n > 1).reduce((a, n) => a + n, 0);
  const roots = operation.roots.map((root, i) => {
    const alias = (rootNames.get(root.kind) ?? 0) > 1 || (root.alias && aliases < PRINT_BUDGET.aliases) ? `r${i + 1}: ` : '';
    if (alias) aliases += 1;
    if (root.kind === 'client') return `${alias}client(id: ${JSON.stringify(resolve(root.id))}) ${selectionSet('Client', root.selections, 2)}`;
    const filter = Object.entries(root.filter).filter(([, v]) => v !== undefined);
    const printedFilter = filter.length > 0 ? `, filter: { ${filter.map(([k, v]) => (k === 'town' || k === 'status' ? `${k}: ${v}` : `${k}: ${JSON.stringify(v)}`)).join(', ')} }` : '';
    return `${alias}clients(first: ${root.first}${printedFilter}) ${selectionSet('ClientConnection', root.selections, 2)}`;
  });
  return [`query Property { ${roots.join(' ')} }`, ...fragments].join('\n');
}
