import { PERSONAS, purposesOf, type Persona, type PersonaName } from '@kim/demo';
import { TOWNS } from '@kim/schema';
import { CASE_MANAGERS } from '@kim/demo/population';
import fc from 'fast-check';
import { parse, validate, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiChangeArb, applyThroughApi, type ApiChange } from './property/consentByApi.ts';
import { ConsentStates, consentStateArb, type GrantChange } from './property/consentStates.ts';
import { DataShapes, dataShapeArb, emptiedLists, type RowRemoval } from './property/dataShapes.ts';
import { readFieldRules } from './property/fieldRules.ts';
import { readGroundTruth, type GroundTruth } from './property/groundTruth.ts';
import { emptyCoverage, judgeResponse, type Coverage } from './property/judgeResponse.ts';
import { operationArb, printOperation, SelectionGenerator, type Operation } from './property/operations.ts';
import { Oracle, type RegistryEntry } from './property/oracle.ts';
import { readPropertyConfig } from './property/propertyConfig.ts';
import { rawQuery } from './property/rawQuery.ts';
import { loadSupergraph } from './property/supergraph.ts';
import { consentInput } from './support/consentRecord.ts';
import { grantsWithState } from './support/grantStates.ts';
import { startTestHub, type GraphQLResponse, type TestHub } from './support/testHub.ts';
import { withClientIds } from './support/auditRows.ts';

const config = readPropertyConfig();
const CLIENTS = 30;
const clientIds = Array.from({ length: CLIENTS }, (_, i) => `K-${String(i + 1).padStart(6, '0')}`);
/** Ids no client has: one just past the population, one far off. */
const UNKNOWN_IDS = [`K-${String(CLIENTS + 1).padStart(6, '0')}`, 'K-999999'];
const personas = Object.keys(PERSONAS) as PersonaName[];
const grantees = [...new Set(personas.map((p) => PERSONAS[p].agency))];

const schema = loadSupergraph();
const rules = readFieldRules();

/**
 * A bound for the whole property, not an expectation: a run takes well under a second. fast-check
 * stops (shrinking included) before the test times out, so a failure is always reported with
 * its seed and counterexample.
 */
const timeoutMs = 60_000 + config.runs * 5_000;
const assertOptions = (): fc.Parameters<unknown> => ({
  numRuns: config.runs,
  ...(config.seed !== undefined ? { seed: config.seed } : {}),
  ...(config.path !== undefined ? { path: config.path } : {}),
  interruptAfterTimeLimit: timeoutMs - 30_000,
  markInterruptAsFailure: true,
});

let hub: TestHub;
let truth: GroundTruth;
let registry: Map<string, RegistryEntry>;
let states: ConsentStates;
let shapes: DataShapes;

