import {
  outsideHub,
  parseClosingReason,
  parseGoalAgency,
  parseGoalStatus,
  parseIntake,
  parseReferralOutcome,
  parseReferralReason,
  parseReferralTarget,
  pastDate,
  targetGroupOn,
  titleOn,
} from '@kim/case-registry';
import { describe, expect, it } from 'vitest';
import { CASE_MANAGERS, generatePopulation, type DemoClient } from '../population/population.ts';
import { caseRegistryRows } from './caseRegistry.ts';

// Issue 15, "Done means": demo data passes the same validation as the mutations that write case
// work, so that what `npm start` shows (figures by target-group stage, referrals, the case
// history) is what case work would have produced.

const population = generatePopulation({ count: 240 });
const rows = caseRegistryRows(population, CASE_MANAGERS);
const today = new Date().toISOString().slice(0, 10);
const byId = new Map<string, DemoClient>(population.map((c) => [c.id, c]));
const dateOf = (d: Date) => d.toISOString().slice(0, 10);
const teamOf = (kimClientId: string) => `KIM_${byId.get(kimClientId)!.town}`;
const caseManagersOf = (kimClientId: string) => CASE_MANAGERS.filter((m) => (m.towns as readonly string[]).includes(byId.get(kimClientId)!.town)).map((m) => m.id);
const clientRow = (kimClientId: string) => rows.clients.find((c) => c.id === kimClientId)!;

