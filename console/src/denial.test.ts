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
    expect(errorMessage(answer([{ path: ['recordConsent'], extensions: { code: 'BAD_USER_INPUT', argument: 'input.evidenceRef' } }]))).toBe('Eingabe ungültig im Feld „Ablagezeichen“. Bitte prüfen Sie die Angabe.');
    expect(errorMessage(answer([{ path: ['registerClient'], extensions: { code: 'BAD_USER_INPUT', argument: 'input.birthDate' } }]))).toBe('Eingabe ungültig im Feld „Geburtsdatum“. Bitte prüfen Sie die Angabe.');
    expect(errorMessage(answer([{ path: ['x'], extensions: { code: 'BAD_USER_INPUT' } }]))).toBe('Eingabe ungültig. Bitte prüfen Sie die Angaben.');
    expect(errorMessage(answer([{ path: ['auditTrail'], extensions: { code: 'FORBIDDEN' } }]))).toBe('Diese Ansicht ist für Ihre Rolle oder den gewählten Zweck nicht freigegeben.');
  });

  it('never shows the server\'s English message: the code, argument and norm word the text', () => {
    const english = (code: string, extensions: Record<string, unknown> = {}) =>
      errorMessage(new CombinedError({ graphQLErrors: [new GraphQLError('input.birthDate must not be in the future.', { path: ['x'], extensions: { code, ...extensions } })] }));
    expect(english('BAD_USER_INPUT', { argument: 'input.birthDate' })).not.toContain('must');
    expect(english('LEGALLY_BARRED', { norm: 'AUFENTHG_88_STGB_203' })).toBe('Die Übermittlung ist gesetzlich ausgeschlossen (§ 203 StGB, § 88 AufenthG).');
    expect(english('CLIENT_ALREADY_REGISTERED', { argument: 'input' })).toMatch(/^Diese Person ist bereits registriert/);
    expect(english('SOMETHING_NEW')).toBe('nicht verfügbar');
  });
});
