import type { CombinedError } from '@urql/core';
import { ARGUMENT_DE, CATEGORY_DE, NORM_DE, type DataCategory } from './labels.ts';

export interface FieldError {
  readonly code: string;
  readonly category?: string;
  readonly norm?: string;
}

/** The errors of a partial answer by path (`client.immigrationRecordId`), for reasons per field. */
export class Denials {
  private readonly byPath = new Map<string, FieldError>();

  constructor(error: CombinedError | undefined) {
    for (const e of error?.graphQLErrors ?? []) {
      if (!e.path) continue;
      const ext = e.extensions as { code?: unknown; category?: unknown; norm?: unknown };
      this.byPath.set(e.path.join('.'), {
        code: typeof ext.code === 'string' ? ext.code : 'UNKNOWN',
        ...(typeof ext.category === 'string' ? { category: ext.category } : {}),
        ...(typeof ext.norm === 'string' ? { norm: ext.norm } : {}),
      });
    }
  }

  /** The error at this path or, failing that, at the nearest enclosing path. */
  at(path: string): FieldError | undefined {
    for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const hit = this.byPath.get(p);
      if (hit) return hit;
    }
    return undefined;
  }
}

/** Why a field has no value, in plain German — never a blank. */
export function reasonText(error: FieldError | undefined): string {
  if (!error) return 'keine Angabe';
  const category = error.category ? (CATEGORY_DE[error.category as DataCategory] ?? error.category) : 'diese Daten';
  switch (error.code) {
    case 'CONSENT_REQUIRED':
      return `keine Einwilligung für ${category}`;
    case 'LEGALLY_BARRED':
      return `gesetzlich ausgeschlossen (${error.norm ? (NORM_DE[error.norm] ?? error.norm) : 'Übermittlungsverbot'})`;
    case 'SERVICE_UNAVAILABLE':
      return 'Dienst nicht erreichbar';
    case 'CONSENT_UNAVAILABLE':
      return 'Einwilligung konnte nicht geprüft werden – nichts übermittelt';
    case 'FORBIDDEN':
      return 'für Ihre Rolle nicht freigegeben';
    default:
      return 'nicht verfügbar';
  }
}

/** The field a refusal of bad input names, in the console's words (the argument's path if unknown). */
export function argumentName(argument: unknown): string | null {
  if (typeof argument !== 'string' || argument === '') return null;
  return ARGUMENT_DE[argument] ?? argument;
}

/**
 * A whole request's failure, in German, for a message box. Worded by the error's code, argument,
 * category and norm only: the server's message is English prose for developers and logs, never
 * shown.
 */
export function errorMessage(error: CombinedError): string {
  if (error.networkError) return 'Der KIM Hub ist nicht erreichbar. Bitte später erneut versuchen.';
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  const ext = (first?.extensions ?? {}) as { argument?: unknown; category?: unknown; norm?: unknown };
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'Ihre Anmeldung ist abgelaufen oder ungültig. Bitte melden Sie sich neu an.';
    case 'FORBIDDEN':
      return 'Diese Ansicht ist für Ihre Rolle oder den gewählten Zweck nicht freigegeben.';
    case 'NOT_FOUND':
      return 'Nicht gefunden – oder für Sie nicht sichtbar.';
    case 'BAD_USER_INPUT': {
      const field = argumentName(ext.argument);
      return field ? `Eingabe ungültig im Feld „${field}“. Bitte prüfen Sie die Angabe.` : 'Eingabe ungültig. Bitte prüfen Sie die Angaben.';
    }
    case 'RATE_LIMITED':
      return 'Zu viele Anfragen. Bitte kurz warten.';
    case 'LEGALLY_BARRED':
      return `Die Übermittlung ist gesetzlich ausgeschlossen (${typeof ext.norm === 'string' ? (NORM_DE[ext.norm] ?? ext.norm) : 'Übermittlungsverbot'}).`;
    case 'CLIENT_ALREADY_REGISTERED':
      return 'Diese Person ist bereits registriert: Ein KIM-Team führt schon eine Person mit diesem Vor- und Familiennamen und diesem Geburtsdatum. Es wurde keine neue Akte angelegt.';
    default:
      return reasonText(first ? { code: typeof code === 'string' ? code : 'UNKNOWN' } : undefined);
  }
}
