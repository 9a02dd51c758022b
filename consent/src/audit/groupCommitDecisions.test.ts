import { clientIdsOf } from './pseudonyms.ts';
import type { ServiceName } from '@kim/schema';
import type { Caller, ConsentQuestion, Database } from '@kim/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentPrisma } from '../db.ts';
import { createDecisionRecorder, type DecisionRecorder } from '../decisions/decideAndRecord.ts';
import { MAX_QUESTIONS } from '../decisions/readQuestionRequest.ts';
import { openConsentTestDatabase, type ConsentTestDatabase } from '../testDatabase.testSupport.ts';
import { newAuditKey } from './chainFixture.testSupport.ts';
import { verifyChain } from './verifyChain.ts';
import { chainPendingGrantEvents } from '../grants/grantEvents.ts';
import { storeGrants } from '../grants/storeGrants.testSupport.ts';

/**
 * The decision recorder under group commit, on a real database: PGlite, or PostgreSQL when
 * KIM_TEST_DATABASE_URL is set (in a schema of its own, dropped afterwards).
 */
const key = newAuditKey();
let test: ConsentTestDatabase;
let db: Database;
let prisma: ConsentPrisma;
let recorder: DecisionRecorder;

beforeAll(async () => {
  test = await openConsentTestDatabase('groupcommit');
  ({ db, prisma } = test);
  recorder = createDecisionRecorder(db.sql, key);
  const grant = { grantee: 'JOBCENTER', categories: ['EDUCATION_LANGUAGE'], purposes: ['LABOUR_MARKET_INTEGRATION'], validFrom: new Date('2026-01-01') };
  await storeGrants(db.sql, key, [{ id: 'G-1', kimClientId: 'K-1', ...grant }, { id: 'G-3', kimClientId: 'K-3', ...grant }, { id: 'G-4', kimClientId: 'K-4', ...grant, validUntil: new Date('2026-02-01') }]);
  // Consents to take part in KIM Neuss's case management: every client but K-2.
  const participation = { grantee: 'KIM_NEUSS', categories: ['IDENTITY'], purposes: ['CASE_MANAGEMENT'], validFrom: new Date('2026-01-01') };
  await storeGrants(db.sql, key, ['K-1', 'K-3', 'K-4', 'K-5'].map((id) => ({ id: `P-${id.slice(2)}`, kimClientId: id, ...participation })));
});
afterAll(async () => {
  await test?.close();
});

