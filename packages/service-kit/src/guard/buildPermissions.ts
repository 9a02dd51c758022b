import { isLegalBar, type DataCategory } from '@kim/schema';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { Kind, defaultFieldResolver, type GraphQLError, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, and, deny, rule, shield } from 'graphql-shield';
import type { IMiddlewareGenerator } from 'graphql-middleware';
import { consentQuestion, consentRequired, consentUnavailable, hubError, legallyBarred, parseTransferRequest, TRANSFER_REQUEST_LIMITS, type ConsentDecision, type QuestionTemplate } from '@kim/core';
import type { ConsentLoader } from '../consent/createConsentLoader.ts';
import type { ServiceContext } from '../server/serviceContext.ts';
import { categoryQuestions } from './categoryQuestions.ts';
import { taggedFields, type FieldTag } from './fieldTags.ts';
import type { CategoryOutcome } from './ruleOutcomes.ts';

/** Any graphql-shield rule, logic rules included (the package does not export the name). */
export type ShieldRule = Parameters<typeof and>[number];
export type RuleMap = Record<string, Record<string, ShieldRule>>;

/** Federation's own fields: the gateway needs them, and the assertion check already ran. */
const FEDERATION_FIELDS: RuleMap = {
  Query: { _service: allow, _entities: allow },
  _Service: { sdl: allow },
};

/** The key fields of each entity (`@key(fields: "id")`): they name the entity, nothing more. */
function entityKeyFields(schema: GraphQLSchema): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const type of Object.values(schema.getTypeMap())) {
    const nodes = [type.astNode, ...(type.extensionASTNodes ?? [])];
    for (const node of nodes) {
      for (const directive of (node && 'directives' in node ? node.directives : undefined) ?? []) {
        if (directive.name.value !== 'key') continue;
        const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
        if (fields?.kind !== Kind.STRING) continue;
        const set = keys.get(type.name) ?? new Set<string>();
        for (const name of fields.value.split(/\s+/).filter(Boolean)) set.add(name);
        keys.set(type.name, set);
      }
    }
  }
  return keys;
}

/** The client a parent object belongs to: our own row (`kimClientId`) or the entity (`id`). */
function clientIdOf(typeName: string, parent: unknown): string | undefined {
  const p = parent as { kimClientId?: unknown; id?: unknown } | null;
  if (typeof p?.kimClientId === 'string') return p.kimClientId;
  if (typeName === 'Client' && typeof p?.id === 'string') return p.id;
  return undefined;
}

/**
 * A field disclosing `category` (and, if derived, its `inputs`) of the parent's client: every
 * category must be allowed for this caller, client and purpose, now.
 */
export function categoryRule(category: DataCategory, inputs: readonly DataCategory[]): ShieldRule {
  const guard = categoryGuard(category, inputs);
  return memo(guard.name, () => makeCategoryRule(guard));
}

/**
 * graphql-shield insists on one rule object per rule name, so fields with the same tag share
 * one. The rules hold no state: shield keeps its per-request cache in the request's context.
 */
const rules = new Map<string, ShieldRule>();
function memo(name: string, make: (name: string) => ShieldRule): ShieldRule {
  let made = rules.get(name);
  if (!made) rules.set(name, (made = make(name)));
  return made;
}

/** A category rule as the field guard uses it: its name (what RuleOutcomes keys it by) and how it decides a client. */
export interface CategoryGuard {
  readonly name: string;
  readonly decide: (ctx: ServiceContext, clientId: string) => Promise<CategoryOutcome>;
}

const guards = new Map<string, CategoryGuard>();
function categoryGuard(category: DataCategory, inputs: readonly DataCategory[]): CategoryGuard {
  const name = `category:${[category, ...inputs].join('+')}`;
  let guard = guards.get(name);
  if (!guard) {
    const questions = categoryQuestions(category, inputs);
    // Made once per rule, not per field: a field whose client's outcome is known allocates nothing.
    guards.set(name, (guard = { name, decide: (ctx, clientId) => decideCategory(ctx.consent, questions, clientId) }));
  }
  return guard;
}

/** The refusal of a field whose rule did not allow it, located at the field. */
function refusal(outcome: CategoryOutcome, info: GraphQLResolveInfo): GraphQLError {
  if (outcome.kind === 'barred') return legallyBarred(outcome.category, outcome.norm, info);
  return outcome.kind === 'denied' ? consentRequired(outcome.category, info) : consentUnavailable(info);
}

function makeCategoryRule(guard: CategoryGuard): ShieldRule {
  // INTENTIONAL: no_cache. The decision depends on the parent (which client); the request's
  // RuleOutcomes keeps it per client, and its DataLoader answers each question once.
  return rule(guard.name, { cache: 'no_cache' })(async (parent, _args, ctx: ServiceContext, info) => {
    const clientId = clientIdOf(info.parentType.name, parent);
    if (clientId === undefined) return hubError('INTERNAL_SERVER_ERROR', 'Unguardable field.');
    const outcome = await ctx.ruleOutcomes.of(clientId, guard.name, guard.decide, ctx);
    return outcome.kind === 'allowed' ? true : refusal(outcome, info);
  });
}

