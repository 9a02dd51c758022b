import { outsideHub, parseIntake, targetGroupOn, titleOn } from '@kim/case-registry';
import { WELFARE_ASSOCIATIONS, type Agency } from '@kim/schema';
import type { DemoCaseManager, DemoClient } from '../population/population.ts';
import type { CaseRegistryPrisma } from '@kim/case-registry';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const time = (t: string | null) => (t ? new Date(t) : null);
/** A day-dated act at an hour of the working day (the population's timestamps lie 07:00–16:00 UTC). */
const at = (d: string, hour: string) => new Date(`${d}T${hour}:00Z`);

/**
 * Who at a receiving agency records its side of a demo referral: its team lead, or a counsellor
 * of the association (a team caseworker sees only its team's files, which the registry cannot).
 */
function receivingStaff(agency: Agency): string {
  if (agency === 'IMMIGRATION_OFFICE') return 'abh-lead-1';
  if (agency === 'JOBCENTER') return 'jc-lead-1';
  if ((WELFARE_ASSOCIATIONS as readonly string[]).includes(agency)) return `${agency.toLowerCase()}-counsellor-1`;
  throw new Error(`no staff of ${agency} records referrals in the hub`);
}

/**
 * The intake of a demo client as registerClient takes it, validated as registerClient validates
 * it (parseIntake): the first contact is the registration day, and the residence title shown is
 * the one the client held that day (the immigration office's title history).
 */