beforeAll(async () => {
  hub = await startTestHub('property', CLIENTS);
  // Fixed outcomes, whatever the demo's intake found: a third each, a third not checked (registered
  // before intake checks existed), so the targetGroupAtIntake filter has clients to match and to hide.
  // As the schema's owner: the service's own role may not write outside its mutations.
  await hub.services['case-registry'].owner.sql.query(
    `UPDATE "Client" SET "eligibleAtIntake" = CASE WHEN substr(id, 3)::int % 3 = 0 THEN NULL ELSE substr(id, 3)::int % 3 = 1 END, "eligibilityStage" = CASE WHEN substr(id, 3)::int % 3 = 0 THEN NULL ELSE 2 END`,
  );
  const rows = await hub.services['case-registry'].prisma.client.findMany({ select: { id: true, town: true, status: true, caseManagerId: true, givenName: true, familyName: true, eligibleAtIntake: true, birthDate: true } });
  registry = new Map(rows.map((r) => [r.id, r]));
  expect([...registry.keys()].sort()).toEqual(clientIds);
  truth = await readGroundTruth(hub, schema, rules, clientIds);
  states = await ConsentStates.open(hub.consentOwnerPrisma(), hub.services.consent.owner, hub.auditKey);
  shapes = new DataShapes({
    'case-registry': hub.services['case-registry'].owner,
    'immigration-office': hub.services['immigration-office'].owner,
    jobcenter: hub.services.jobcenter.owner,
    welfare: hub.services.welfare.owner,
    consent: hub.services.consent.owner,
  });
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

interface Scenario {
  readonly persona: PersonaName;
  readonly purposeIndex: number;
  readonly consent: GrantChange[];
  /** Changes made through the gateway by random personas, after `consent` is written. */
  readonly api: ApiChange[];
  /** Rows removed from the agencies' data for this case (clients with some kinds of rows only). */
  readonly shape: RowRemoval[];
  readonly operation: Operation;
}

/** The persona's purpose: one its role may declare. */
function callerOf(scenario: { persona: PersonaName; purposeIndex: number }) {
  const purposes = purposesOf(scenario.persona);
  const purpose = purposes[scenario.purposeIndex % purposes.length];
  if (!purpose) throw new Error(`${scenario.persona} has no purpose`);
  const persona: Persona = PERSONAS[scenario.persona];
  return { agency: persona.agency, role: persona.role, purpose, ...(persona.team ? { team: persona.team } : {}) };
}

/** Parses a generated operation and proves it valid: an invalid one would test only the validator. */
function checkedDocument(query: string): DocumentNode {
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`the generator made an invalid operation: ${errors.map((e) => e.message).join('; ')}\n${query}`);
  return document;
}

async function oracleFor(caller: ReturnType<typeof callerOf>): Promise<Oracle> {
  return new Oracle(caller, registry, rules, await states.grants(), new Date());
}

function report(lines: {
  violations: readonly string[];
  scenario: Scenario;
  grants: readonly string[];
  removed?: readonly string[];
  query: string;
  response: GraphQLResponse;
}): string {
  const caller = callerOf(lines.scenario);
  return [
    `${lines.violations.length} violation(s):`,
    ...lines.violations.map((v) => `  - ${v}`),
    `persona ${lines.scenario.persona} (${caller.agency}, ${caller.role}), purpose ${caller.purpose}`,
    `consent changes on top of the seeded grants:${lines.grants.length === 0 ? ' none' : ''}`,
    ...lines.grants.map((g) => `  - ${g}`),
    `rows removed for this case:${(lines.removed ?? []).length === 0 ? ' none' : ''}`,
    ...(lines.removed ?? []).map((r) => `  - ${r}`),
    'query:',
    lines.query,
    `response (HTTP ${lines.response.status}):`,
    JSON.stringify(lines.response.body).slice(0, 6000),
  ].join('\n');
}

describe('the leak property', () => {
  it(
    'discloses no value of a category the caller may not see — whatever the query, consent state, persona and purpose',
    async () => {
      const coverage: Coverage = emptyCoverage();
      const scenarios: fc.Arbitrary<Scenario> = fc.record({
        persona: fc.constantFrom(...personas),
        purposeIndex: fc.nat(),
        consent: consentStateArb(clientIds, grantees),
        api: apiChangeArb(personas, [...clientIds, ...UNKNOWN_IDS], grantees),
        shape: dataShapeArb(clientIds),
        operation: operationArb(schema, {
          clientIds: [...clientIds, ...UNKNOWN_IDS],
          caseManagerIds: [...CASE_MANAGERS.map((m) => m.id), 'cm-nowhere'],
          maxFirst: 12,
          // Whole names, parts of them (which several clients share), and a name nobody has.
          names: [...[...registry.values()].flatMap((c) => [c.familyName, `${c.givenName} ${c.familyName}`, c.givenName.slice(0, 3)]), 'Zqxwvyname'],
          idPrefixes: ['K-0000', 'K-00001', 'k-000', 'K-9'],
        }),
      });
      await fc.assert(
        fc.asyncProperty(scenarios, async (scenario) => {
          const caller = callerOf(scenario);
          const grants = await states.apply(scenario.consent, caller);
          // Who may record or withdraw is judged from the case registry alone; the leak check
          // below then runs on whatever grants the API let through.
          for (const change of scenario.api) {
            const outcome = await applyThroughApi(hub, registry, change, () => states.grants());
            grants.push(`api: ${outcome.line}`);
            coverage.apiChanges += 1;
            if (outcome.createdId || outcome.withdrawnId) coverage.apiAccepted += 1;
            if (outcome.violation) throw new Error(report({ violations: [outcome.violation], scenario, grants, query: '(not sent)', response: { status: 0, headers: new Headers(), body: {} } }));
          }
          const removed = await shapes.apply(scenario.shape);
          // The truth of this case: the seeded rows but those removed for it.
          const emptied = emptiedLists(scenario.shape);
          const caseTruth = { ...truth, rows: truth.rows.filter((r) => !emptied.has(`${r.clientId}|${r.list}`)) };
          const oracle = await oracleFor(caller);
          const query = printOperation(schema, scenario.operation, clientIds.filter((id) => oracle.knows(id)));
          const document = checkedDocument(query);
          const response = await hub.query(scenario.persona, query, undefined, { purpose: caller.purpose });
          const judgement = judgeResponse({ schema, rules, truth: caseTruth }, oracle, document, response);
          for (const key of Object.keys(coverage) as (keyof Coverage)[]) coverage[key] += judgement.coverage[key];
          if (judgement.violations.length > 0) throw new Error(report({ violations: judgement.violations, scenario, grants, removed, query, response }));
        }),
        assertOptions(),
      ).finally(() => shapes.reset());
      // The property held; these show it was not held vacuously (every run refused, say).
      expect(coverage.answered).toBeGreaterThan(0);
      expect(coverage.allowedValues).toBeGreaterThan(0);
      expect(coverage.denials).toBeGreaterThan(0);
      expect(coverage.tooComplex).toBe(0);
      expect(coverage.apiAccepted).toBeGreaterThan(0);
      expect(coverage.apiChanges).toBeGreaterThan(coverage.apiAccepted);
    },
    timeoutMs,
  );
});

describe('denial and absence', () => {
  it(
    'answer an id outside the caller\'s scope exactly as an id nobody has, byte for byte',
    async () => {
      const generator = new SelectionGenerator(schema);
      let compared = 0;
      const scenarios = fc.record({
        persona: fc.constantFrom(...personas),
        purposeIndex: fc.nat(),
        consent: consentStateArb(clientIds, grantees),
        hidden: fc.nat(),
        unknown: fc.constantFrom(...UNKNOWN_IDS),
        selections: generator.selectionSet('Client'),
      });
      await fc.assert(
        fc.asyncProperty(scenarios, async (s) => {
          const caller = callerOf(s);
          await states.apply(s.consent, caller);
          const oracle = await oracleFor(caller);
          const hiddenIds = clientIds.filter((id) => !oracle.knows(id));
          // Callers who may know every client (a partner with grants from all) have nothing to hide here.
          const hidden = hiddenIds[s.hidden % Math.max(hiddenIds.length, 1)];
          if (hidden === undefined) return;
          const ask = async (id: string) => {
            const query = printOperation(schema, { roots: [{ kind: 'client', alias: false, id, selections: s.selections }] });
            checkedDocument(query);
            const { status, text } = await rawQuery(hub, s.persona, caller.purpose, query);
            return { query, status, text: text.replaceAll(id, '<id>') };
          };
          const [denied, absent] = [await ask(hidden), await ask(s.unknown)];
          compared += 1;
          if (denied.status !== absent.status || denied.text !== absent.text) {
            throw new Error(
              [
                `${s.persona} (${caller.purpose}) can tell ${hidden} (outside its scope) from ${s.unknown} (nobody):`,
                `  ${hidden}: HTTP ${denied.status} ${denied.text}`,
                `  ${s.unknown}: HTTP ${absent.status} ${absent.text}`,
                denied.query,
              ].join('\n'),
            );
          }
        }),
        assertOptions(),
      );
      expect(compared).toBeGreaterThan(0);
    },
    timeoutMs,
  );
});

describe('the work a filter costs', () => {
  it(
    'is the same whatever the filter matches: the same consent decisions for any two values of a field',
    async () => {
      // Issue 14, item 2: deciding only the matching clients made the work (a consent round
      // trip and an audit row per hidden match) tell the caller how many clients have the value.
      const filters = {
        status: ['ACTIVE', 'WAITING', 'CLOSED'],
        town: [...TOWNS],
        caseManagerId: [...CASE_MANAGERS.map((m) => m.id), 'cm-nowhere'],
        // A name of each client and one nobody has (issue 16): hidden and non-matching cost the same.
        name: [...[...registry.values()].map((c) => c.familyName), 'Zqxwvyname'],
        // The intake's target-group check (issue 16): its field's category and inputs, decided alike for either value.
        targetGroupAtIntake: ['true', 'false'],
      };
      const scenarios = fc.record({
        persona: fc.constantFrom(...personas),
        purposeIndex: fc.nat(),
        consent: consentStateArb(clientIds, grantees),
        field: fc.constantFrom(...(Object.keys(filters) as (keyof typeof filters)[])),
        pick: fc.tuple(fc.nat(), fc.nat()),
      });
      let compared = 0;
      await fc.assert(
        fc.asyncProperty(scenarios, async (s) => {
          const caller = callerOf(s);
          await states.apply(s.consent, caller);
          const values = filters[s.field];
          const decided = async (value: string) => {
            const literal = s.field === 'caseManagerId' || s.field === 'name' ? JSON.stringify(value) : value;
            const response = await hub.query(s.persona, `{ clients(first: 1, filter: { ${s.field}: ${literal} }) { totalCount } }`, undefined, { purpose: caller.purpose });
            const requestId = response.headers.get('x-request-id') ?? '';
            const rows = await withClientIds(hub.services.consent.prisma, await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId }, select: { kimClientId: true, category: true } }));
            return { status: response.status, decided: rows.map((r) => `${r.kimClientId}:${r.category}`).sort() };
          };
          const [a, b] = [values[s.pick[0] % values.length]!, values[s.pick[1] % values.length]!];
          const [first, second] = [await decided(a), await decided(b)];
          compared += 1;
          if (first.status !== second.status || JSON.stringify(first.decided) !== JSON.stringify(second.decided)) {
            throw new Error(
              `${s.persona} (${caller.purpose}): filter ${s.field} = ${a} cost ${first.decided.length} decisions, = ${b} ${second.decided.length}\n` +
                `  ${a}: ${first.decided.join(' ')}\n  ${b}: ${second.decided.join(' ')}`,
            );
          }
        }),
        assertOptions(),
      );
      expect(compared).toBeGreaterThan(0);
    },
    timeoutMs,
  );
});