const jobcenter = (requestId: string): Caller => ({ subject: 'jc-1', agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', purpose: 'LABOUR_MARKET_INTEGRATION', requestId });
const caseManager = (requestId: string): Caller => ({ subject: 'cm-1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId });
const language = (clientId: string): ConsentQuestion => ({ clientId, category: 'EDUCATION_LANGUAGE' });
const identity = (clientId: string): ConsentQuestion => ({ clientId, category: 'IDENTITY' });

interface Call {
  readonly caller: Caller;
  readonly service: ServiceName;
  readonly questions: ConsentQuestion[];
  /** What each question must come out as, `allowed/reason/grantId`. */
  readonly expected: string[];
}

/** Calls of two agencies about the same clients, which must each get their own agency's answers. */
function calls(n: number, prefix: string): Call[] {
  return Array.from({ length: n }, (_, i) => {
    const ids = [`K-${(i % 5) + 1}`, `K-${((i + 2) % 5) + 1}`];
    if (i % 2 === 0) {
      // The jobcenter: language by grant (K-1, K-3; K-4's grant has expired), else no basis.
      const expect = (id: string) => (id === 'K-1' || id === 'K-3' ? `true/GRANT/G-${id.slice(2)}` : 'false/NO_BASIS/null');
      return { caller: jobcenter(`${prefix}-${i}`), service: 'welfare', questions: ids.map(language), expected: ids.map(expect) };
    }
    // A KIM case manager: identity from the case registry is the KIM team's own, read on the
    // client's consent to take part (none from K-2).
    const own = (id: string) => (id === 'K-2' ? 'false/NO_BASIS/null' : `true/OWNER/P-${id.slice(2)}`);
    return { caller: caseManager(`${prefix}-${i}`), service: 'case-registry', questions: [...ids.map(identity), identity(ids[0]!)], expected: ids.map(own) };
  });
}

const outcome = (d: { allowed: boolean; reason: string; grantId: string | null }) => `${d.allowed}/${d.reason}/${d.grantId}`;

async function auditRows() {
  const rows = await prisma.auditEntry.findMany({ orderBy: { seq: 'asc' }, select: { requestId: true, kimClientId: true, category: true, allowed: true, reason: true, grantId: true, agency: true } });
  // Rows name clients by pseudonym; the test compares with the ids it asked about.
  const ids = await clientIdsOf(prisma, rows.map((r) => r.kimClientId));
  return rows.map((r) => ({ ...r, kimClientId: ids.get(r.kimClientId) ?? r.kimClientId }));
}

describe('decision recorder with group commit', () => {
  it('answers each of many concurrent callers with its own decisions, and records exactly those, once each', async () => {
    const before = (await auditRows()).length;
    const batch = calls(40, 'r1');
    const answers = await Promise.all(batch.map((c) => recorder.decide(c.caller, c.service, c.questions)));
    answers.forEach((answer, i) => {
      const call = batch[i]!;
      // Duplicates within a call are asked once; the answer is about this call's clients only.
      expect(answer.map((d) => `${d.clientId}|${d.category}`)).toEqual([...new Set(call.questions.map((q) => `${q.clientId}|${q.category}`))]);
      expect(answer.map(outcome)).toEqual(call.expected);
    });
    const rows = (await auditRows()).slice(before);
    expect(rows).toHaveLength(answers.reduce((n, a) => n + a.length, 0));
    // Every row belongs to the call that was told it, and each call's rows are its answer, in order.
    answers.forEach((answer, i) => {
      const mine = rows.filter((r) => r.requestId === batch[i]!.caller.requestId);
      expect(mine.map((r) => `${r.kimClientId}|${r.category}|${outcome(r)}|${r.agency}`)).toEqual(answer.map((d) => `${d.clientId}|${d.category}|${outcome(d)}|${batch[i]!.caller.agency}`));
    });
    // Each call's rows are contiguous in the chain (a group writes its calls one after another).
    const order = rows.map((r) => r.requestId).filter((id, k, all) => k === 0 || all[k - 1] !== id);
    expect(new Set(order).size).toBe(order.length);
    // Fewer anchors than calls: the calls were written in groups.
    expect(await prisma.auditAnchor.count()).toBeLessThan(batch.length);
    expect(await verifyChain(prisma, key)).toMatchObject({ valid: true, entries: rows.length + before });
  });

  it('stores text that JSON must escape exactly as given, and the chain verifies', async () => {
    const odd = `o'brien "\\x" \u00fcber ✓ \n {1,2}`;
    const caller = { ...jobcenter(`r-odd "${odd}"`), subject: odd };
    await recorder.decide(caller, 'welfare', [language('K-1'), identity('K-2')]);
    const rows = await prisma.auditEntry.findMany({ where: { requestId: caller.requestId }, orderBy: { seq: 'asc' }, select: { subject: true, kimClientId: true, category: true, at: true } });
    const ids = await clientIdsOf(prisma, rows.map((r) => r.kimClientId));
    expect(rows.map((r) => [r.subject, ids.get(r.kimClientId), r.category])).toEqual([[odd, 'K-1', 'EDUCATION_LANGUAGE'], [odd, 'K-2', 'IDENTITY']]);
    expect(rows[0]!.at.getTime()).toBe(rows[1]!.at.getTime());
    expect(await verifyChain(prisma, key)).toMatchObject({ valid: true });
  });

  it('sees a revocation committed before the call', async () => {
    await db.sql.query(`INSERT INTO "GrantEvent" ("grantId", "kimClientId", "type", "at", "subject", "agency", "role", "reason") VALUES ('G-3', 'K-3', 'WITHDRAWN', now(), 'test', 'KIM_NEUSS', 'CASE_MANAGER', 'test')`);
    await chainPendingGrantEvents(db.sql, key);
    const [d] = await recorder.decide(jobcenter('r2'), 'welfare', [language('K-3')]);
    expect(outcome(d!)).toBe('false/NO_BASIS/null');
  });

  it('fails every caller of a group whose commit fails, records none of them, and recovers', async () => {
    const before = (await auditRows()).length;
    await db.sql.exec(`
      CREATE FUNCTION test_refuse_anchor() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'anchor refused'; END $$;
      CREATE TRIGGER test_refuse_anchor BEFORE INSERT ON "AuditAnchor" FOR EACH ROW EXECUTE FUNCTION test_refuse_anchor();`);
    const batch = calls(10, 'r3');
    const outcomes = await Promise.allSettled(batch.map((c) => recorder.decide(c.caller, c.service, c.questions)));
    expect(outcomes.map((o) => o.status)).toEqual(batch.map(() => 'rejected'));
    expect(await auditRows()).toHaveLength(before);
    await db.sql.exec('DROP TRIGGER test_refuse_anchor ON "AuditAnchor"; DROP FUNCTION test_refuse_anchor();');
    const again = await Promise.all(batch.map((c) => recorder.decide(c.caller, c.service, c.questions)));
    expect(again.map((a) => a.length)).toEqual(batch.map((c) => new Set(c.questions.map((q) => `${q.clientId}|${q.category}`)).size));
    expect(await verifyChain(prisma, key)).toMatchObject({ valid: true });
  });

  it('writes technical denials in the same group as the decisions submitted with them', async () => {
    const anchors = await prisma.auditAnchor.count();
    const [decided, recorded] = await Promise.all([
      recorder.decide(jobcenter('r5'), 'welfare', [language('K-1')]),
      recorder.recordTechnicalDenials(jobcenter('r5-technical'), 'welfare', [language('K-1'), language('K-1'), language('K-2')]),
    ]);
    expect(decided.map(outcome)).toEqual(['true/GRANT/G-1']);
    expect(recorded).toBe(2);
    expect(await prisma.auditAnchor.count()).toBe(anchors + 1);
    const technical = await prisma.auditEntry.findMany({ where: { requestId: 'r5-technical' }, select: { allowed: true, reason: true } });
    expect(technical).toEqual([{ allowed: false, reason: 'TECHNICAL' }, { allowed: false, reason: 'TECHNICAL' }]);
  });

  it('records a single call of as many questions as the route accepts, alone, whole', async () => {
    const before = (await auditRows()).length;
    const categories = ['IDENTITY', 'CONTACT', 'RESIDENCE', 'BENEFITS', 'EMPLOYMENT', 'EDUCATION_LANGUAGE', 'HOUSING', 'CASE_MANAGEMENT', 'CASE_NOTES', 'NATURALISATION'] as const;
    const questions = Array.from({ length: MAX_QUESTIONS }, (_, k) => ({ clientId: `K-max-${Math.floor(k / categories.length)}`, category: categories[k % categories.length]! }));
    const answer = await recorder.decide(caseManager('r-max'), 'case-registry', questions);
    expect(answer).toHaveLength(MAX_QUESTIONS);
    expect((await auditRows()).length - before).toBe(MAX_QUESTIONS);
    expect(await verifyChain(prisma, key)).toMatchObject({ valid: true });
  });

  it('keeps one chain when two recorders (two consent processes) append at the same time', async () => {
    // Each recorder commits one group at a time; only the chain lock keeps two of them from
    // reading the same heads. On PGlite the one session serialises them anyway.
    const second = await test.openAnother();
    try {
      const other = createDecisionRecorder(second.sql, key);
      const waves = Array.from({ length: 30 }, (_, w) => [
        ...calls(10, `p1-${w}`).map((c) => recorder.decide(c.caller, c.service, c.questions)),
        ...calls(10, `p2-${w}`).map((c) => other.decide(c.caller, c.service, c.questions)),
      ]);
      for (const wave of waves) await Promise.all(wave);
      expect(await verifyChain(prisma, key)).toMatchObject({ valid: true });
    } finally {
      if (second !== db) await second.close();
    }
  });

  it('splits more decisions than one group holds into several groups, in order', async () => {
    const before = (await auditRows()).length;
    // 6 calls of 700 distinct questions: 4,200 rows, more than one group holds (MAX_GROUP_DECISIONS).
    const big = Array.from({ length: 6 }, (_, i) => ({
      caller: caseManager(`r4-${i}`),
      questions: Array.from({ length: 700 }, (_, k) => identity(`K-${i}-${k}`)),
    }));
    const answers = await Promise.all(big.map((c) => recorder.decide(c.caller, 'case-registry', c.questions)));
    expect(answers.map((a) => a.length)).toEqual([700, 700, 700, 700, 700, 700]);
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => r.requestId)).toEqual(big.flatMap((c) => c.questions.map(() => c.caller.requestId)));
    expect(await verifyChain(prisma, key)).toMatchObject({ valid: true });
  });
});