/** What `check` refuses of each row, as `id: message` lines: the test shows them all at once. */
function problems<T extends { id: string }>(list: readonly T[], check: (row: T) => void): string[] {
  return list.flatMap((row) => {
    try {
      check(row);
      return [];
    } catch (error) {
      return [`${row.id}: ${(error as Error).message}`];
    }
  });
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

describe('the seeded case registry', () => {
  it('registers every client as registerClient would: the intake passes parseIntake, and the target group is found on its date with the title held then', () => {
    expect(
      problems(rows.clients, (row) => {
        const firstContactOn = dateOf(row.registeredAt);
        const intake = parseIntake(
          {
            givenName: row.givenName,
            familyName: row.familyName,
            birthDate: dateOf(row.birthDate),
            nationality: row.nationality,
            phone: row.phone,
            email: row.email,
            address: row.address,
            firstContactOn,
            residenceTitleType: titleOn(byId.get(row.id)!.residence, firstContactOn),
            priorCaseManagement: row.priorCaseManagement,
          },
          today,
        );
        check(intake.givenName === row.givenName && intake.familyName === row.familyName, 'names are stored as the intake stores them');
        const found = targetGroupOn({ birthDate: intake.birthDate, titleType: intake.residenceTitleType, priorCaseManagement: intake.priorCaseManagement }, firstContactOn);
        const stored = { eligible: row.eligibleAtIntake, stage: row.eligibilityStage, reason: row.eligibilityReason };
        check(JSON.stringify(stored) === JSON.stringify({ eligible: found.eligible, stage: found.stage, reason: found.reason }), `stored ${JSON.stringify(stored)}, the intake finds ${JSON.stringify(found)}`);
      }),
    ).toEqual([]);
  });

  it('gives the stage figures something to count: clients of both stages, eligible or not, some with case management before', () => {
    expect(new Set(rows.clients.map((c) => c.eligibilityStage))).toEqual(new Set([1, 2]));
    expect(rows.clients.some((c) => c.eligibleAtIntake === false)).toBe(true);
    expect(rows.clients.some((c) => c.priorCaseManagement === true)).toBe(true);
  });

  it('holds only the statuses case work writes: ACTIVE from the intake, CLOSED by closeCase with a listed reason on a day not before the intake', () => {
    expect(
      problems(rows.clients, (row) => {
        check(row.status === 'ACTIVE' || row.status === 'CLOSED', `status ${row.status} is written by no mutation`);
        if (row.status === 'ACTIVE') return check(row.closedOn === null && row.closingReason === null, 'an open case has no closing');
        parseClosingReason(row.closingReason);
        const closedOn = pastDate(row.closedOn && dateOf(row.closedOn), 'closedOn', today);
        check(closedOn >= dateOf(row.registeredAt), 'closed before the intake');
      }),
    ).toEqual([]);
  });

  it('plans goals as addGoal and setGoalStatus would: a listed status, and the agency that works on each (or the team itself)', () => {
    expect(
      problems(rows.goals, (goal) => {
        parseGoalStatus(goal.status);
        check('agency' in goal, 'no agency recorded (workedOnBy)');
        parseGoalAgency(goal.agency);
        const client = clientRow(goal.kimClientId);
        check(goal.createdAt >= client.registeredAt && (client.closedOn === null || goal.createdAt <= client.closedOn), 'added outside the open case');
      }),
    ).toEqual([]);
    expect(rows.goals.filter((g) => typeof g.agency === 'string').length).toBeGreaterThan(rows.goals.length / 2);
  });

  it('sends referrals as sendReferral would, and records their first contact and outcome as the receiving side would', () => {
    expect(
      problems(rows.referrals, (referral) => {
        parseReferralTarget(referral.toAgency);
        parseReferralReason(referral.reason);
        if (referral.outcome !== null) parseReferralOutcome(referral.outcome);
        check((referral.outcome === null) === (referral.outcomeAt === null), 'an outcome has its date and only then');
        const sent = dateOf(referral.sentAt);
        for (const [argument, at] of [['firstContactOn', referral.firstContactAt], ['on', referral.outcomeAt]] as const) {
          if (at !== null) check(pastDate(dateOf(at), argument, today) >= sent, `${argument} before the referral was sent`);
        }
        check(caseManagersOf(referral.kimClientId).includes(referral.sentBy ?? ''), `sent by ${referral.sentBy}, not a case manager of the team`);
        const client = clientRow(referral.kimClientId);
        check(referral.sentAt >= client.registeredAt && (client.closedOn === null || dateOf(referral.sentAt) <= dateOf(client.closedOn)), 'sent outside the open case');
      }),
    ).toEqual([]);
  });

  it('writes the case history each of those mutations writes: who, what and when, never a value', () => {
    const expected = (c: DemoClient) =>
      [
        'INTAKE',
        ...c.goals.map(() => 'GOAL_ADDED'),
        ...c.goals.filter((g) => g.status !== 'OPEN').map(() => 'GOAL_CHANGED'),
        ...c.notes.map(() => 'NOTE_ADDED'),
        ...c.referrals.map(() => 'REFERRAL_SENT'),
        ...c.referrals.filter((r) => r.firstContactAt !== null).map(() => 'REFERRAL_ACKNOWLEDGED'),
        ...c.referrals.filter((r) => r.outcome !== null).map(() => 'REFERRAL_OUTCOME'),
        ...(c.status === 'CLOSED' ? ['CLOSE'] : []),
      ].sort();
    const events = rows.caseEvents;
    expect(events.every((e) => Object.keys(e).sort().join() === 'action,actor,agency,at,kimClientId')).toBe(true);
    expect(
      problems(population, (c) => {
        const own = events.filter((e) => e.kimClientId === c.id);
        check(JSON.stringify(own.map((e) => e.action).sort()) === JSON.stringify(expected(c)), `events ${own.map((e) => e.action).join(', ')}`);
        check(own[0]?.action === 'INTAKE' && dateOf(own[0].at) === c.registeredAt, 'the intake comes first, on the registration day');
        if (c.closedOn !== null) check(own.at(-1)?.action === 'CLOSE' && dateOf(own.at(-1)!.at) === c.closedOn, 'the closing comes last, on its day');
        const targets = c.referrals.map((r) => r.toAgency);
        for (const e of own) {
          const byTeam = e.agency === teamOf(c.id) && caseManagersOf(c.id).includes(e.actor);
          const receiving = e.action === 'REFERRAL_ACKNOWLEDGED' || e.action === 'REFERRAL_OUTCOME';
          // The receiving agency records its side of a referral; for one outside the hub the sending team does.
          const allowed = !receiving ? byTeam : byTeam ? targets.some(outsideHub) : targets.includes(e.agency as never) && !outsideHub(e.agency);
          check(allowed, `${e.action} by ${e.actor} of ${e.agency}`);
        }
      }),
    ).toEqual([]);
    // In the order they happened, as the mutations would have appended them.
    expect(events.map((e) => e.at.getTime())).toEqual(events.map((e) => e.at.getTime()).sort((a, b) => a - b));
  });
});