/** Every resolver the category guard made: what the completeness check looks for. */
const GUARDED_RESOLVERS = new WeakSet<object>();

/**
 * A tagged field's resolver under its category guard: the field's own resolver runs only once
 * the rule allows the parent's client. The outcome is read synchronously once it is settled (a
 * client's fields after its first, every object of its own); before that, the field awaits the
 * decision, which the request's RuleOutcomes makes once per rule and client. No async
 * middleware per field as under graphql-shield: shieldPerField, 2.2 → 1.5 µs per field with
 * graphql-js's own work (issue 18 item 2).
 */
function guardedResolver(typeName: string, guard: CategoryGuard, inner: GraphQLFieldResolver<unknown, ServiceContext>): GraphQLFieldResolver<unknown, ServiceContext> {
  const resolve: GraphQLFieldResolver<unknown, ServiceContext> = (parent, args, ctx, info) => {
    const clientId = clientIdOf(typeName, parent);
    if (clientId === undefined) return hubError('INTERNAL_SERVER_ERROR', 'Unguardable field.');
    const settled = ctx.ruleOutcomes.settled(clientId, guard.name);
    if (settled !== undefined) return settled.kind === 'allowed' ? inner(parent, args, ctx, info) : refusal(settled, info);
    return ctx.ruleOutcomes.of(clientId, guard.name, guard.decide, ctx).then((outcome) => (outcome.kind === 'allowed' ? inner(parent, args, ctx, info) : refusal(outcome, info)));
  };
  GUARDED_RESOLVERS.add(resolve);
  return resolve;
}

/**
 * A field that answers a request in the individual case (a statutory basis with `onRequest`, e.g.
 * § 87 AufenthG): its `reason` and `fileReference` arguments are required, and travel with the
 * question to the consent service, which decides and audits them in the same transaction. A
 * missing or malformed one is BAD_USER_INPUT naming it, and nothing is asked or disclosed.
 * The outcome is kept per client *and* request: two aliases with different reasons are two
 * requests, each audited.
 */
export function requestCategoryRule(category: DataCategory): ShieldRule {
  return memo(`request:${category}`, (name) =>
    rule(name, { cache: 'no_cache' })(async (parent, args, ctx: ServiceContext, info) => {
      const clientId = clientIdOf(info.parentType.name, parent);
      if (clientId === undefined) return hubError('INTERNAL_SERVER_ERROR', 'Unguardable field.');
      const request = parseTransferRequest(args as { reason?: unknown; fileReference?: unknown });
      if (typeof request === 'string') {
        const [min, max] = TRANSFER_REQUEST_LIMITS[request];
        return hubError('BAD_USER_INPUT', `${request} is required for this request (${min}–${max} characters).`, { argument: request });
      }
      const key = `${name}\u0000${request.reason}\u0000${request.fileReference}`;
      const outcome = await ctx.ruleOutcomes.of(clientId, key, (consent: ConsentLoader, id) => decideCategory(consent, [{ category, request }], id), ctx.consent);
      return outcome.kind === 'allowed' ? true : refusal(outcome, info);
    }),
  );
}

/** Every question of a rule about one client: allowed only if each is. */
async function decideCategory(consent: ConsentLoader, questions: readonly QuestionTemplate[], clientId: string): Promise<CategoryOutcome> {
  const results = await consent.loadMany(questions.map((q) => consentQuestion(clientId, q.category, q.source, q.request)));
  if (results.some((r) => r instanceof Error)) return { kind: 'unavailable' };
  const decisions = results as ConsentDecision[];
  // A technical denial is a failure to decide, not "no consent": the caller may retry.
  if (decisions.some((d) => !d.allowed && d.reason === 'TECHNICAL')) return { kind: 'unavailable' };
  // A bar is reported before a missing consent: no consent would open the field.
  const barred = decisions.find((d) => !d.allowed && d.reason === 'LEGALLY_BARRED');
  if (barred) return isLegalBar(barred.basis) ? { kind: 'barred', category: barred.category, norm: barred.basis } : { kind: 'unavailable' };
  const denied = decisions.find((d) => !d.allowed);
  return denied ? { kind: 'denied', category: denied.category } : { kind: 'allowed' };
}

/**
 * Whether the caller may have `category` of the client now — the decision a field's rule makes,
 * asked (and audited) the same way — for a resolver that acts on a client rather than shows a field.
 */
export function decideClientCategory(ctx: ServiceContext, clientId: string, category: DataCategory): Promise<CategoryOutcome> {
  return decideCategory(ctx.consent, categoryQuestions(category, []), clientId);
}

