import { DATA_CATEGORIES } from '@kim/schema';
import { ERROR_CODES } from '@kim/service-kit';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { GraphQLResponse } from '../support/testHub.ts';
import type { FieldRule, FieldRules } from './fieldRules.ts';
import { isClientList, type GroundTruth } from './groundTruth.ts';
import { ASSOCIATION_HELD_LISTS, type ClientsFilterValue, type Oracle } from './oracle.ts';
import { pathText, walkResponse, type FieldVisit, type ObjectVisit } from './walkResponse.ts';

/** What a run saw, summed over runs to show the property was not judged on empty answers. */
export interface Coverage {
  answered: number;
  clients: number;
  allowedValues: number;
  grantValues: number;
  denials: number;
  /** Runs the gateway refused as too complex: the generator promises there are none. */
  tooComplex: number;
  /** Consent changes tried through the gateway, and those it accepted (counted by the property, not the judge). */
  apiChanges: number;
  apiAccepted: number;
}

export const emptyCoverage = (): Coverage => ({ answered: 0, clients: 0, allowedValues: 0, grantValues: 0, denials: 0, tooComplex: 0, apiChanges: 0, apiAccepted: 0 });

export interface Judgement {
  readonly violations: readonly string[];
  readonly coverage: Coverage;
}

export interface JudgeContext {
  readonly schema: GraphQLSchema;
  readonly rules: FieldRules;
  readonly truth: GroundTruth;
}

const ERROR_KEYS = new Set(['message', 'locations', 'path', 'extensions']);
const ERROR_EXTENSION_KEYS = new Set(['code', 'category', 'argument', 'norm']);
const BODY_KEYS = new Set(['data', 'errors', 'extensions']);
/** Shorter texts (a level, a count) occur everywhere; a leak of free text or an id is what to find. */
const MIN_TEXT = 5;
/** The categories a field's rule asks for (none for a role rule). */
const categoriesOf = (rule: FieldRule): Set<string> => new Set(rule.kind === 'category' ? rule.questions.map((q) => q.category) : []);
const includesAll = (set: ReadonlySet<string>, of: ReadonlySet<string>) => [...of].every((c) => set.has(c));

/** An identifier (a record id, a file or case number): no spaces, a digit, not a date; names and dates coincide by chance. */
const IDENTIFIER = /^(?!\d{4}-\d{2}-\d{2})(?=[^\s]*\d)[^\s]{6,}$/;

const show = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

/**
 * Judges one response against the oracle: every value under a client must be one the caller may
 * see (scope, categories, roles, association-held rows); a `clients` list holds exactly the
 * clients it may list, counted and paged accordingly; errors carry nothing but a message, a
 * path and code/category/argument, every CONSENT_REQUIRED names a category the oracle also
 * denies, and no text the caller may not see appears in `errors` or `extensions`.
 */