describe('a filtered client list (a case the property found)', () => {
  const ids = (response: GraphQLResponse) =>
    ((response.body.data?.clients as { edges: { node: { id: string } }[] } | undefined)?.edges ?? []).map((e) => e.node.id);

  it('lists a partner agency only the clients whose filtered field it may see', async () => {
    await states.reset();
    // A client of Neuss who shares language data, not identity, with the immigration office for
    // naturalisation (K-000019 in the seed this case was found with; recorded here by the team):
    // the office knows the client, but not where the client lives.
    const shared = (await grantsWithState(hub.services.consent.prisma, { grantee: 'IMMIGRATION_OFFICE' })).filter((g) => g.state === 'ACTIVE');
    const neuss = await hub.services['case-registry'].prisma.client.findMany({ where: { town: 'NEUSS' }, select: { id: true }, orderBy: { id: 'asc' } });
    const clientId = neuss.map((c) => c.id).find((id) => !shared.some((g) => g.kimClientId === id && g.categories.includes('IDENTITY')))!;
    const recorded = await hub.query('cm-neuss', 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: consentInput({ clientId, grantee: 'IMMIGRATION_OFFICE', categories: ['EDUCATION_LANGUAGE'], purposes: ['NATURALISATION_PROCEDURE'] }),
    });
    expect(recorded.body.errors).toBeUndefined();
    const all = await hub.query('abh', '{ clients(first: 50) { totalCount edges { node { id } } } }', undefined, { purpose: 'RESIDENCE_PROCEDURE' });
    expect(ids(all)).toContain(clientId);
    const town = await hub.query('abh', '{ clients(first: 50) { edges { node { id town } } } }', undefined, { purpose: 'RESIDENCE_PROCEDURE' });
    expect(town.body.errors?.map((e) => [e.extensions?.code, e.extensions?.category])).toContainEqual(['CONSENT_REQUIRED', 'IDENTITY']);
    const filtered = await hub.query('abh', '{ clients(first: 50, filter: { town: NEUSS }) { totalCount edges { node { id } } } }', undefined, {
      purpose: 'RESIDENCE_PROCEDURE',
    });
    expect(filtered.body).toEqual({ data: { clients: { totalCount: 0, edges: [] } } });
  });

  it('still filters a KIM team\'s own clients by its own data', async () => {
    await states.reset();
    const all = await hub.query('cm-neuss', '{ clients(first: 50) { edges { node { id status } } } }');
    const active = (all.body.data?.clients as { edges: { node: { id: string; status: string } }[] }).edges.filter((e) => e.node.status === 'ACTIVE');
    const filtered = await hub.query('cm-neuss', '{ clients(first: 50, filter: { status: ACTIVE }) { totalCount edges { node { id } } } }');
    expect(ids(filtered)).toEqual(active.map((e) => e.node.id));
    expect((filtered.body.data?.clients as { totalCount: number }).totalCount).toBe(active.length);
    expect(active.length).toBeGreaterThan(0);
  });
});