/** A field for the listed roles only (not client data: figures, audit records). */
export function roleRule(roles: readonly string[]): ShieldRule {
  return memo(`roles:${roles.join('+')}`, (name) =>
    rule(name, { cache: 'contextual' })((_parent, _args, ctx: ServiceContext) =>
      roles.includes(ctx.caller.role) ? true : hubError('FORBIDDEN', 'This role may not read this field.'),
    ),
  );
}

function ruleForTag(tag: FieldTag): ShieldRule | undefined {
  if (tag.kind === 'category') return categoryRule(tag.category, tag.inputs);
  if (tag.kind === 'restricted') return roleRule(tag.roles);
  // Another subgraph owns an @external field: it arrives in representations and is never
  // resolved here, so reading it from this subgraph is refused outright.
  if (tag.kind === 'external') return deny;
  return undefined;
}

/**
 * The rule of every field, from three sources in this order: the service's explicit rules (root
 * fields, connection plumbing), the field's SDL tag, federation's own fields. A field with none
 * of these is listed in `unguarded` and falls to `deny`. `categoryFields` are the fields ruled by
 * their `@category` tag alone: guardSchema puts them under the category guard.
 */
export function resolveRules(schema: GraphQLSchema, explicit: RuleMap) {
  const rules: RuleMap = {};
  const unguarded: string[] = [];
  const categoryFields = new Map<string, Map<string, CategoryGuard>>();
  const keys = entityKeyFields(schema);
  for (const { type, field, tag } of taggedFields(schema)) {
    const own = explicit[type]?.[field];
    const chosen = own ?? ruleForTag(tag) ?? FEDERATION_FIELDS[type]?.[field] ?? (keys.get(type)?.has(field) ? allow : undefined);
    if (chosen) (rules[type] ??= {})[field] = chosen;
    else unguarded.push(`${type}.${field}`);
    if (!own && tag.kind === 'category') {
      let fields = categoryFields.get(type);
      if (!fields) categoryFields.set(type, (fields = new Map()));
      fields.set(field, categoryGuard(tag.category, tag.inputs));
    }
  }
  return { rules, unguarded, categoryFields };
}

/** graphql-shield over the whole schema: everything not explicitly ruled is denied. */
export function buildPermissions(schema: GraphQLSchema, explicit: RuleMap): IMiddlewareGenerator<unknown, ServiceContext, unknown> {
  return shieldOf(resolveRules(schema, explicit).rules);
}

function shieldOf(rules: RuleMap): IMiddlewareGenerator<unknown, ServiceContext, unknown> {
  return shield(rules, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => hubError('FORBIDDEN', 'Not authorised.'),
  }) as IMiddlewareGenerator<unknown, ServiceContext, unknown>;
}

/**
 * The service's executable schema, guarded in two layers. graphql-shield is the outer one: roots,
 * roles (`@restricted`), the service's explicit rules, federation's and key fields `allow`, and
 * `fallbackRule: deny` for anything else. Fields ruled by their `@category` tag alone are then
 * taken out of shield's middleware and given the category guard (guardedResolver) over their own
 * resolver — a schema transform (`mapSchema`). Shield's rule for them stays in its map, so that
 * a field the transform missed would still be guarded; guardSchema checks it missed none
 * (unguardedFields) and refuses to build the schema otherwise.
 */
export function guardSchema(schema: GraphQLSchema, explicit: RuleMap): GraphQLSchema {
  const { rules, categoryFields } = resolveRules(schema, explicit);
  const shielded = applyMiddleware(schema, shieldOf(rules));
  const guarded = mapSchema(shielded, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      const guard = categoryFields.get(typeName)?.get(fieldName);
      if (!guard) return config;
      // The field's own resolver, from the schema before shield wrapped it.
      const own = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]?.resolve ?? defaultFieldResolver;
      return { ...config, resolve: guardedResolver(typeName, guard, own as GraphQLFieldResolver<unknown, ServiceContext>) };
    },
  });
  const missed = unguardedFields(guarded, explicit);
  if (missed.length > 0) throw new Error(`fields left unguarded: ${missed.join(', ')}`);
  return guarded;
}

/**
 * Both layers' completeness: every field shield would leave to its fallback, and every field
 * ruled by its `@category` tag whose resolver in `guarded` is not the category guard's. Empty
 * for a schema guardSchema built.
 */
export function unguardedFields(guarded: GraphQLSchema, explicit: RuleMap): string[] {
  const { unguarded, categoryFields } = resolveRules(guarded, explicit);
  const missed = [...unguarded];
  for (const [typeName, fields] of categoryFields) {
    const type = guarded.getType(typeName) as GraphQLObjectType;
    for (const field of fields.keys()) {
      const resolve = type.getFields()[field]?.resolve;
      if (!resolve || !GUARDED_RESOLVERS.has(resolve)) missed.push(`${typeName}.${field}`);
    }
  }
  return missed;
}