export function judgeResponse(context: JudgeContext, oracle: Oracle, document: DocumentNode, response: GraphQLResponse): Judgement {
  const { schema, rules, truth } = context;
  const violations: string[] = [];
  const coverage = emptyCoverage();
  const body = response.body as Record<string, unknown> & GraphQLResponse['body'];
  for (const key of Object.keys(body)) if (!BODY_KEYS.has(key)) violations.push(`response: unexpected top-level key ${key}`);

  const fields = new Map<string, FieldVisit>();
  const objects = new Map<string, ObjectVisit>();
  const connections: FieldVisit[] = [];
  const visibleRows = (clientId: string, list: string) =>
    truth.rows.filter((r) => r.clientId === clientId && r.list === list && (r.association === undefined || oracle.seesRecord(clientId, list, r.association)));

  const onField = (visit: FieldVisit) => {
    fields.set(pathText(visit.path), visit);
    const key = `${visit.parentType.name}.${visit.field.name}`;
    const at = pathText(visit.path);
    if (visit.parentType.name === 'Query') {
      if (visit.field.name === 'clients' && visit.value !== null) connections.push(visit);
      return;
    }
    // Connection plumbing (edges, cursors, counts) belongs to no client; it is judged as a list below.
    if (visit.clientId === undefined || key === 'Client.id') return;
    const rule = rules.get(key);
    if (!rule) {
      violations.push(`${at}: no @category or @restricted tag for ${key}: the oracle cannot judge it`);
      return;
    }
    if (visit.value === null) return;
    if (!oracle.allows(visit.clientId, key, rule, visit.args)) {
      violations.push(`LEAK ${at}: ${key} of ${visit.clientId} = ${show(visit.value)}`);
      return;
    }
    coverage.allowedValues += 1;
    if (oracle.allowedByGrant(visit.clientId, rule)) coverage.grantValues += 1;
    // A client's list depends only on the rows of its own category the caller may see: those
    // rows, or null when there are none. `[]` would tell that the service holds rows of another
    // kind (counselling behind language courses, a benefit case behind measures; issue 14).
    if (rule.kind === 'category' && isClientList(visit.parentType.name, visit.field) && Array.isArray(visit.value)) {
      const expected = visibleRows(visit.clientId, key).length;
      if (visit.value.length === 0) violations.push(`LEAK ${at}: [] for ${key} of ${visit.clientId}, where no rows must answer null (the caller may see ${expected})`);
      else if (visit.value.length !== expected) violations.push(`LEAK ${at}: ${visit.value.length} rows of ${key} where the caller may see ${expected}`);
    }    // A field carries every category its value discloses (issue 14): an identifier that is also
    // another field's value (the jobcenter's record id is its benefit case's number) must be
    // allowed under that field's rule too — unless that field only adds categories to this
    // one's (a note's author is the case manager's id, and also tells that a note exists).
    if (typeof visit.value === 'string' && IDENTIFIER.test(visit.value)) {
      for (const other of truth.values) {
        if (other.clientId !== visit.clientId || other.value !== visit.value || other.fieldKey === key) continue;
        const otherRule = rules.get(other.fieldKey);
        if (otherRule && !oracle.allows(visit.clientId, other.fieldKey, otherRule) && !includesAll(categoriesOf(otherRule), categoriesOf(rule))) {
          violations.push(`LEAK ${at}: ${key} of ${visit.clientId} = ${show(visit.value)} is also ${other.fieldKey}, which the caller may not see`);
        }
      }
    }
  };

  const onObject = (visit: ObjectVisit) => {
    const at = pathText(visit.path);
    objects.set(at, visit);
    if (visit.type.name === 'Client') {
      coverage.clients += 1;
      if (visit.clientId === undefined) violations.push(`${at}: a Client without its id: the oracle cannot judge it`);
      else if (!oracle.knows(visit.clientId)) violations.push(`LEAK ${at}: client ${visit.clientId} is outside the caller's scope, yet answered`);
      const root = visit.path.length === 1 ? fields.get(at) : undefined;
      if (root?.field.name === 'client' && root.args.id !== visit.clientId) violations.push(`${at}: asked for ${String(root.args.id)}, answered ${visit.clientId}`);
      return;
    }
    // A row of an association-held list: it must be one of the rows the caller's scope holds.
    const list = fields.get(pathText(visit.path.slice(0, -1)));
    const listKey = list ? `${list.parentType.name}.${list.field.name}` : '';
    if (list?.clientId === undefined || !(ASSOCIATION_HELD_LISTS as readonly string[]).includes(listKey)) return;
    const rows = visibleRows(list.clientId, listKey);
    for (const key of visit.keysOf('id')) {
      if (!rows.some((r) => r.id === visit.object[key])) violations.push(`LEAK ${at}: row ${show(visit.object[key])} is not one the caller's association holds`);
    }
    for (const key of visit.keysOf('association')) {
      if (!oracle.seesRecord(list.clientId, listKey, String(visit.object[key]))) violations.push(`LEAK ${at}: a row of ${show(visit.object[key])}`);
    }
  };

  if (body.data) {
    const problems = walkResponse(schema, document, body.data, { field: onField, object: onObject });
    violations.push(...problems.map((p) => `response does not fit the operation: ${p}`));
    if (coverage.clients > 0) coverage.answered = 1;
  }

  for (const connection of connections) judgeConnection(connection, oracle, objects, violations);
  judgeErrors(body, oracle, rules, fields, objects, violations, coverage);
  judgeTexts(body, oracle, context, violations);
  return { violations, coverage };
}

/** A `clients` page: exactly the listable clients, in order, counted and paged by them alone. */
function judgeConnection(connection: FieldVisit, oracle: Oracle, objects: ReadonlyMap<string, ObjectVisit>, violations: string[]) {
  const at = pathText(connection.path);
  const { first, filter } = connection.args as { first: number; filter?: ClientsFilterValue | null };
  const listable = oracle.listable(filter ?? {});
  const page = listable.slice(0, first);
  const object = objects.get(at);
  if (!object) return;
  for (const key of object.keysOf('totalCount')) {
    if (object.object[key] !== listable.length) violations.push(`LEAK ${at}.${key}: totalCount ${show(object.object[key])}, the caller may list ${listable.length}`);
  }
  for (const key of object.keysOf('pageInfo')) {
    const pageInfo = objects.get(`${at}.${key}`);
    for (const flag of pageInfo?.keysOf('hasNextPage') ?? []) {
      if (pageInfo?.object[flag] !== listable.length > first) violations.push(`LEAK ${at}.${key}.${flag}: ${show(pageInfo?.object[flag])} with ${listable.length} listable`);
    }
  }
  for (const key of object.keysOf('edges')) {
    const edges = object.object[key];
    if (!Array.isArray(edges)) continue;
    const ids = edges.map((_, i) => {
      const edge = objects.get(`${at}.${key}.${i}`);
      return (edge?.keysOf('node') ?? []).map((nodeKey) => objects.get(`${at}.${key}.${i}.${nodeKey}`)?.clientId ?? null);
    });
    const got = ids.map((nodeIds) => nodeIds[0] ?? null);
    if (got.length !== page.length || got.some((id, i) => id !== page[i]) || ids.some((nodeIds) => new Set(nodeIds).size > 1)) {
      violations.push(`LEAK ${at}.${key}: listed ${show(got)}, the caller may list ${show(page)} on this page (filter ${show(filter ?? {})})`);
    }
  }
}

