import { RESIDENCE_TITLE_TYPES, TOWNS, type ResidenceTitleType, type Town } from '@kim/schema';
import { hubError } from '@kim/service-kit';

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
