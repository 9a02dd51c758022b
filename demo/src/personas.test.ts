import { ROLE_ORGANISATIONS, organisationOf } from '@kim/schema';
import { describe, expect, it } from 'vitest';
import { PERSONAS, purposesOf, type PersonaName } from './personas.ts';

describe('demo personas', () => {
  it.each(Object.keys(PERSONAS) as PersonaName[])('%s holds a role its agency may hold, with purposes', (name) => {
    const persona = PERSONAS[name];
    expect(ROLE_ORGANISATIONS[persona.role]).toContain(organisationOf(persona.agency));
    expect(purposesOf(name).length).toBeGreaterThan(0);
  });

  it('includes every persona the README promises', () => {
    expect(Object.keys(PERSONAS)).toEqual(expect.arrayContaining(['cm-neuss', 'abh', 'jobcenter', 'welfare-caritas', 'dpo', 'ki']));
  });
});