/** Errors: their shape, and every CONSENT_REQUIRED one matched with the oracle. */
function judgeErrors(
  body: GraphQLResponse['body'],
  oracle: Oracle,
  rules: FieldRules,
  fields: ReadonlyMap<string, FieldVisit>,
  objects: ReadonlyMap<string, ObjectVisit>,
  violations: string[],
  coverage: Coverage,
) {
  for (const [i, error] of (body.errors ?? []).entries()) {
    const where = `errors[${i}]`;
    for (const key of Object.keys(error)) if (!ERROR_KEYS.has(key)) violations.push(`${where}: unexpected key ${key}`);
    const extensions = error.extensions ?? {};
    for (const key of Object.keys(extensions)) if (!ERROR_EXTENSION_KEYS.has(key)) violations.push(`${where}: unexpected extension ${key} = ${show(extensions[key])}`);
    const { code, category, argument } = extensions;
    if (typeof code !== 'string' || !Object.hasOwn(ERROR_CODES, code)) violations.push(`${where}: code ${show(code)} is not in the catalogue`);
    if (category !== undefined && !(DATA_CATEGORIES as readonly unknown[]).includes(category)) violations.push(`${where}: category ${show(category)}`);
    if (argument !== undefined && typeof argument !== 'string') violations.push(`${where}: argument ${show(argument)}`);
    if (code === 'QUERY_TOO_COMPLEX') coverage.tooComplex += 1;
    if (code !== 'CONSENT_REQUIRED' && code !== 'LEGALLY_BARRED') continue;
    coverage.denials += 1;
    const target = consentTarget(error.path ?? [], fields, objects);
    const rule = target ? rules.get(target.fieldKey) : undefined;
    if (!target || rule?.kind !== 'category') {
      violations.push(`${where}: CONSENT_REQUIRED at ${pathText(error.path ?? [])}, which is no categorised field of a client in the response`);
      continue;
    }
    if (target.value !== null) violations.push(`${where}: CONSENT_REQUIRED, yet ${pathText(error.path ?? [])} holds ${show(target.value)}`);
    const questions = rule.questions.filter((q) => q.category === category);
    if (questions.length === 0) violations.push(`${where}: ${target.fieldKey} does not disclose ${show(category)}`);
    else if (questions.every((q) => oracle.decision(target.clientId, q).allowed)) {
      violations.push(`${where}: ${code} for ${show(category)} of ${target.clientId}, which the oracle allows`);
    } else {
      // A bar is its own answer: LEGALLY_BARRED exactly where the oracle's denial is a bar, with its norm.
      const bar = questions.map((q) => oracle.decision(target.clientId, q)).find((d) => !d.allowed && d.reason === 'LEGALLY_BARRED');
      if (code === 'LEGALLY_BARRED' && extensions.norm !== bar?.basis) violations.push(`${where}: LEGALLY_BARRED naming ${show(extensions.norm)}, the oracle's bar is ${show(bar?.basis)}`);
      if (code === 'CONSENT_REQUIRED' && bar) violations.push(`${where}: CONSENT_REQUIRED for ${show(category)} of ${target.clientId}, which the law bars (${bar.basis})`);
    }
  }
}

/**
 * The client field a CONSENT_REQUIRED error is about: a field the operation selected, or one the
 * gateway fetched on its own for a `@requires` (its error keeps the field's path below the client).
 */
function consentTarget(
  path: readonly (string | number)[],
  fields: ReadonlyMap<string, FieldVisit>,
  objects: ReadonlyMap<string, ObjectVisit>,
): { clientId: string; fieldKey: string; value: unknown } | undefined {
  const selected = fields.get(pathText(path));
  if (selected) {
    return selected.clientId === undefined ? undefined : { clientId: selected.clientId, fieldKey: `${selected.parentType.name}.${selected.field.name}`, value: selected.value };
  }
  const parent = objects.get(pathText(path.slice(0, -1)));
  const name = path.at(-1);
  if (parent?.type.name !== 'Client' || parent.clientId === undefined || typeof name !== 'string' || !parent.type.getFields()[name]) return undefined;
  return { clientId: parent.clientId, fieldKey: `Client.${name}`, value: null };
}

/** No text of a value the caller may not see, of any client, in `errors` or `extensions`. */
function judgeTexts(body: GraphQLResponse['body'] & { extensions?: unknown }, oracle: Oracle, { rules, truth }: JudgeContext, violations: string[]) {
  const errors = JSON.stringify(body.errors ?? []);
  const extensions = JSON.stringify(body.extensions ?? null);
  const reported = new Set<string>();
  for (const { clientId, fieldKey, value } of truth.values) {
    if (value.length < MIN_TEXT || reported.has(value)) continue;
    const rule = rules.get(fieldKey);
    if (rule && oracle.allows(clientId, fieldKey, rule)) continue;
    for (const [where, text] of [['errors', errors], ['extensions', extensions]] as const) {
      if (text.includes(value)) {
        reported.add(value);
        violations.push(`LEAK in ${where}: ${show(value)} (${fieldKey} of ${clientId})`);
      }
    }
  }
}
