import { isLegalBar, type DataCategory } from '@kim/schema';
import { Kind, type GraphQLSchema } from 'graphql';
import { allow, and, deny, rule, shield } from 'graphql-shield';
import type { IMiddlewareGenerator } from 'graphql-middleware';
import { consentRequired, consentUnavailable, hubError, legallyBarred, parseTransferRequest, TRANSFER_REQUEST_LIMITS, type ConsentDecision, type QuestionTemplate } from '@kim/core';
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
  const questions = categoryQuestions(category, inputs);
  return memo(`category:${[category, ...inputs].join('+')}`, (name) => makeCategoryRule(name, questions));
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

function makeCategoryRule(name: string, questions: readonly QuestionTemplate[]): ShieldRule {
  // INTENTIONAL: no_cache. The decision depends on the parent (which client); the request's
  // RuleOutcomes keeps it per client, and its DataLoader answers each question once.
  return rule(name, { cache: 'no_cache' })(async (parent, _args, ctx: ServiceContext, info) => {
    const clientId = clientIdOf(info.parentType.name, parent);
    if (clientId === undefined) return hubError('INTERNAL_SERVER_ERROR', 'Unguardable field.');
    const outcome = await ctx.ruleOutcomes.of(clientId, name, () => decideCategory(ctx.consent, questions, clientId));
    if (outcome.kind === 'allowed') return true;
    if (outcome.kind === 'barred') return legallyBarred(outcome.category, outcome.norm, info);
    return outcome.kind === 'denied' ? consentRequired(outcome.category, info) : consentUnavailable(info);
  });
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
      const outcome = await ctx.ruleOutcomes.of(clientId, key, () => decideCategory(ctx.consent, [{ category, request }], clientId));
      if (outcome.kind === 'allowed') return true;
      if (outcome.kind === 'barred') return legallyBarred(outcome.category, outcome.norm, info);
      return outcome.kind === 'denied' ? consentRequired(outcome.category, info) : consentUnavailable(info);
    }),
  );
}

/** Every question of a rule about one client: allowed only if each is. */
async function decideCategory(consent: ConsentLoader, questions: readonly QuestionTemplate[], clientId: string): Promise<CategoryOutcome> {
  const results = await consent.loadMany(questions.map((q) => ({ ...q, clientId })));
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
 * of these is listed in `unguarded` and falls to `deny`.
 */
export function resolveRules(schema: GraphQLSchema, explicit: RuleMap) {
  const rules: RuleMap = {};
  const unguarded: string[] = [];
  const keys = entityKeyFields(schema);
  for (const { type, field, tag } of taggedFields(schema)) {
    const chosen =
      explicit[type]?.[field] ??
      ruleForTag(tag) ??
      FEDERATION_FIELDS[type]?.[field] ??
      (keys.get(type)?.has(field) ? allow : undefined);
    if (chosen) (rules[type] ??= {})[field] = chosen;
    else unguarded.push(`${type}.${field}`);
  }
  return { rules, unguarded };
}

/** graphql-shield over the whole schema: everything not explicitly ruled is denied. */
export function buildPermissions(schema: GraphQLSchema, explicit: RuleMap): IMiddlewareGenerator<unknown, ServiceContext, unknown> {
  const { rules } = resolveRules(schema, explicit);
  return shield(rules, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: () => hubError('FORBIDDEN', 'Not authorised.'),
  }) as IMiddlewareGenerator<unknown, ServiceContext, unknown>;
}
