import { AGENCIES, AGENCY_INFO, REFERRAL_REASONS, RESIDENCE_TITLE_TYPES, TOWNS, isAgency, type Agency, type ClosingReason, type ReferralReason, type ResidenceTitleType, type Town } from '@kim/schema';
import { hubError } from '@kim/service-kit';
import { CLOSING_REASONS } from '../caseTerms.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const bad = (argument: string, message: string) => hubError('BAD_USER_INPUT', message, { argument });

/** A calendar date YYYY-MM-DD that exists and is not after `today`. */
export function pastDate(value: unknown, argument: string, today: string): string {
  if (typeof value !== 'string' || !DATE.test(value)) throw bad(argument, `${argument} must be a date YYYY-MM-DD.`);
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) throw bad(argument, `${argument} is not a calendar date.`);
  if (value > today) throw bad(argument, `${argument} must not be in the future.`);
  return value;
}

/** A calendar date YYYY-MM-DD, or null when not given (due dates may lie ahead). */
export function optionalDate(value: unknown, argument: string): string | null {
  if (value === null || value === undefined) return null;
  return pastDate(value, argument, '9999-12-31');
}

/** Trimmed text of 1 to `max` characters, or BAD_USER_INPUT naming the argument. */
export function requiredText(value: unknown, argument: string, max: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0 || trimmed.length > max) throw bad(argument, `${argument} must be 1 to ${max} characters.`);
  return trimmed;
}

export function optionalText(value: unknown, argument: string, max: number): string | null {
  return value === null || value === undefined || value === '' ? null : requiredText(value, argument, max);
}

export interface IntakeInput {
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
  readonly nationality: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: string | null;
  readonly firstContactOn: string;
  readonly residenceTitleType: ResidenceTitleType | null;
  readonly priorCaseManagement: boolean;
}

/** Validates an intake completely before anything is written; the first bad argument is named. */
export function parseIntake(input: Record<string, unknown>, today: string): IntakeInput {
  const birthDate = pastDate(input.birthDate, 'input.birthDate', today);
  const firstContactOn = pastDate(input.firstContactOn, 'input.firstContactOn', today);
  if (firstContactOn < birthDate) throw bad('input.firstContactOn', 'input.firstContactOn must not be before the birth date.');
  const email = optionalText(input.email, 'input.email', 200);
  if (email !== null && !EMAIL.test(email)) throw bad('input.email', 'input.email is not an e-mail address.');
  const title = input.residenceTitleType ?? null;
  if (title !== null && !(RESIDENCE_TITLE_TYPES as readonly unknown[]).includes(title)) throw bad('input.residenceTitleType', 'input.residenceTitleType is unknown.');
  return {
    givenName: requiredText(input.givenName, 'input.givenName', 100),
    familyName: requiredText(input.familyName, 'input.familyName', 100),
    birthDate,
    nationality: requiredText(input.nationality, 'input.nationality', 100),
    phone: optionalText(input.phone, 'input.phone', 50),
    email,
    address: optionalText(input.address, 'input.address', 300),
    firstContactOn,
    residenceTitleType: title as ResidenceTitleType | null,
    priorCaseManagement: requiredBoolean(input.priorCaseManagement, 'input.priorCaseManagement'),
  };
}

function requiredBoolean(value: unknown, argument: string): boolean {
  if (typeof value !== 'boolean') throw bad(argument, `${argument} must be true or false.`);
  return value;
}

export function parseTown(value: unknown, argument: string): Town {
  if (!(TOWNS as readonly unknown[]).includes(value)) throw bad(argument, `${argument} is not a town of the county.`);
  return value as Town;
}

export const GOAL_STATUSES = ['OPEN', 'IN_PROGRESS', 'ACHIEVED', 'DROPPED'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const REFERRAL_OUTCOMES = ['SUPPORT_STARTED', 'NO_NEED', 'NO_CONTACT', 'WAITING_LIST', 'REFUSED', 'COMPLETED'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/**
 * The organisations KIM refers to: the partner agencies with a subgraph, and those outside the
 * hub (employment agency, BAMF), whose answer the sending team records itself.
 */
const PARTNER_ORGANISATIONS = ['IMMIGRATION_OFFICE', 'JOBCENTER', 'WELFARE', 'OTHER'];
const REFERRAL_TARGET_EXCLUDED: readonly Agency[] = ['DATA_PROTECTION'];

/** One value of a list, or BAD_USER_INPUT naming the argument. */
function listed<T extends string>(list: readonly T[], value: unknown, argument: string, message: string): T {
  if (!(list as readonly unknown[]).includes(value)) throw bad(argument, message);
  return value as T;
}

export const parseGoalStatus = (value: unknown, argument = 'status'): GoalStatus => listed(GOAL_STATUSES, value, argument, `${argument} is unknown.`);

/** The agency that works on a goal, or null: the KIM team itself. */
export function parseGoalAgency(value: unknown, argument = 'input.workedOnBy'): Agency | null {
  return value === null || value === undefined ? null : listed(AGENCIES, value, argument, `${argument} is no agency.`);
}

/** An agency a referral may go to: a partner agency of the hub, or one outside it (not a KIM team, the KI or the data-protection officer). */
export function parseReferralTarget(value: unknown, argument = 'toAgency'): Agency {
  if (!isAgency(value) || !PARTNER_ORGANISATIONS.includes(AGENCY_INFO[value].organisation) || REFERRAL_TARGET_EXCLUDED.includes(value)) {
    throw bad(argument, `${argument} is no partner agency.`);
  }
  return value;
}

export const parseReferralReason = (value: unknown, argument = 'reason'): ReferralReason => listed(REFERRAL_REASONS, value, argument, `${argument} is not on the list.`);

export const parseReferralOutcome = (value: unknown, argument = 'outcome'): ReferralOutcome => listed(REFERRAL_OUTCOMES, value, argument, `${argument} is unknown.`);

export const parseClosingReason = (value: unknown, argument = 'reason'): ClosingReason => listed(CLOSING_REASONS, value, argument, `${argument} is unknown.`);
