import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Denials, errorMessage, reasonText } from './denial.ts';

const answer = (errors: { path: string[]; extensions: Record<string, unknown> }[]) =>
  new CombinedError({ graphQLErrors: errors.map((e) => new GraphQLError('x', { path: e.path, extensions: e.extensions })) });

describe('reasons for a field without a value', () => {
  it.each([
    [{ code: 'CONSENT_REQUIRED', category: 'HEALTH' }, 'keine Einwilligung für Gesundheitsdaten'],
    [{ code: 'LEGALLY_BARRED', category: 'COUNSELLING', norm: 'AUFENTHG_88_STGB_203' }, 'gesetzlich ausgeschlossen (§ 203 StGB, § 88 AufenthG)'],
    [{ code: 'SERVICE_UNAVAILABLE' }, 'Dienst nicht erreichbar'],
    [{ code: 'CONSENT_UNAVAILABLE' }, 'Einwilligung konnte nicht geprüft werden – nichts übermittelt'],
    [{ code: 'FORBIDDEN' }, 'für Ihre Rolle nicht freigegeben'],
    [{ code: 'SOMETHING_NEW' }, 'nicht verfügbar'],
    [undefined, 'keine Angabe'],
  ])('words %j as %s, never a blank', (error, text) => {
    expect(reasonText(error)).toBe(text);
  });

  it('finds a field\'s error at its own path or the nearest enclosing one', () => {
    const denials = new Denials(
      answer([
        { path: ['client', 'contact'], extensions: { code: 'CONSENT_REQUIRED', category: 'CONTACT' } },
        { path: ['client', 'healthNotes'], extensions: { code: 'CONSENT_REQUIRED', category: 'HEALTH' } },
      ]),
    );
    expect(reasonText(denials.at('client.contact.phone'))).toBe('keine Einwilligung für Kontaktdaten');
    expect(reasonText(denials.at('client.healthNotes'))).toBe('keine Einwilligung für Gesundheitsdaten');
    expect(denials.at('client.givenName')).toBeUndefined();
  });

  it('words a refused request in German, naming the argument of bad input', () => {
    expect(errorMessage(answer([{ path: ['recordConsent'], extensions: { code: 'BAD_USER_INPUT', argument: 'input.evidenceRef' } }]))).toBe('Eingabe ungültig (Feld input.evidenceRef): x');
    expect(errorMessage(answer([{ path: ['auditTrail'], extensions: { code: 'FORBIDDEN' } }]))).toBe('Diese Ansicht ist für Ihre Rolle oder den gewählten Zweck nicht freigegeben.');
  });
});