export function demoIntake(c: DemoClient, today: string) {
  try {
    return parseIntake(
      {
        givenName: c.givenName,
        familyName: c.familyName,
        birthDate: c.birthDate,
        nationality: c.nationality,
        phone: c.phone,
        email: c.email,
        address: c.address,
        firstContactOn: c.registeredAt,
        residenceTitleType: titleOn(c.residence, c.registeredAt),
        priorCaseManagement: c.priorCaseManagement,
      },
      today,
    );
  } catch (error) {
    throw new Error(`demo client ${c.id}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The case events the mutations would have written for a demo client's case (who, what, when;
 * never a value), in the order they happened: the intake, goals added and their status set,
 * notes, referrals sent and the receiving side's first contact and outcome, the closing.
 */
function caseEventsOf(c: DemoClient) {
  const team = `KIM_${c.town}`;
  const byTeam = (action: string, when: Date) => ({ kimClientId: c.id, action, actor: c.caseManagerId, agency: team, at: when });
  const receiving = (action: string, to: Agency, when: Date) =>
    outsideHub(to) ? byTeam(action, when) : { kimClientId: c.id, action, actor: receivingStaff(to), agency: to as string, at: when };
  const events = [
    byTeam('INTAKE', at(c.registeredAt, '06:30')),
    ...c.goals.flatMap((g) => [byTeam('GOAL_ADDED', at(g.createdAt, '12:00')), ...(g.changedOn ? [byTeam('GOAL_CHANGED', at(g.changedOn, '12:00'))] : [])]),
    ...c.notes.map((n) => ({ kimClientId: c.id, action: 'NOTE_ADDED', actor: n.author, agency: team, at: new Date(n.createdAt) })),
    ...c.referrals.flatMap((r) => [
      byTeam('REFERRAL_SENT', new Date(r.sentAt)),
      ...(r.firstContactAt ? [receiving('REFERRAL_ACKNOWLEDGED', r.toAgency, new Date(r.firstContactAt))] : []),
      ...(r.outcomeAt ? [receiving('REFERRAL_OUTCOME', r.toAgency, new Date(r.outcomeAt))] : []),
    ]),
    // As the consent service's seed has the case end (16:00): after the day's work.
    ...(c.closedOn ? [byTeam('CLOSE', at(c.closedOn, '16:00'))] : []),
  ];
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The case registry's part of the demo population, as rows of its tables, written as the
 * mutations would have written them: each intake validated and its target group found as
 * registerClient does (stored with stage, reason and earlier case management), goals with the
 * agency that works on them, referrals with their sender, and the case history (`CaseEvent`).
 * `today` is the day the intakes are checked against (none may lie after it).
 */
export function caseRegistryRows(population: readonly DemoClient[], caseManagers: readonly DemoCaseManager[], today = new Date().toISOString().slice(0, 10)) {
  return {
    caseManagers: caseManagers.map((m) => ({ id: m.id, name: m.name, towns: [...m.towns] })),
    clients: population.map((c) => {
      const intake = demoIntake(c, today);
      const eligibility = targetGroupOn({ birthDate: intake.birthDate, titleType: intake.residenceTitleType, priorCaseManagement: intake.priorCaseManagement }, intake.firstContactOn);
      return {
        id: c.id,
        givenName: intake.givenName,
        familyName: intake.familyName,
        birthDate: day(intake.birthDate),
        nationality: intake.nationality,
        town: c.town,
        status: c.status as string,
        phone: intake.phone,
        email: intake.email,
        address: intake.address,
        registeredAt: day(intake.firstContactOn),
        eligibleAtIntake: eligibility.eligible,
        eligibilityStage: eligibility.stage,
        eligibilityReason: eligibility.reason,
        priorCaseManagement: intake.priorCaseManagement,
        closedOn: c.closedOn === null ? null : day(c.closedOn),
        closingReason: c.closingReason as string | null,
        caseManagerId: c.caseManagerId,
      };
    }),
    goals: population.flatMap((c) =>
      c.goals.map((g, i) => ({
        id: `${c.id}-G${i + 1}`,
        kimClientId: c.id,
        title: g.title,
        status: g.status as string,
        agency: g.workedOnBy as string | null,
        dueDate: g.dueDate ? day(g.dueDate) : null,
        createdAt: day(g.createdAt),
      })),
    ),
    referrals: population.flatMap((c) =>
      c.referrals.map((r, i) => ({
        id: `${c.id}-R${i + 1}`,
        kimClientId: c.id,
        toAgency: r.toAgency as string,
        reason: r.reason as string,
        sentAt: new Date(r.sentAt),
        sentBy: c.caseManagerId,
        firstContactAt: time(r.firstContactAt),
        outcome: r.outcome as string | null,
        outcomeAt: time(r.outcomeAt),
      })),
    ),
    notes: population.flatMap((c) => c.notes.map((n, i) => ({ id: `${c.id}-N${i + 1}`, kimClientId: c.id, author: n.author, createdAt: new Date(n.createdAt), text: n.text }))),
    // Appended in the order they happened, as the mutations would have appended them (a stable sort).
    caseEvents: population.flatMap(caseEventsOf).sort((a, b) => a.at.getTime() - b.at.getTime()),
  };
}

/** Seeds the demo population's case-registry part, unless the registry already has clients. */
export async function seedCaseRegistry(prisma: CaseRegistryPrisma, population: readonly DemoClient[], caseManagers: readonly DemoCaseManager[]): Promise<boolean> {
  if ((await prisma.client.count()) > 0) return false;
  const rows = caseRegistryRows(population, caseManagers);
  await prisma.$transaction([
    prisma.caseManager.createMany({ data: rows.caseManagers }),
    prisma.client.createMany({ data: rows.clients }),
    // Intakes number on after the seeded clients (see the client_numbers migration).
    prisma.$queryRawUnsafe(`SELECT setval('"Client_number_seq"', ${population.length === 0 ? 1 : `(SELECT max(substr("id", 3)::bigint) FROM "Client")`}, ${population.length > 0})`),
    prisma.goal.createMany({ data: rows.goals }),
    prisma.referral.createMany({ data: rows.referrals }),
    prisma.caseNote.createMany({ data: rows.notes }),
    prisma.caseEvent.createMany({ data: rows.caseEvents }),
  ]);
  return true;
}
