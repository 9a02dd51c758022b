import type { CombinedError } from '@urql/core';
import { CATEGORY_DE, NORM_DE, type DataCategory } from './labels.ts';

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

/** A whole request's failure, in German, for a message box. */
export function errorMessage(error: CombinedError): string {
  if (error.networkError) return 'Der KIM Hub ist nicht erreichbar. Bitte später erneut versuchen.';
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'Ihre Anmeldung ist abgelaufen oder ungültig. Bitte melden Sie sich neu an.';
    case 'FORBIDDEN':
      return 'Diese Ansicht ist für Ihre Rolle oder den gewählten Zweck nicht freigegeben.';
    case 'NOT_FOUND':
      return 'Nicht gefunden – oder für Sie nicht sichtbar.';
    case 'BAD_USER_INPUT': {
      const argument = first?.extensions?.argument;
      return `Eingabe ungültig${typeof argument === 'string' ? ` (Feld ${argument})` : ''}: ${first?.message ?? ''}`;
    }
    case 'RATE_LIMITED':
      return 'Zu viele Anfragen. Bitte kurz warten.';
    case 'LEGALLY_BARRED':
      return `Gesetzlich ausgeschlossen: ${first?.message ?? ''}`;
    case 'CLIENT_ALREADY_REGISTERED':
      return 'Diese Person ist bereits bei einem KIM-Team registriert.';
    default:
      return reasonText(first ? { code: typeof code === 'string' ? code : 'UNKNOWN' } : undefined);
  }
}
